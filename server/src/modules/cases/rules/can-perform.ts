import type { Actor } from '../../../platform/actor.js';
import type { CaseTypeDefinition } from '../case-type.js';
import { holdsRole } from '../operations/module-roles.js';

export type Refusal = 'ACTION_UNKNOWN' | 'ACTION_NOT_ALLOWED_IN_STATE' | 'ACTION_ROLE_FORBIDDEN';

/** The first part of legality: does the workflow allow this actor's roles this action in this state? */
export function checkAction(type: CaseTypeDefinition, state: string, action: string, actor: Actor): Refusal | null {
  const definition = Object.hasOwn(type.actions, action) ? type.actions[action] : undefined;
  if (!definition) return 'ACTION_UNKNOWN';
  if (!holdsRole(actor, type.module, definition.roles)) return 'ACTION_ROLE_FORBIDDEN';
  if (!definition.from.includes(state)) return 'ACTION_NOT_ALLOWED_IN_STATE';
  return null;
}

/** The actions an actor's roles could take in a state, for showing buttons. */
export function availableActions(type: CaseTypeDefinition, state: string, actor: Actor): string[] {
  return Object.keys(type.actions).filter((action) => checkAction(type, state, action, actor) === null);
}
