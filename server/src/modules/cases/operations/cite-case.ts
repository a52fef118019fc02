import type { Db } from '../../../platform/db/database.js';
import { getCaseType } from '../case-registry.js';
import type { CaseCitation } from '../case-type.js';

/**
 * An action resting on another case (a direct answer given from a knowledge entry): the cited
 * type decides whether this actor may use that case now and what the citing event records of
 * it. Runs in the citing action's transaction, so a refusal writes nothing. The citing module
 * names only the type, never the module that declares it.
 */
export async function citeCase(tx: Db, caseType: string, use: CaseCitation): Promise<Record<string, unknown>> {
  const type = getCaseType(caseType);
  if (!type.cite) throw new Error(`case type ${caseType} cannot be cited`);
  return type.cite(tx, use);
}
