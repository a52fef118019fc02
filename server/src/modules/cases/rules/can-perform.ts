import type { ActorRole } from '../../../platform/actor.js';
import type { CaseTypeDefinition } from '../case-type.js';

export type Refusal = 'ACTION_UNKNOWN' | 'ACTION_NOT_ALLOWED_IN_STATE' | 'ACTION_ROLE_FORBIDDEN';

/** The pure part of legality: does the workflow allow this role this action in this state? */
export function checkAction(type: CaseTypeDefinition, state: string, action: string, role: ActorRole): Refusal | null {
  const definition = Object.hasOwn(type.actions, action) ? type.actions[action] : undefined;
  if (!definition) return 'ACTION_UNKNOWN';
  if (!definition.roles.includes(role)) return 'ACTION_ROLE_FORBIDDEN';
  if (!definition.from.includes(state)) return 'ACTION_NOT_ALLOWED_IN_STATE';
  return null;
}

/** The actions a role could take in a state, for showing buttons. */
export function availableActions(type: CaseTypeDefinition, state: string, role: ActorRole): string[] {
  return Object.keys(type.actions).filter((action) => checkAction(type, state, action, role) === null);
}
