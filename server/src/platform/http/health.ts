import type { FastifyInstance } from 'fastify';
import { platformError } from '../errors/platform-errors.js';
import type { AppContext } from './context.js';

/**
 * For load balancers and monitoring: 200 only when this app server can reach its database.
 * Needs no sign-in; says nothing beyond which kind of database answers.
 */
export async function healthRoutes(app: FastifyInstance, ctx: Pick<AppContext, 'database'>): Promise<void> {
  app.get('/api/health', { schema: { summary: '健康检查', description: 'Runs `select 1`; 503 DATABASE_UNAVAILABLE when the database does not answer.', tags: ['运维'] } }, async (request) => {
    try {
      await ctx.database.backend.query('select 1', [], 'array');
    } catch (error) {
      request.log.error({ err: error }, 'health check: database unreachable');
      throw platformError('DATABASE_UNAVAILABLE');
    }
    return { status: 'ok', database: ctx.database.kind };
  });
}
