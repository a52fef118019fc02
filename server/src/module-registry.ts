import { registerModule, type ModuleDefinition } from './modules/cases/index.js';
import { hotlineModule } from './modules/requests/index.js';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from './platform/http/context.js';
import { reconsiderationModule, reconsiderationPlugin } from './modules/reconsideration/index.js';
import { litigationModule, litigationPlugin } from './modules/litigation/index.js';
import { knowledgeModule, knowledgePlugin } from './modules/knowledge/index.js';
import { enforcementModule, enforcementPlugin } from './modules/enforcement/index.js';

/** The modules this installation runs, each registered with the platform at start-up: one line each. */
export const MODULES: readonly ModuleDefinition[] = [hotlineModule, reconsiderationModule, litigationModule, knowledgeModule, enforcementModule];

export function registerModules(): void {
  for (const module of MODULES) registerModule(module);
}

/** The HTTP routes modules add of their own (recording a case, public pages); the rest is the platform's. */
export const MODULE_ROUTES: ReadonlyArray<(app: FastifyInstance, ctx: AppContext) => Promise<void>> = [reconsiderationPlugin, litigationPlugin, knowledgePlugin, enforcementPlugin];
