import { registerModule, type ModuleDefinition } from './modules/cases/index.js';
import { hotlineModule } from './modules/requests/index.js';
import { reconsiderationModule } from './modules/reconsideration/module.js';

/** The modules this installation runs, each registered with the platform at start-up: one line each. */
export const MODULES: readonly ModuleDefinition[] = [hotlineModule, reconsiderationModule];

export function registerModules(): void {
  for (const module of MODULES) registerModule(module);
}
