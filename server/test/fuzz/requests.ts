import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { CONTENT_TYPES, MALFORMED_BODIES, RAW_PATH_SEGMENTS } from './hostile-values.js';
import { pathParameters, type RouteSpec } from './routes.js';
import { nearValidArbitrary, validArbitrary, type JsonSchema, type SchemaArbitraryOptions } from './schema-arbitrary.js';

/** A piece of an address sent exactly as written (malformed escapes, traversal). */
export class Raw {
  constructor(readonly text: string) {}
  toJSON() {
    return `raw:${this.text}`;
  }
}

export type Kind = 'valid' | 'near-valid' | 'malformed';

/** One generated request, before the caller's headers are added. */
export interface FuzzRequest {
  kind: Kind;
  caller: string;
  method: string;
  url: string;
  contentType: string | null;
  payload: string | undefined;
}

export interface RequestArbitraryOptions extends SchemaArbitraryOptions {
  callers: readonly string[];
  /** Values a parameter takes raw (a wildcard's paths), not generated from its schema. */
  rawParams?: Readonly<Record<string, readonly string[]>>;
  /** The body schema of a route that declares none (an action whose input its case type declares). */
  bodyFor?: (route: RouteSpec, params: Record<string, unknown>) => JsonSchema | null;
}

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

/** Percent-encodes like encodeURIComponent, and a lone surrogate as the invalid UTF-8 a careless client sends. */
export function encode(value: unknown): string {
  if (value instanceof Raw) return value.text;
  const text = typeof value === 'string' ? value : value === undefined ? '' : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  try {
    return encodeURIComponent(text);
  } catch {
    return [...text].map(encodeCodePoint).join('');
  }
}

function encodeCodePoint(ch: string): string {
  try {
    return encodeURIComponent(ch);
  } catch {
    const c = ch.charCodeAt(0);
    return [0xed, 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
  }
}

/** A query string from an object: arrays repeat the key, objects go as JSON. */
export function queryString(query: unknown): string {
  if (query instanceof Raw) return query.text;
  if (!query || typeof query !== 'object' || Array.isArray(query)) return query === undefined ? '' : `value=${encode(query)}`;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) parts.push(`${encode(key)}=${encode(v)}`);
  }
  return parts.join('&');
}

function fillPath(path: string, params: Record<string, unknown>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => encode(params[name]));
}

const RAW_QUERIES = ['%ff=1', 'a=%ff', 'a=%', '__proto__=1', 'constructor[prototype][x]=1', 'page=1&page=2', 'a[]=1&a[b]=2', '&&&', '=', 'a='.repeat(2000), 'q=%00'];

function paramsArbitrary(route: RouteSpec, mode: 'valid' | 'near' | 'raw', o: RequestArbitraryOptions): fc.Arbitrary<Record<string, unknown>> {
  const names = pathParameters(route.path);
  const properties = (route.params.properties ?? {}) as Record<string, JsonSchema>;
  const valid = (name: string): fc.Arbitrary<unknown> => {
    const raw = o.rawParams?.[name];
    if (raw?.length) return fc.constantFrom(...raw.map((r) => new Raw(r)));
    return validArbitrary(properties[name] ?? { type: 'string', minLength: 1 }, name, o).filter((v) => v !== '' && v !== null);
  };
  const all = fc.record(Object.fromEntries(names.map((n) => [n, valid(n)])));
  if (mode === 'valid' || !names.length) return all;
  return fc.tuple(all, fc.constantFrom(...names)).chain(([params, name]) => {
    const bad = mode === 'raw' ? fc.constantFrom(...RAW_PATH_SEGMENTS.map((r) => new Raw(r))) : nearValidArbitrary(properties[name] ?? { type: 'string' }, name, o);
    return bad.map((v) => ({ ...params, [name]: v }));
  });
}

function bodyArbitrary(schema: JsonSchema | null, mode: 'valid' | 'near', o: RequestArbitraryOptions): fc.Arbitrary<unknown> {
  if (!schema) return mode === 'valid' ? fc.constantFrom(undefined, {}) : fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }));
  return mode === 'valid' ? validArbitrary(schema, undefined, o) : nearValidArbitrary(schema, undefined, o);
}

/** Requests for one route: valid-shaped, one mutation away from valid, and malformed, from every caller. */
export function requestArbitrary(route: RouteSpec, o: RequestArbitraryOptions): fc.Arbitrary<FuzzRequest> {
  const hasBody = route.method !== 'GET';
  const caller = fc.constantFrom(...o.callers);
  const query = (mode: 'valid' | 'near' | 'raw'): fc.Arbitrary<unknown> => {
    if (mode === 'raw') return fc.constantFrom(...RAW_QUERIES.map((q) => new Raw(q)));
    if (!route.query) return mode === 'valid' ? fc.constant(undefined) : fc.dictionary(fc.constantFrom('unexpected', 'page', 'unitId', '__proto__', 'q'), fc.oneof(fc.string(), fc.integer()), { maxKeys: 2 });
    return mode === 'valid' ? validArbitrary(route.query, undefined, o) : nearValidArbitrary(route.query, undefined, o);
  };
  const bodyFor = (params: Record<string, unknown>) => route.body ?? o.bodyFor?.(route, params) ?? null;
  const build = (kind: Kind, parts: { caller: string; params: Record<string, unknown>; query: unknown; body?: unknown; raw?: string; contentType?: string | null }): FuzzRequest => {
    const qs = queryString(parts.query);
    const url = `${fillPath(route.path, parts.params)}${qs ? `?${qs}` : ''}`;
    const form = route.bodyEncoding === 'form';
    const encoded = hasBody && parts.body !== undefined ? (form ? queryString(parts.body) : JSON.stringify(parts.body)) : undefined;
    const payload = parts.raw ?? encoded;
    const contentType = parts.contentType !== undefined ? parts.contentType : payload !== undefined ? (form ? 'application/x-www-form-urlencoded' : 'application/json') : null;
    return { kind, caller: parts.caller, method: route.method, url, contentType, payload };
  };

  const valid = fc
    .tuple(caller, paramsArbitrary(route, 'valid', o), query('valid'))
    .chain(([c, params, q]) => bodyArbitrary(bodyFor(params), 'valid', o).map((body) => build('valid', { caller: c, params, query: q, body })));

  const nearParts: Array<'params' | 'query' | 'body'> = ['query', ...(pathParameters(route.path).length ? (['params'] as const) : []), ...(hasBody ? (['body'] as const) : [])];
  const nearValid = fc.tuple(caller, fc.constantFrom(...nearParts)).chain(([c, part]) =>
    fc
      .tuple(paramsArbitrary(route, part === 'params' ? 'near' : 'valid', o), query(part === 'query' ? 'near' : 'valid'))
      .chain(([params, q]) => bodyArbitrary(bodyFor(params), part === 'body' ? 'near' : 'valid', o).map((body) => build('near-valid', { caller: c, params, query: q, body }))),
  );

  const malformedAddress = fc
    .tuple(caller, fc.boolean(), paramsArbitrary(route, 'raw', o), paramsArbitrary(route, 'valid', o), query('raw'))
    .map(([c, inPath, rawParams, params, q]) => (inPath && pathParameters(route.path).length ? build('malformed', { caller: c, params: rawParams, query: undefined }) : build('malformed', { caller: c, params, query: q })));
  const malformedBody = fc
    .tuple(caller, paramsArbitrary(route, 'valid', o), fc.constantFrom(...MALFORMED_BODIES), fc.constantFrom(...CONTENT_TYPES))
    .map(([c, params, raw, contentType]) => build('malformed', { caller: c, params, query: undefined, raw, contentType }));
  const wrongType = fc
    .tuple(caller, paramsArbitrary(route, 'valid', o), fc.constantFrom(...CONTENT_TYPES))
    .chain(([c, params, contentType]) => bodyArbitrary(bodyFor(params), 'valid', o).map((body) => build('malformed', { caller: c, params, query: undefined, raw: JSON.stringify(body ?? {}), contentType })));
  const malformed = hasBody ? fc.oneof(malformedAddress, malformedBody, wrongType) : malformedAddress;

  return fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: nearValid, weight: 5 }, { arbitrary: malformed, weight: 2 });
}

/** What the report shows of a request: short enough to read, long enough to replay by hand. */
export function describeRequest(r: FuzzRequest): string {
  const body = r.payload === undefined ? '' : ` body(${r.contentType ?? 'no content-type'}): ${cut(r.payload, 600)}`;
  return `${r.method} ${cut(r.url, 400)} as ${r.caller} [${r.kind}]${body}`;
}

/** The inject options for a request sent with a caller's headers. */
export function injectOptions(r: FuzzRequest, headers: Record<string, string>): InjectOptions {
  return {
    method: r.method as InjectOptions['method'],
    url: r.url,
    headers: { ...headers, ...(r.contentType !== null ? { 'content-type': r.contentType } : {}) },
    ...(r.payload !== undefined ? { payload: r.payload } : {}),
  };
}
