import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { isStaff } from '../../platform/actor.js';
import { platformError } from '../../platform/errors/platform-errors.js';
import type { AppContext } from '../../platform/http/context.js';
import { auditError } from './audit.errors.js';
import { SECURITY_EVENT_LABELS } from './audit.strings.js';
import { listSecurityEvents, securityEvents } from '../../platform/security-log/security-log.js';

/** The security log for administrators: an administrator of part of the tree sees the entries about its accounts. */
export async function auditPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/admin/security-events',
    {
      schema: {
        summary: '安全审计日志',
        description: 'Sign-ins, failures, locks and administrative changes, newest first. An administrator of the whole tree sees every entry; one of part of it, the entries about accounts working there, the changes made by them, and the changes to units there (where a unit was moved from included).',
        tags: ['用户管理'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            from: { type: 'string', format: 'date-time' },
            to: { type: 'string', format: 'date-time' },
            kind: { type: 'string', maxLength: 40 },
            username: { type: 'string', maxLength: 64 },
            page: { type: 'integer', minimum: 1, default: 1 },
            pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
          },
        },
      },
    },
    async (request) => {
      const actor = request.actor;
      if (!isStaff(actor)) throw platformError('UNAUTHENTICATED');
      if (actor.role !== 'admin') throw platformError('FORBIDDEN');
      const q = request.query as { from?: string; to?: string; kind?: string; username?: string; page: number; pageSize: number };
      const from = q.from ? new Date(q.from) : undefined;
      const to = q.to ? new Date(q.to) : undefined;
      if (from && to && from > to) throw auditError('SECURITY_LOG_PERIOD_INVALID');
      // The root's administrators see all; others what concerns their subtree: its accounts, what
      // its people did, and changes to its units.
      const whole = (await ctx.database.backend.query(`select 1 from units where id = $1 and parent_id is null`, [actor.scopeUnitId], 'array')).rows.length > 0;
      const subtree = `${actor.scopePath}%`;
      const scoped = whole ? undefined : sql`(${securityEvents.username} in (select u.username from users u join units n on n.id = u.unit_id where n.path like ${subtree})
        or ${securityEvents.actorUserId} in (select u.id from users u join units n on n.id = u.unit_id where n.path like ${subtree})
        or ${securityEvents.details}->>'unitPath' like ${subtree} or ${securityEvents.details}->>'formerPath' like ${subtree})`;
      const { total, rows } = await listSecurityEvents(ctx.database.db, { from, to, kind: q.kind, username: q.username, page: q.page, pageSize: q.pageSize }, scoped);
      return {
        total,
        items: rows.map((r) => ({
          seq: r.seq, at: r.at.toISOString(), kind: r.kind, kindLabel: SECURITY_EVENT_LABELS[r.kind] ?? r.kind,
          actorUserId: r.actorUserId, username: r.username, client: r.client, details: r.details,
        })),
      };
    },
  );
}
