import { registeredModules, rolesIn } from '../cases/index.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CITIZEN, isStaff, type StaffActor, type StaffRole } from '../../platform/actor.js';
import { platformError } from '../../platform/errors/platform-errors.js';
import type { AppContext } from '../../platform/http/context.js';
import { recordSecurityEvent } from '../../platform/security-log/security-log.js';
import { authError } from './auth.errors.js';
import { roleLabel } from './auth.strings.js';
import { changeOwnPassword } from './operations/manage-users.js';
import { endSessions, logout, resolveSession, sessionSeconds } from './operations/sessions.js';
import { signIn } from './operations/sign-in.js';

export const SESSION_COOKIE = 'fazhi_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a session that must first set a new password may still do. */
const WHILE_PASSWORD_MUST_CHANGE = new Set(['GET /api/auth/me', 'POST /api/auth/password', 'POST /api/auth/logout', 'POST /api/auth/logout-all']);

function tokenOf(request: FastifyRequest): { token: string; via: 'cookie' | 'bearer' } | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), via: 'bearer' };
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

const password = { type: 'string', minLength: 1, maxLength: 256 } as const;

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
    const citizenAct = request.routeOptions.config?.citizenAct === true;
    if (!request.url.startsWith('/api/') || (request.url.startsWith('/api/public/') && !citizenAct)) return;
    const found = tokenOf(request);
    if (!found) return;
    const session = await resolveSession(ctx.database.db, found.token, ctx.time.now());
    if (!session) return;
    if (citizenAct) throw authError('STAFF_NOT_CITIZEN');
    if (found.via === 'cookie' && !SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw platformError('CSRF_INVALID');
    }
    if (session.mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(`${request.method} ${request.routeOptions.url}`)) {
      throw authError('PASSWORD_CHANGE_REQUIRED');
    }
    request.actor = session.actor;
    request.staffSession = { csrfToken: session.csrfToken, username: session.username, unitName: session.unitName, mustChangePassword: session.mustChangePassword };
    request.authVia = found.via;
  });

  app.post(
    '/api/auth/login',
    {
      schema: {
        summary: '登录',
        description:
          'Staff sign-in. Sets an httpOnly session cookie for the web and returns a bearer token for programs. After a few wrong passwords an account (and a client) must wait before trying again (LOGIN_TOO_FAST, with retryAfterSeconds), after more it is locked for a while (ACCOUNT_LOCKED, CLIENT_LOCKED), even for the right password; an administrator can unlock it. `mustChangePassword` true: the session can only change the password.',
        tags: ['auth'],
        body: {
          type: 'object',
          required: ['username', 'password'],
          additionalProperties: false,
          properties: { username: { type: 'string', minLength: 1, maxLength: 64 }, password },
        },
      },
    },
    async (request, reply) => {
      const { username, password: given } = request.body as { username: string; password: string };
      const result = await signIn(ctx.database, { username, password: given, client: request.ip, now: ctx.time.now(), demo: ctx.config.demo === true });
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: ctx.config.secureCookies,
        maxAge: sessionSeconds(),
      });
      return { token: result.token, csrfToken: result.csrfToken, expiresAt: result.expiresAt.toISOString(), mustChangePassword: result.mustChangePassword };
    },
  );

  app.post('/api/auth/logout', { schema: { summary: '退出登录', tags: ['auth'] } }, async (request, reply) => {
    const found = tokenOf(request);
    if (found) {
      await ctx.database.transaction(async (tx) => {
        await logout(tx, found.token);
        if (isStaff(request.actor)) {
          await recordSecurityEvent(tx, { kind: 'logout', at: ctx.time.now(), actorUserId: request.actor.userId, username: request.staffSession?.username, client: request.ip, details: {} });
        }
      });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.post('/api/auth/logout-all', { schema: { summary: '退出全部登录', description: 'Ends every session of the signed-in person, on every device and server, this one included.', tags: ['auth'] } }, async (request, reply) => {
    const actor = requireStaff(request);
    const ended = await ctx.database.transaction(async (tx) => {
      const n = await endSessions(tx, actor.userId);
      await recordSecurityEvent(tx, { kind: 'logout_all', at: ctx.time.now(), actorUserId: actor.userId, username: request.staffSession?.username, client: request.ip, details: { sessionsEnded: n } });
      return n;
    });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { sessionsEnded: ended };
  });

  app.post(
    '/api/auth/password',
    {
      schema: {
        summary: '修改密码',
        description: 'The signed-in person sets a new password: the current one is checked (wrong ones count as failed sign-ins), the new one must meet the policy (PASSWORD_TOO_WEAK), and every other session of theirs ends.',
        tags: ['auth'],
        body: { type: 'object', required: ['currentPassword', 'newPassword'], additionalProperties: false, properties: { currentPassword: password, newPassword: password } },
      },
    },
    async (request) => {
      const actor = requireStaff(request);
      const body = request.body as { currentPassword: string; newPassword: string };
      await changeOwnPassword(ctx.database, actor, { ...body, keepToken: tokenOf(request)!.token, client: request.ip }, ctx.time.now());
      return { ok: true };
    },
  );

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
        mustChangePassword: session.mustChangePassword,
        // County-wide settings are offered to administrators of the whole tree only.
        wholeTree: actor.role === 'admin' && isWholeTree(actor),
      },
      // The modules the person's roles open, for the workbench's menu.
      modules: registeredModules()
        .map((m) => ({ name: m.name, label: m.label, roles: rolesIn(actor, m.name).map((r) => ({ role: r.role, label: m.roles[r.role]?.label ?? r.role, unitId: r.unitId })) }))
        .filter((m) => m.roles.length > 0),
      csrfToken: session.csrfToken,
    };
  });
}

/**
 * The signed-in staff member who holds a role in the module (or administers), or 401/403: a
 * person granted only reconsideration work does not read the hotline's requests and figures.
 */
export function requireModule(request: FastifyRequest, module: string): StaffActor {
  const actor = requireStaff(request);
  if (actor.role !== 'admin' && rolesIn(actor, module).length === 0) throw platformError('FORBIDDEN');
  return actor;
}

/** The signed-in staff member, or 401; with roles given, 403 for anyone else. */
export function requireStaff(request: FastifyRequest, roles?: readonly StaffRole[]): StaffActor {
  const actor = request.actor;
  if (!isStaff(actor)) throw platformError('UNAUTHENTICATED');
  if (roles && !roles.includes(actor.role)) throw platformError('FORBIDDEN');
  return actor;
}

/**
 * An administrator of the whole tree (scoped to its root), or 403: county-wide settings (the
 * categories, automatic dispatch, duty lists, the SMS gateway, the dispatch models) are not for a
 * township's administrator.
 */
export function requireCountyAdmin(request: FastifyRequest): StaffActor {
  const actor = requireStaff(request, ['admin']);
  if (!isWholeTree(actor)) throw authError('COUNTY_ADMIN_ONLY');
  return actor;
}

/** Scoped to the tree's root, whose path names one unit ("/1/"). */
function isWholeTree(actor: StaffActor): boolean {
  return actor.scopePath.split('/').filter(Boolean).length === 1;
}
