import type { Actor, ActorRole } from '../../platform/actor.js';
import type { Database, Db } from '../../platform/db/database.js';
import type { AppError } from '../../platform/errors/app-error.js';

/** A JSON Schema for an action's input (object at the top). */
export type InputSchema = {
  type: 'object';
  properties: Record<string, unknown>;
  required?: readonly string[];
  additionalProperties?: boolean;
};

/** What an action does to the case's clocks, by clock name. */
export interface ClockEffects<I> {
  /** Clocks to start; the rule may depend on the case and input. */
  start?: ReadonlyArray<{ name: string; rule: (ctx: ActionContext<I>, result: EffectResult) => string | null }>;
  stop?: readonly string[];
  /** Clocks to lengthen by their rule's statutory extension. */
  extend?: readonly string[];
}

export interface ActionContext<I = Record<string, unknown>> {
  tx: Db;
  caseId: string;
  state: string;
  /** The organ that received the case and runs it (for 12345, the hotline center). */
  organUnitId: number | null;
  /** The unit that currently leads the case, if any. */
  ownerUnitId: number | null;
  actor: Actor;
  input: I;
  now: Date;
}

/** What a type's effect hook hands back to the engine. */
export interface EffectResult {
  /** Overrides the action's `to` when the next state depends on the input. */
  nextState?: string;
  /** Extra facts recorded in the event beside the input (ids, computed deadlines). */
  eventFacts?: Record<string, unknown>;
  ownerUnitId?: number | null;
  /** Unit a clock started by this action belongs to (for sweeps and to-do lists). */
  clockUnitId?: number | null;
  clockSubjectId?: string | null;
  /** Rules the effect chose for clocks it starts (looked up from the case's data). */
  clockRules?: Record<string, string>;
}

export interface ActionDefinition<I = any> {
  label: string;
  from: readonly string[];
  /** Next state; omitted means the state does not change. */
  to?: string;
  roles: readonly ActorRole[];
  input: InputSchema;
  clocks?: ClockEffects<I>;
  /**
   * Other cases the action changes or reads as it decides (e.g. the case a request is merged
   * into). The engine locks them with the case itself, all in one fixed order, so two actions
   * on the same pair of cases from two servers take turns instead of both succeeding.
   */
  relatedCases?: (input: I) => readonly string[];
  /**
   * May this actor take this action on this case? The engine has already checked that the
   * actor sees the case, holds the role and that the state allows it; this is the rule of
   * whom the actor acts for (e.g. only the unit the case was dispatched to, only the organ
   * that runs the case). False refuses with 403, and hides the action's button.
   */
  authorize?: (ctx: ActionContext<I>) => Promise<boolean>;
  /**
   * What must hold of the case before the action makes sense (e.g. an extension is already
   * pending): the refusal to give, or null. Checked after authorize, before the effect, and
   * when listing the actions a page offers.
   */
  precondition?: (ctx: ActionContext<I>) => Promise<AppError | null>;
  /** Writes the type's own tables in the same transaction. Throws AppError to refuse. */
  effect?: (ctx: ActionContext<I>) => Promise<EffectResult | void>;
}

/**
 * A case type is a declarative workflow: states, and the actions that move a case
 * between them. The engine knows nothing of any particular type.
 */
export interface CaseTypeDefinition {
  name: string;
  label: string;
  states: Readonly<Record<string, { label: string; final?: boolean }>>;
  initialState: string;
  /** Event type for opening a case of this type. */
  openEvent: string;
  actions: Readonly<Record<string, ActionDefinition>>;
  /**
   * Who may see a case besides its organ's subtree: SQL over the type's own tables that yields
   * (case_id, unit_id) for every unit that holds a stake in a case (a dispatch, a party, a
   * reviewer). Staff see a case when its organ or one of these units lies within their scope.
   */
  stakeholders: string;
  /** Clock rules resolve through this (lets a city override its own limits). */
  dueAt?: (ruleId: string, start: Date, extended: number) => Date;
  /**
   * For `fazhi audit verify`: compares the type's own rows with what its events replay to
   * (a request's text, its reply, its requester) and reports each row that differs.
   */
  verifyProjection?: (database: Database, report: (finding: { caseId: string; field: string; detail?: string }) => void) => Promise<void>;
  /** Clears the type's own copies of a case's personal data (in the erasure's transaction). */
  erasePersonalData?: (tx: Db, caseId: string) => Promise<void>;
  /** Records, in the sweep's transaction, that a running clock ran out (for the type's figures). */
  onClockLapsed?: (tx: Db, clock: LapsedClock) => Promise<void>;
}

export interface LapsedClock {
  caseId: string;
  name: string;
  /** What the clock measures, e.g. one dispatch; null for the case as a whole. */
  subjectId: string | null;
  dueAt: Date;
}

export function defineCaseType<T extends CaseTypeDefinition>(definition: T): T {
  for (const [name, action] of Object.entries(definition.actions)) {
    for (const state of [...action.from, ...(action.to ? [action.to] : [])]) {
      if (!(state in definition.states)) throw new Error(`case type ${definition.name}: action ${name} names unknown state ${state}`);
    }
  }
  if (!(definition.initialState in definition.states)) throw new Error(`case type ${definition.name}: unknown initial state`);
  return definition;
}
