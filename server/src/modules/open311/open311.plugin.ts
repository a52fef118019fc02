import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors/app-error.js';
import type { AppContext } from '../../platform/http/context.js';
import { renderRouterErrorsUnder, toAppError } from '../../platform/http/error-handler.js';
import { requireCountyAdmin } from '../auth/index.js';
import { open311Error } from './open311.errors.js';
import { open311AdminSchemas, open311Schemas } from './open311.schemas.js';
import { OPEN311_TEXT } from './open311.strings.js';
import { clientOfKey } from './operations/client-of-key.js';
import { createApiKey } from './operations/create-api-key.js';
import type { KeyManager } from './operations/key-rows.js';
import { listApiKeys } from './operations/list-api-keys.js';
import { revokeApiKey } from './operations/revoke-api-key.js';
import { listPublicRequests, MAX_REQUESTS, publicRequest } from './operations/public-requests.js';
import { submitOpen311Request, type Open311Client } from './operations/submit-open311-request.js';
import { discoveryDocument } from './rules/discovery.js';
import { errorList, Open311Errors } from './rules/errors-list.js';
import { field, list, parseForm } from './rules/form-body.js';
import { RateWindow } from './rules/rate-window.js';
import { CONTENT_TYPES, formatOf, render, type Format, type Value } from './rules/render.js';
import { servicesOf } from './rules/services.js';
import { formatW3cDatetime, parseW3cDatetime } from './rules/w3c-datetime.js';

const PREFIX = '/open311';
const DAY_MS = 86_400_000;
const RANGE_MS = 90 * DAY_MS;

type Params = { format: Format; service_code: string; service_request_id: string; token: string };
type Fields = Record<string, unknown>;

function send(reply: FastifyReply, format: Format, root: string, value: Value, status = 200) {
  return reply.code(status).type(CONTENT_TYPES[format]).send(render(format, root, value));
}

/** Anything thrown under /open311, as the specification's list of errors. */
function errorsOf(error: unknown): { status: number; errors: AppError[] } {
  if (error instanceof Open311Errors) return { status: error.status, errors: [...error.errors] };
  const e = error as FastifyError & { validationContext?: string };
  // A format other than json and xml, or an id that cannot be one: that resource does not exist.
  if (e.validation && e.validationContext === 'params') return { status: 404, errors: [open311Error('OPEN311_NOT_FOUND')] };
  if (e.code?.startsWith('FST_ERR_CTP_') && e.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') return { status: 400, errors: [open311Error('OPEN311_BODY_INVALID')] };
  const appError = toAppError(error);
  const problems = Array.isArray(appError.details) ? (appError.details as Array<{ field?: string; message?: string }>) : [];
  const described = problems.length ? new AppError(appError.code, `${appError.message}：${problems.map((p) => `${p.field ?? ''} ${p.message ?? ''}`.trim()).join('；')}`, appError.status, appError.details) : appError;
  return { status: appError.status, errors: [described] };
}

function sendErrors(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const { status, errors } = errorsOf(error);
  if (status >= 500) request.log.error({ err: error }, 'open311 request failed');
  const asked = (request.params as Partial<Params> | undefined)?.format;
  const format: Format = asked === 'json' || asked === 'xml' ? asked : formatOf(request.url);
  if (status === 429) void reply.header('retry-after', String((error as { retryAfter?: number }).retryAfter ?? 60));
  return send(reply, format, 'errors', errorList(errors), status);
}

/**
 * GeoReport v2 at /open311/v2 (and its discovery file at /open311/discovery): outside /api, no
 * session and no CSRF token; only POST needs a client system's api_key. Admin routes for the
 * keys live under /api/admin/open311.
 */
export async function open311Plugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const limiter = new RateWindow(ctx.config.open311RateLimitPerMinute ?? 60);
  const changeset = formatW3cDatetime(ctx.time.now());
  const clients = new WeakMap<FastifyRequest, Open311Client>();
  renderRouterErrorsUnder(`${PREFIX}/`, sendErrors);

  const reference = () => app.hotlineIntake.reference();
  const checkJurisdiction = async (...sources: unknown[]) => {
    const { countyCode } = await reference();
    for (const source of sources) {
      const given = field(source as Fields, 'jurisdiction_id');
      if (given !== undefined && given !== countyCode) throw open311Error('OPEN311_JURISDICTION_UNKNOWN', { field: 'jurisdiction_id' });
    }
  };

  await app.register(
    async (scope) => {
      scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => done(null, parseForm(body as string)));
      scope.setErrorHandler(sendErrors);
      scope.setNotFoundHandler((request, reply) => sendErrors(open311Error('OPEN311_NOT_FOUND'), request, reply));

      const discovery = async (request: FastifyRequest, reply: FastifyReply) => {
        const document = discoveryDocument({
          endpointUrl: `${request.protocol}://${request.host}${PREFIX}/v2`,
          countyName: (await reference()).countyName,
          changeset,
          demo: ctx.config.demo === true,
        });
        return send(reply, (request.params as Params).format, 'discovery', document);
      };
      scope.get('/discovery.:format', { schema: open311Schemas.discovery }, discovery);
      scope.get('/v2/discovery.:format', { schema: open311Schemas.discovery }, discovery);

      scope.get('/v2/services.:format', { schema: open311Schemas.services }, async (request, reply) => {
        await checkJurisdiction(request.query);
        return send(reply, (request.params as Params).format, 'services', servicesOf((await reference()).categories) as unknown as Value);
      });

      scope.get('/v2/services/:service_code.:format', { schema: open311Schemas.serviceDefinition }, async (request, reply) => {
        await checkJurisdiction(request.query);
        const { format, service_code: code } = request.params as Params;
        const service = servicesOf((await reference()).categories).find((s) => s.service_code === code);
        if (!service) throw open311Error('OPEN311_SERVICE_UNKNOWN', { field: 'service_code' });
        return send(reply, format, 'service_definition', { service_code: service.service_code, attributes: [] });
      });

      scope.post(
        '/v2/requests.:format',
        {
          schema: open311Schemas.submit,
          // The key before anything else: a client without one learns nothing about its request.
          preValidation: async (request) => {
            const given = field(request.body as Fields, 'api_key');
            if (given === undefined) throw open311Error('OPEN311_API_KEY_MISSING', { field: 'api_key' });
            const client = await clientOfKey(ctx.database.db, given);
            if (!client) throw open311Error('OPEN311_API_KEY_INVALID', { field: 'api_key' });
            clients.set(request, client);
          },
        },
        async (request, reply) => {
          const client = clients.get(request)!;
          await checkJurisdiction(request.body, request.query);
          const key = String(client.id);
          if (!limiter.take(key, Date.now())) throw Object.assign(open311Error('OPEN311_RATE_LIMITED'), { retryAfter: limiter.retryAfter(key, Date.now()) });
          const received = await submitOpen311Request(ctx.database, app.hotlineIntake, client, (request.body ?? {}) as Fields, ctx.time.now());
          return send(reply, (request.params as Params).format, 'service_requests', [
            { service_request_id: received.caseId, service_notice: OPEN311_TEXT.received(received.countyName, received.trackingCode, received.requesterKey), account_id: received.accountId },
          ]);
        },
      );

      scope.get('/v2/requests.:format', { schema: open311Schemas.requests }, async (request, reply) => {
        const query = request.query as Fields;
        await checkJurisdiction(query);
        const ids = list(field(query, 'service_request_id'));
        if (ids.length > MAX_REQUESTS) throw open311Error('OPEN311_TOO_MANY_IDS', { field: 'service_request_id' });
        const found = ids.length
          ? await listPublicRequests(ctx.database.db, { ids, from: new Date(0), to: new Date(0) }, await reference())
          : await listPublicRequests(ctx.database.db, { ...period(query, ctx.time.now()), serviceCodes: list(field(query, 'service_code')), statuses: statuses(query) }, await reference());
        return send(reply, (request.params as Params).format, 'service_requests', found as unknown as Value);
      });

      scope.get('/v2/requests/:service_request_id.:format', { schema: open311Schemas.request }, async (request, reply) => {
        await checkJurisdiction(request.query);
        const { format, service_request_id: id } = request.params as Params;
        return send(reply, format, 'service_requests', [await publicRequest(ctx.database.db, id, await reference())] as unknown as Value);
      });

      scope.get('/v2/tokens/:token.:format', { schema: open311Schemas.token }, async (request) => {
        await checkJurisdiction(request.query);
        throw open311Error('OPEN311_TOKEN_NOT_FOUND', { field: 'token' });
      });
    },
    { prefix: PREFIX },
  );

  // Keys belong to the whole county: administrators of the whole tree issue and revoke them.
  const wholeTree = async (request: FastifyRequest): Promise<KeyManager> => {
    const actor = requireCountyAdmin(request);
    return { userId: actor.userId, username: request.staffSession?.username ?? '' };
  };
  const admin = { preValidation: async (request: FastifyRequest) => void (await wholeTree(request)) };

  app.get('/api/admin/open311/keys', { ...admin, schema: open311AdminSchemas.list }, async () => ({ keys: await listApiKeys(ctx.database.db) }));

  app.post('/api/admin/open311/keys', { ...admin, schema: open311AdminSchemas.create }, async (request, reply) => {
    const manager = await wholeTree(request);
    const created = await createApiKey(ctx.database, manager, (request.body as { clientName: string }).clientName, ctx.time.now(), request.ip);
    return reply.code(201).send(created);
  });

  app.post('/api/admin/open311/keys/:id/revoke', { ...admin, schema: open311AdminSchemas.revoke }, async (request) => {
    const manager = await wholeTree(request);
    return revokeApiKey(ctx.database, manager, (request.params as { id: number }).id, ctx.time.now(), request.ip);
  });
}

/** The days a list covers: the last 90 by default; a range given may not exceed 90 days. */
function period(query: Fields, now: Date): { from: Date; to: Date } {
  const [start, end] = ['start_date', 'end_date'].map((name) => {
    const given = field(query, name);
    if (given === undefined) return undefined;
    const at = parseW3cDatetime(given);
    if (!at) throw open311Error('OPEN311_DATE_INVALID', { field: name });
    return at;
  });
  const to = end ?? (start ? new Date(Math.min(now.getTime(), start.getTime() + RANGE_MS)) : now);
  const from = start ?? new Date(to.getTime() - RANGE_MS);
  if (from > to || to.getTime() - from.getTime() > RANGE_MS) throw open311Error('OPEN311_DATE_RANGE_INVALID', { field: 'start_date' });
  return { from, to };
}

function statuses(query: Fields): Array<'open' | 'closed'> {
  const given = list(field(query, 'status')).map((s) => s.toLowerCase());
  if (given.some((s) => s !== 'open' && s !== 'closed')) throw open311Error('OPEN311_STATUS_INVALID', { field: 'status' });
  return given as Array<'open' | 'closed'>;
}
