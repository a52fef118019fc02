import { registerModule, type ModuleDefinition } from './modules/cases/index.js';
import { hotlineModule } from './modules/requests/index.js';
import { reconsiderationModule } from './modules/reconsideration/index.js';
import { litigationModule } from './modules/litigation/index.js';

/** The modules this installation runs, each registered with the platform at start-up: one line each. */
export const MODULES: readonly ModuleDefinition[] = [hotlineModule, reconsiderationModule, litigationModule];

export function registerModules(): void {
  for (const module of MODULES) registerModule(module);
}
