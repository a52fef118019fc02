import { isStaff, type Actor } from '../../../platform/actor.js';
import type { Database } from '../../../platform/db/database.js';
import { platformError } from '../../../platform/errors/platform-errors.js';
import { findModule, rolesIn, visibleScopes } from '../../cases/index.js';
import { figuresError } from '../figures.errors.js';
import { figureSetOf } from '../figures-registry.js';
import { validDay } from '../rules/period.js';
import { computeFigures, type FigureReport, type Period } from './compute-figures.js';

/**
 * A module's figures for a person, counted over the cases they may see: those placed in the
 * subtree of a role they hold in the module (an administrator's own scope too), exactly the
 * subtrees their lists read. A township's officer gets the township's figures, never the county's.
 */
export async function readModuleFigures(database: Database, actor: Actor, module: string, period: Period): Promise<FigureReport & { moduleLabel: string }> {
  if (!isStaff(actor)) throw platformError('UNAUTHENTICATED');
  const set = figureSetOf(module);
  if (!set) throw figuresError('FIGURES_MODULE_UNKNOWN', { module });
  if (actor.role !== 'admin' && rolesIn(actor, module).length === 0) throw platformError('FORBIDDEN');
  if (!validDay(period.from) || !validDay(period.to) || period.from > period.to) throw figuresError('FIGURES_PERIOD_INVALID', { field: !validDay(period.from) ? 'from' : 'to' });
  const report = await computeFigures(database, set, period, { paths: visibleScopes(actor, module) });
  return { ...report, moduleLabel: findModule(module)?.label ?? module };
}
