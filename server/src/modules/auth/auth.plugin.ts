import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CITIZEN, isStaff, type Actor, type StaffRole } from '../../platform/actor.js';
import { platformError } from '../../platform/errors/platform-errors.js';
import type { AppContext } from '../../platform/http/context.js';
import { login, logout, resolveSession, SESSION_HOURS } from './operations/sessions.js';
import { roleLabel } from './auth.strings.js';

export const SESSION_COOKIE = 'fazhi_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function tokenOf(request: FastifyRequest): { token: string; via: 'cookie' | 'bearer' } | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), via: 'bearer' };
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/**
 * Resolves who is calling on every request. Web sessions ride an httpOnly cookie and
 * must echo the session's CSRF token on writes; programs send a bearer token instead.
 */
export async function authPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('staffSession', null);
  app.decorateRequest('authVia', 'none');
  app.addHook('onRequest', async (request) => {
    request.actor = CITIZEN;
    request.staffSession = null;
    request.authVia = 'none';
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/public/')) return;
    const found = tokenOf(request);
    if (!found) return;
    const session = await resolveSession(ctx.database.db, found.token, ctx.time.now());
    if (!session) return;
    if (found.via === 'cookie' && !SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw platformError('CSRF_INVALID');
    }
    request.actor = session.actor;
    request.staffSession = { csrfToken: session.csrfToken, username: session.username, unitName: session.unitName };
    request.authVia = found.via;
  });

  app.post(
    '/api/auth/login',
    {
      schema: {
        summary: '登录',
        description: 'Staff sign-in. Sets an httpOnly session cookie for the web and returns a bearer token for programs.',
        tags: ['auth'],
        body: {
          type: 'object',
          required: ['username', 'password'],
          additionalProperties: false,
          properties: { username: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 256 } },
        },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body as { username: string; password: string };
      const result = await login(ctx.database.db, username, password, ctx.time.now());
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: ctx.config.secureCookies,
        maxAge: SESSION_HOURS * 3600,
      });
      return { token: result.token, csrfToken: result.csrfToken, expiresAt: result.expiresAt.toISOString() };
    },
  );

  app.post('/api/auth/logout', { schema: { summary: '退出登录', tags: ['auth'] } }, async (request, reply) => {
    const found = tokenOf(request);
    if (found) await logout(ctx.database.db, found.token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', { schema: { summary: '当前用户', tags: ['auth'] } }, async (request) => {
    const actor = requireStaff(request);
    const session = request.staffSession!;
    return {
      user: {
        id: actor.userId,
        username: session.username,
        displayName: actor.displayName,
        role: actor.role,
        roleLabel: roleLabel(actor.role),
        unitId: actor.unitId,
        unitName: session.unitName,
        scopeUnitId: actor.scopeUnitId,
      },
      csrfToken: session.csrfToken,
    };
  });
}

/** The signed-in staff member, or 401; with roles given, 403 for anyone else. */
export function requireStaff(request: FastifyRequest, roles?: readonly StaffRole[]): Extract<Actor, { userId: number }> {
  const actor = request.actor;
  if (!isStaff(actor)) throw platformError('UNAUTHENTICATED');
  if (roles && !roles.includes(actor.role)) throw platformError('FORBIDDEN');
  return actor;
}

