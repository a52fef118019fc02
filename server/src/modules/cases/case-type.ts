import type { Actor } from '../../platform/actor.js';
import type { Database, Db } from '../../platform/db/database.js';
import type { AppError } from '../../platform/errors/app-error.js';
import type { ClockTimingOptions } from '../clock/index.js';

/**
 * How a page shows an input field, beside its JSON type: a property may carry `'x-kind'`
 * (like `'x-personal'`, the validator ignores it). `date` a YYYY-MM-DD string, `choice` an
 * `enum` (labels in `x-labels`), `file` an uploaded file's id, `money` yuan as a number,
 * `person` a user id, `unit` a unit id, `longtext` a paragraph rather than a line.
 */
export const FIELD_KINDS = ['date', 'choice', 'file', 'money', 'person', 'unit', 'longtext'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** Gives each property the `title` a form shows, from a module's labels, unless it has its own. */
export function titled(properties: Record<string, unknown>, labels: Readonly<Record<string, string>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(properties).map(([name, p]) => {
      const property = p as Record<string, unknown>;
      return [name, property.title !== undefined || labels[name] === undefined ? property : { ...property, title: labels[name] }];
    }),
  );
}

/**
 * The pieces every type's action forms are made of: one line of text, several lines, a day, and
 * the form itself (closed to other fields, each field titled from the module's `labels`).
 */
export function inputFields(labels: Readonly<Record<string, string>>) {
  const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max });
  return {
    text,
    longText: (max: number) => ({ ...text(max), 'x-kind': 'longtext' }),
    day: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', 'x-kind': 'date' } as const,
    object: (properties: Record<string, unknown>, required: string[] = []) =>
      ({ type: 'object', properties: titled(properties, labels), required, additionalProperties: false }) as const,
  };
}

/** A JSON Schema for an action's input (object at the top); see FIELD_KINDS for `x-kind`. */
export type InputSchema = {
  type: 'object';
  properties: Record<string, unknown>;
  required?: readonly string[];
  additionalProperties?: boolean;
};

/**
 * Which running clocks an effect acts on: every clock of that name on the case, or only the
 * one kept for a subject (one of two 补正 requests, one dispatch), when the case runs several.
 */
export type ClockTarget<I> =
  | string
  | { name: string; subject: (ctx: ActionContext<I>, result: EffectResult) => string | null | undefined };

export interface ClockStart<I> {
  name: string;
  /**
   * The rule from the clock catalogue; null starts nothing (the case does not need this clock).
   * REMINDER_RULE with `until` runs to a day someone set (a court's hearing date).
   */
  rule: (ctx: ActionContext<I>, result: EffectResult) => string | null;
  /** For a reminder: when it runs out. A reminder neither stands still nor extends. */
  until?: (ctx: ActionContext<I>, result: EffectResult) => Date;
  /** When the period began if not at the action (an application received by post last week). */
  startAt?: (ctx: ActionContext<I>, result: EffectResult) => Date | null | undefined;
  /**
   * For a rule counted back from an event (听证通知 five working days before the hearing): the
   * event's day, `YYYY-MM-DD`. The clock then runs out at the end of the latest notice day.
   */
  eventDay?: (ctx: ActionContext<I>, result: EffectResult) => string;
  /** What this clock measures when a case runs several of the same name (see ClockTarget). */
  subject?: (ctx: ActionContext<I>, result: EffectResult) => string | null | undefined;
  /**
   * One clock per subject instead of one, each for its own unit and, for a reminder, to its own
   * day: several units called in by one action each answer on a clock of their own.
   */
  each?: (ctx: ActionContext<I>, result: EffectResult) => ReadonlyArray<ClockSubject>;
}

/** The fields a case adds to an action's form (see ActionDefinition.fieldsOnCase). */
export interface CaseFields {
  properties: Record<string, unknown>;
  required?: readonly string[];
}

/** An action's input schema with the fields the case adds. */
export function withCaseFields(input: InputSchema, fields: CaseFields): InputSchema {
  return {
    ...input,
    properties: { ...input.properties, ...fields.properties },
    required: [...(input.required ?? []), ...(fields.required ?? [])],
  };
}

/** A value a field may take on a case (see ActionDefinition.choices). */
export interface ChoiceOption {
  value: string | number;
  label: string;
  /** The heading the page lists it under (部门, 乡镇（街道）…). */
  group?: string;
}

/** One of the clocks a ClockStart with `each` starts. */
export interface ClockSubject {
  subjectId: string;
  unitId: number | null;
  /** For a reminder: when this one runs out (else the start's `until`). */
  until?: Date;
}

/** What an action does to the case's clocks. */
export interface ClockEffects<I> {
  start?: ReadonlyArray<ClockStart<I>>;
  stop?: ReadonlyArray<ClockTarget<I>>;
  /** Lengthen by the rule's statutory extension (延长). */
  extend?: ReadonlyArray<ClockTarget<I>>;
  /** Stand still (中止): the time until `resume` does not count, by the rule's day kind. */
  suspend?: ReadonlyArray<ClockTarget<I>>;
  /** Count again (恢复); the limit moves by the suspended span. */
  resume?: ReadonlyArray<ClockTarget<I>>;
}

/** The rule id of a clock that runs to a set date rather than a statutory period. */
export const REMINDER_RULE = 'reminder';

/** One step of urging as a clock runs: at a share of its time (1 = the limit itself), an event. */
export interface EscalationStep {
  at: number;
  /** The event recorded, e.g. `auto_urge` (催办) or `auto_supervise` (督办). */
  event: string;
  label: string;
}

/** A clock a case type runs: what it is called and how the platform urges as it runs out. */
export interface ClockDeclaration {
  label: string;
  /** Ascending by `at`; the step at 1 or beyond marks the clock lapsed. Defaults to DEFAULT_ESCALATION. */
  escalation?: readonly EscalationStep[];
  /**
   * A clock that runs for months (a knowledge entry's review date) waits out of the to-do until
   * its first escalation step is taken: the to-do lists work that is near, not every date ahead.
   */
  quiet?: boolean;
}

/** 催办 once 80 % of the time is used, 督办 when the limit passes. */
export const DEFAULT_ESCALATION: readonly EscalationStep[] = [
  { at: 0.8, event: 'auto_urge', label: '催办' },
  { at: 1, event: 'auto_supervise', label: '督办' },
];

/** A clock that starts when a case is opened, from the opening's facts. */
export interface OpeningClock {
  name: string;
  rule: (payload: Record<string, unknown>) => string | null;
  /** The period's start if not the opening itself (received by post, migrated from paper). */
  startAt?: (payload: Record<string, unknown>, openedAt: Date) => Date;
  /** For REMINDER_RULE: when it runs out (a certificate's last day), from the opening's facts. */
  until?: (payload: Record<string, unknown>) => Date;
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
  /** The case's running clocks held by one unit now run for another (its work was handed over); their limits stay. */
  handOverClocks?: { fromUnitId: number; toUnitId: number };
  clockSubjectId?: string | null;
  /** Rules the effect chose for clocks it starts (looked up from the case's data). */
  clockRules?: Record<string, string>;
  /** The subjects of clocks started one per subject (ClockStart.each), e.g. each unit called in. */
  clockSubjects?: ReadonlyArray<ClockSubject>;
}

export interface ActionDefinition<I = any> {
  label: string;
  from: readonly string[];
  /** Next state; omitted means the state does not change. */
  to?: string;
  /** Roles of the type's module that may take the action, or `system` / `citizen`. */
  roles: readonly string[];
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
  /**
   * Values a field may take on this case now, when they are the case's own (its open 补正
   * requests, its hearings not yet held, the units a dispatch may go to): the detail page offers
   * them as a choice, labelled, grouped where they carry a group. For an array field, the values
   * of its items.
   */
  choices?: (ctx: ActionContext<I>) => Promise<Readonly<Record<string, ReadonlyArray<ChoiceOption>>>>;
  /**
   * Fields a case adds to the form, when what is asked depends on the case (the items of the
   * scoring sheet its review campaign chose): merged into `input` for the page, and the input is
   * validated against the merged schema before anything runs. The action's own fields stay.
   */
  fieldsOnCase?: (ctx: ActionContext<I>) => Promise<CaseFields>;
  /**
   * Values the form starts from on this case (the text being revised, the date now set): the
   * detail page's schema carries each as its field's `default`. Never applied to the input.
   */
  defaults?: (ctx: ActionContext<I>) => Promise<Readonly<Record<string, unknown>>>;
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
  /** The module that declares the type: its roles are the ones actions name. */
  module: string;
  states: Readonly<Record<string, { label: string; final?: boolean }>>;
  initialState: string;
  /** Event type for opening a case of this type. */
  openEvent: string;
  /** How the timeline names the opening event (收件, 立案); the platform's 收案登记 by default. */
  openLabel?: string;
  actions: Readonly<Record<string, ActionDefinition>>;
  /**
   * Who may see a case besides its organ's subtree: SQL over the type's own tables that yields
   * (case_id, unit_id) for every unit that holds a stake in a case (a dispatch, a party, a
   * reviewer). Staff see a case when its organ or one of these units lies within their scope.
   */
  stakeholders: string;
  /** The clocks the type runs; every clock an action or the opening starts is declared here. */
  clocks?: Readonly<Record<string, ClockDeclaration>>;
  /** Clocks started when a case is opened (the acceptance review of an application). */
  openingClocks?: readonly OpeningClock[];
  /** Clock rules resolve through this (lets a city override its own limits); the national catalogue by default. */
  dueAt?: (ruleId: string, start: Date, options: ClockTimingOptions) => Date;
  /**
   * For `fazhi audit verify`: compares the type's own rows with what its events replay to
   * (a request's text, its reply, its requester) and reports each row that differs.
   */
  verifyProjection?: (database: Database, report: (finding: { caseId: string; field: string; detail?: string }) => void) => Promise<void>;
  /** Clears the type's own copies of a case's personal data (in the erasure's transaction). */
  erasePersonalData?: (tx: Db, caseId: string) => Promise<void>;
  /** Records, in the sweep's transaction, that a running clock ran out (for the type's figures). */
  onClockLapsed?: (tx: Db, clock: LapsedClock) => Promise<void>;
  /** The columns, filters and search of the type's to-do list, search and export. */
  listing?: CaseListing;
  /**
   * Lets an action of another case rest on a case of this type (a direct answer given from a
   * knowledge entry; see citeCase): checks, in the citing action's transaction, that the actor
   * may use this case now, and returns what the citing event records of it (its title, the
   * version used). Throws the type's own refusal; an unknown id and one out of the actor's
   * reach are refused alike.
   */
  cite?: (tx: Db, use: CaseCitation) => Promise<Record<string, unknown>>;
}

/** One use of a citable case by another case's action. */
export interface CaseCitation {
  /** The case cited (its id as the citing input gave it). */
  caseId: string;
  citingCaseId: string;
  citingAction: string;
  actor: Actor;
  at: Date;
}

/** What a list column holds, so pages and the Excel export show it rightly. */
export type ListColumnKind = 'text' | 'date' | 'datetime' | 'choice' | 'money' | 'number' | 'unit';

/** One column of a type's lists: `key` names a column of the listing's `source`. */
export interface ListColumn {
  /** Lower-case snake case, as PostgreSQL names an unquoted column of the source. */
  key: string;
  label: string;
  /** `date` a date, `datetime` a timestamptz, `unit` a unit id (shown by its name), `money` yuan. */
  kind: ListColumnKind;
  /** For `choice`: each stored value's label. */
  options?: Readonly<Record<string, string>>;
}

/**
 * A filter of the search. `key` is a column's key, or the platform's own `state`, `organ`
 * (the receiving organ's subtree) or `received` (the day the case was opened). Query
 * parameters: `<key>=value`, and for a date range `<key>_from` / `<key>_to` (inclusive days).
 */
export interface ListFilter {
  key: string;
  label: string;
  /** `choice` an exact value, `text` a part of the value, `unit` a unit and its subtree, `date_range` days. */
  kind: 'choice' | 'date_range' | 'text' | 'unit';
}

/**
 * How a type's cases list, search and export (docs/case-lists.md). Without it a type still lists
 * with the platform's own columns (type, state, organ, created, updated, the next clock).
 */
export interface CaseListing {
  /**
   * SQL over the type's own tables yielding `case_id` and one column per declared column key,
   * at most one row per case (like `stakeholders`, trusted module code, never user input).
   */
  source: string;
  columns: readonly ListColumn[];
  filters?: readonly ListFilter[];
  /** Column keys a free-text query `q` looks in (a part of the text, % and _ taken literally). */
  search?: readonly string[];
  /** The column that names the case in lists and on its page (an applicant, a matter). */
  title: string;
  /** The column holding the case's own number (兰政复〔2026〕12号, a tracking code). */
  code?: string;
}

export interface LapsedClock {
  caseId: string;
  name: string;
  /** What the clock measures, e.g. one dispatch; null for the case as a whole. */
  subjectId: string | null;
  dueAt: Date;
  /** When the sweep noticed: what an action taken in response is dated. */
  sweptAt: Date;
}

export function defineCaseType<T extends CaseTypeDefinition>(definition: T): T {
  for (const [name, action] of Object.entries(definition.actions)) {
    for (const state of [...action.from, ...(action.to ? [action.to] : [])]) {
      if (!(state in definition.states)) throw new Error(`case type ${definition.name}: action ${name} names unknown state ${state}`);
    }
  }
  if (!(definition.initialState in definition.states)) throw new Error(`case type ${definition.name}: unknown initial state`);
  const declared = definition.clocks ?? {};
  const named = (target: ClockTarget<unknown>) => (typeof target === 'string' ? target : target.name);
  const used = [
    ...(definition.openingClocks ?? []).map((c) => c.name),
    ...Object.values(definition.actions).flatMap((a) => {
      const c = a.clocks;
      return c ? [...(c.start ?? []).map((s) => s.name), ...[...(c.stop ?? []), ...(c.extend ?? []), ...(c.suspend ?? []), ...(c.resume ?? [])].map(named)] : [];
    }),
  ];
  for (const name of used) {
    if (!Object.hasOwn(declared, name)) throw new Error(`case type ${definition.name}: clock ${name} is not declared in clocks`);
  }
  for (const [name, clock] of Object.entries(declared)) {
    const steps = clock.escalation ?? DEFAULT_ESCALATION;
    if (steps.some((step, i) => !(step.at > 0) || (i > 0 && step.at <= steps[i - 1]!.at))) {
      throw new Error(`case type ${definition.name}: clock ${name} escalation must rise`);
    }
  }
  return definition;
}

/** A role a module defines. */
export interface ModuleRole {
  label: string;
  /**
   * Held as an account's own role, at the person's unit and over their scope (the 12345 roles,
   * kept on the account since before modules had roles of their own). Other roles are granted
   * per unit: a 司法局 officer handles reconsideration for the county government, a township's
   * legal officer answers for the township as a respondent.
   */
  home?: boolean;
  /** Kinds of unit (orgs/data/unit-kinds.json) a grant of this role may name; any when absent. */
  unitKinds?: readonly string[];
}

/** What a module declares to the platform. */
export interface ModuleDefinition {
  /** Short English name, the prefix of its roles in grants (`xzfy.handler`). */
  name: string;
  label: string;
  roles: Readonly<Record<string, ModuleRole>>;
  caseTypes: readonly CaseTypeDefinition[];
  /** Kinds of link its cases make to other cases, named from the linking case's side. */
  linkKinds?: Readonly<Record<string, LinkKind>>;
  /** Work the platform runs for the module at intervals: what no one's act sets off (a certificate nearing its end). */
  jobs?: readonly ModuleJob[];
}

/**
 * A module's periodic work. It may run on several app servers at once and again after a crash,
 * so it must be safe to repeat: it looks at the data and does only what is not yet done.
 */
export interface ModuleJob {
  name: string;
  everyMinutes: number;
  run: (database: Database, now: Date) => Promise<void>;
}

/** How a link reads from each side: 「起诉」 on the reconsideration, 「源自复议」 on the lawsuit. */
export interface LinkKind {
  label: string;
  inverseLabel: string;
}

export function defineModule<T extends ModuleDefinition>(definition: T): T {
  return definition;
}
