import type { Database } from '../../../platform/db/database.js';
import { registeredTypes } from '../../cases/index.js';
import { registeredFigureSets } from '../figures-registry.js';

export interface SourceDifference {
  module: string;
  caseId: string;
  field: string;
  detail?: string;
}

/**
 * For `fazhi stats verify`: a module's figures count its own rows, so every row they read is
 * checked against the case's events (the type's verifyProjection). A difference means a figure
 * would count what the record does not say.
 */
export async function verifyFigureSources(database: Database): Promise<{ modules: string[]; differences: SourceDifference[] }> {
  const modules = registeredFigureSets().map((s) => s.module);
  const differences: SourceDifference[] = [];
  for (const type of registeredTypes()) {
    if (!modules.includes(type.module) || !type.verifyProjection) continue;
    await type.verifyProjection(database, (f) => differences.push({ module: type.module, ...f }));
  }
  return { modules, differences };
}
