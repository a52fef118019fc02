import { isStaff, type Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { availableActionsFor } from '../../cases/index.js';
import type { DocumentTemplate } from '../template.js';

// Seeing a case is not working on it. Who may add to its file or draft its documents follows
// from its workflow, so each case type decides without the platform knowing it.

/** Staff who may take one of the actions that issue the template may draft it. */
export async function mayDraftDocument(tx: Db, caseId: string, template: DocumentTemplate, actor: Actor, now: Date): Promise<boolean> {
  if (!isStaff(actor)) return false;
  const available = await availableActionsFor(tx, caseId, actor, now);
  return template.issuedBy.actions.some((a) => available.includes(a));
}

/** Staff who may take any action on the case now may add files to it; a closed case takes none. */
export async function mayAddAttachment(tx: Db, caseId: string, actor: Actor, now: Date): Promise<boolean> {
  return isStaff(actor) && (await availableActionsFor(tx, caseId, actor, now)).length > 0;
}
