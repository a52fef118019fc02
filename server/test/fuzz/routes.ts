import type { FastifyInstance } from 'fastify';
import type { JsonSchema } from './schema-arbitrary.js';

/** One route as the fuzz sees it: its address pattern and the schemas of each part of a request. */
export interface RouteSpec {
  method: string;
  /** OpenAPI form: `/api/requests/{caseId}`; `{*}` is a wildcard sent raw (for static files). */
  path: string;
  params: JsonSchema;
  query: JsonSchema | null;
  body: JsonSchema | null;
  /** How the body is sent: JSON, or a form (application/x-www-form-urlencoded) where the route takes only that. */
  bodyEncoding?: 'json' | 'form';
}

interface OpenApiParameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function objectOf(parameters: OpenApiParameter[]): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(parameters.map((p) => [p.name, p.schema ?? { type: 'string' }])),
    required: parameters.filter((p) => p.required).map((p) => p.name),
  };
}

/**
 * Every route the app documents, from its own OpenAPI document, so a route added later is
 * fuzzed without anyone listing it. Routes hidden from the document (the API reference's own
 * pages) are not here; the fuzz adds those it wants by hand.
 */
export async function documentedRoutes(app: FastifyInstance): Promise<RouteSpec[]> {
  await app.ready();
  const doc = app.swagger() as { paths?: Record<string, Record<string, OpenApiOperation>> };
  const routes: RouteSpec[] = [];
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(operations)) {
      if (!METHODS.includes(method)) continue;
      const parameters = op.parameters ?? [];
      const query = parameters.filter((p) => p.in === 'query');
      const content = op.requestBody?.content;
      const form = !content?.['application/json'] && content?.['application/x-www-form-urlencoded'];
      routes.push({
        method: method.toUpperCase(),
        path,
        params: objectOf(parameters.filter((p) => p.in === 'path')),
        query: query.length ? objectOf(query) : null,
        body: (form ? form.schema : content?.['application/json']?.schema) ?? null,
        ...(form ? { bodyEncoding: 'form' as const } : {}),
      });
    }
  }
  return routes;
}

/** The names of a path's parameters, in order. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}
