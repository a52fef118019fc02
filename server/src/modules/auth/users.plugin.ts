import type { FastifyInstance } from 'fastify';
import { STAFF_ROLES } from '../../platform/actor.js';
import type { AppContext } from '../../platform/http/context.js';
import { requireStaff } from './auth.plugin.js';
import { roleLabel } from './auth.strings.js';
import { createUser, listGrants, setGrants, listClientLocks, listUsers, lockUser, resetPassword, setUserDisabled, unlockClient, unlockUser, updateUser, type AccountChanges, type GrantInput, type NewAccount } from './operations/manage-users.js';
import { endSessions } from './operations/sessions.js';
import { registeredModules } from '../cases/index.js';
import { registerUnitMergeStep, unitKindLabel } from '../orgs/index.js';
import { platformError } from '../../platform/errors/platform-errors.js';

const tags = ['用户管理'];
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } };
const role = { type: 'string', enum: [...STAFF_ROLES] };
const unitId = { type: 'integer', minimum: 1 };

/** Accounts, for administrators within their scope: create, move, reset, unlock, stop. Every change goes to the security log. */
export async function usersPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const admin = { preValidation: async (request: Parameters<typeof requireStaff>[0]) => void requireStaff(request, ['admin']) };
  // Accounts moved by a unit merge sign in again, to work with their new unit and scope.
  registerUnitMergeStep('sessions', async (tx, merge) => {
    let ended = 0;
    for (const userId of merge.movedUserIds) ended += await endSessions(tx, userId);
    return { sessionsEnded: ended };
  });

  app.get('/api/admin/users', { ...admin, schema: { summary: '用户列表', description: 'Every account working within the administrator’s scope, with its lock state.', tags } }, async (request) => {
    const actor = requireStaff(request, ['admin']);
    const users = await listUsers(ctx.database.db, actor, ctx.time.now());
    return { users: users.map((u) => ({ ...u, roleLabel: roleLabel(u.role) })) };
  });

  app.post(
    '/api/admin/users',
    {
      ...admin,
      schema: {
        summary: '新建用户',
        description: 'Creates an account with a one-time password, returned this once; the person must replace it at first sign-in.',
        tags,
        body: {
          type: 'object',
          required: ['username', 'displayName', 'role', 'unitId'],
          additionalProperties: false,
          properties: {
            username: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$' },
            displayName: { type: 'string', minLength: 1, maxLength: 50 },
            role,
            unitId,
            scopeUnitId: unitId,
          },
        },
      },
    },
    async (request, reply) => {
      const actor = requireStaff(request, ['admin']);
      const { user, temporaryPassword } = await createUser(ctx.database, actor, request.body as NewAccount, ctx.time.now());
      return reply.code(201).send({ id: user.id, username: user.username, temporaryPassword });
    },
  );

  app.patch(
    '/api/admin/users/:id',
    {
      ...admin,
      schema: {
        summary: '修改用户',
        description: 'Name, role, unit or scope; the account’s sessions end so the change applies at once.',
        tags,
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: { displayName: { type: 'string', minLength: 1, maxLength: 50 }, role, unitId, scopeUnitId: unitId },
        },
      },
    },
    async (request) => {
      const actor = requireStaff(request, ['admin']);
      await updateUser(ctx.database, actor, (request.params as { id: number }).id, request.body as AccountChanges, ctx.time.now());
      return { ok: true };
    },
  );

  app.post('/api/admin/users/:id/reset-password', { ...admin, schema: { summary: '重置密码', description: 'A new one-time password, returned this once; every session of the account ends.', tags, params: idParams } }, async (request) => {
    const actor = requireStaff(request, ['admin']);
    return resetPassword(ctx.database, actor, (request.params as { id: number }).id, ctx.time.now());
  });

  app.post('/api/admin/users/:id/unlock', { ...admin, schema: { summary: '解除登录锁定', tags, params: idParams } }, async (request) => {
    const actor = requireStaff(request, ['admin']);
    await unlockUser(ctx.database, actor, (request.params as { id: number }).id, ctx.time.now());
    return { ok: true };
  });

  app.post(
    '/api/admin/users/:id/lock',
    {
      ...admin,
      schema: {
        summary: '锁定用户',
        description: 'Keeps the account from signing in until the time given (at most a year), the right password included; its sessions end. 解除锁定 lifts it sooner.',
        tags,
        params: idParams,
        body: { type: 'object', required: ['until'], additionalProperties: false, properties: { until: { type: 'string', format: 'date-time' } } },
      },
    },
    async (request) => {
      const actor = requireStaff(request, ['admin']);
      await lockUser(ctx.database, actor, (request.params as { id: number }).id, new Date((request.body as { until: string }).until), ctx.time.now());
      return { ok: true };
    },
  );

  app.get('/api/admin/module-roles', { ...admin, schema: { summary: '可授予的模块角色', description: 'Every role a module grants per unit, with the kinds of unit it may be granted for.', tags } }, async () => ({
    modules: registeredModules().map((m) => ({
      name: m.name,
      label: m.label,
      roles: Object.entries(m.roles)
        .filter(([, spec]) => !spec.home)
        .map(([name, spec]) => ({ role: `${m.name}.${name}`, label: spec.label, unitKinds: (spec.unitKinds ?? []).map((kind) => ({ kind, label: unitKindLabel(kind) })) })),
    })).filter((m) => m.roles.length > 0),
  }));

  app.get('/api/admin/users/:id/grants', { ...admin, schema: { summary: '用户的模块角色', tags, params: idParams } }, async (request) => {
    const actor = requireStaff(request, ['admin']);
    return { grants: await listGrants(ctx.database.db, actor, (request.params as { id: number }).id) };
  });

  app.put(
    '/api/admin/users/:id/grants',
    {
      ...admin,
      schema: {
        summary: '设置用户的模块角色',
        description: 'Replaces the account’s module roles (e.g. `xzfy.handler` for the county government). Each must be a role a module grants, for a unit in the administrator’s scope of a kind the role allows; the account’s sessions end.',
        tags,
        params: idParams,
        body: {
          type: 'object',
          required: ['grants'],
          additionalProperties: false,
          properties: {
            grants: {
              type: 'array',
              maxItems: 50,
              items: { type: 'object', required: ['role', 'unitId'], additionalProperties: false, properties: { role: { type: 'string', pattern: '^[a-z0-9_]+\\.[a-z0-9_]+$' }, unitId } },
            },
          },
        },
      },
    },
    async (request) => {
      const actor = requireStaff(request, ['admin']);
      await setGrants(ctx.database, actor, (request.params as { id: number }).id, (request.body as { grants: GrantInput[] }).grants, ctx.time.now());
      return { ok: true };
    },
  );

  // Addresses are not in anyone's subtree: administrators of the whole tree see and lift their locks.
  const wholeTree = async (request: Parameters<typeof requireStaff>[0]) => {
    const actor = requireStaff(request, ['admin']);
    const root = (await ctx.database.backend.query('select 1 from units where id = $1 and parent_id is null', [actor.scopeUnitId], 'array')).rows.length > 0;
    if (!root) throw platformError('FORBIDDEN');
    return actor;
  };

  app.get('/api/admin/sign-in-locks', { schema: { summary: '被锁定的客户端地址', description: 'Addresses kept from signing in after too many failures (administrators of the whole tree).', tags } }, async (request) => {
    await wholeTree(request);
    return { clients: await listClientLocks(ctx.database.db, ctx.time.now()) };
  });

  app.post(
    '/api/admin/sign-in-locks/unlock',
    {
      preValidation: async (request) => void (await wholeTree(request)),
      schema: {
        summary: '解除客户端锁定',
        tags,
        body: { type: 'object', required: ['address'], additionalProperties: false, properties: { address: { type: 'string', minLength: 1, maxLength: 64 } } },
      },
    },
    async (request) => {
      const actor = await wholeTree(request);
      await unlockClient(ctx.database, actor, (request.body as { address: string }).address, ctx.time.now());
      return { ok: true };
    },
  );

  for (const [path, disabled, summary] of [['disable', true, '停用用户'], ['enable', false, '启用用户']] as const) {
    app.post(`/api/admin/users/:id/${path}`, { ...admin, schema: { summary, tags, params: idParams } }, async (request) => {
      const actor = requireStaff(request, ['admin']);
      await setUserDisabled(ctx.database, actor, (request.params as { id: number }).id, disabled, ctx.time.now());
      return { ok: true };
    });
  }
}
