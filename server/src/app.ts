import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { platformError } from './platform/errors/platform-errors.js';
import type { AppContext } from './platform/http/context.js';
import { frameworkErrors, installErrorHandling } from './platform/http/error-handler.js';
import { installInputGuards } from './platform/http/input-guards.js';
import { installCompression, staticCacheControl } from './platform/http/compression.js';
import { healthRoutes } from './platform/http/health.js';
import { installReferenceChanges } from './platform/http/reference-changes.js';
import { auditPlugin } from './modules/audit/index.js';
import { authPlugin, usersPlugin } from './modules/auth/index.js';
import { casesPlugin } from './modules/cases/index.js';
import { MODULE_ROUTES, registerModules } from './module-registry.js';
import { installSecurityHeaders } from './platform/http/security-headers.js';
import { documentsPlugin } from './modules/documents/index.js';
import { dutiesPlugin } from './modules/duties/index.js';
import { figuresPlugin } from './modules/figures/index.js';
import { governancePlugin } from './modules/governance/index.js';
import { metricsPlugin } from './modules/metrics/index.js';
import { messagingPlugin, SettingsSms } from './modules/messaging/index.js';
import { open311Plugin } from './modules/open311/index.js';
import { orgsPlugin } from './modules/orgs/index.js';
import { categoriesPlugin, requestsPlugin } from './modules/requests/index.js';
import { routingPlugin } from './modules/routing/index.js';

registerModules();

/** Builds the HTTP application without listening, so tests can use inject(). */
export async function buildApp(given: AppContext, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  // Messages go through the gateway an administrator saved, the one the server was given until then.
  const sms = new SettingsSms(given.database, given.config.sms, given.config.referenceMaxAgeMs ?? 60_000, (problem) => app.log.warn(problem));
  const ctx: AppContext = { ...given, config: { ...given.config, sms, smsFromEnvironment: given.config.smsFromEnvironment ?? given.config.sms?.configured ?? false } };
  const app = Fastify({
    logger: options.logger ?? false,
    // X-Forwarded-For is believed only from the proxies the operator names: anyone else could
    // write any address into it and slip past the per-client limits.
    trustProxy: ctx.config.trustedProxies?.length ? [...ctx.config.trustedProxies] : false,
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
    frameworkErrors,
  });
  installErrorHandling(app);
  installSecurityHeaders(app, { https: ctx.config.secureCookies });
  installInputGuards(app);
  installReferenceChanges(app);
  installCompression(app);
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => platformError('RATE_LIMITED'),
  });
  await app.register(swagger, {
    openapi: { info: { title: 'Fazhi 法治 API', version: '0.1.0', description: '法治政府建设一体化平台接口' } },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  await healthRoutes(app, ctx);
  await authPlugin(app, ctx);
  await usersPlugin(app, ctx);
  await auditPlugin(app, ctx);
  await casesPlugin(app, ctx);
  await documentsPlugin(app, ctx);
  await figuresPlugin(app, ctx);
  await orgsPlugin(app, ctx);
  await requestsPlugin(app, ctx);
  await categoriesPlugin(app, ctx);
  await routingPlugin(app, ctx);
  await open311Plugin(app, ctx);
  await dutiesPlugin(app, ctx);
  await messagingPlugin(app, ctx, sms);
  await governancePlugin(app, ctx);
  await metricsPlugin(app, ctx);
  for (const moduleRoutes of MODULE_ROUTES) await moduleRoutes(app, ctx);

  const web = ctx.config.webDist;
  if (web && existsSync(join(web, 'index.html'))) {
    // Built assets carry their content's hash in their names: cached for good. index.html is
    // checked each time, so a new release is seen at once. The .br and .gz files are the build's.
    await app.register(fastifyStatic, {
      root: web,
      wildcard: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => reply.header('cache-control', staticCacheControl(path)),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !web || request.method !== 'GET' || !existsSync(join(web, 'index.html'))) {
      const e = platformError('ROUTE_NOT_FOUND');
      return reply.code(404).send({ error: { code: e.code, message: e.message, details: null } });
    }
    // The web app routes on the client; every page address serves the same shell.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
