import { asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { listRules } from '../../clock/index.js';
import { findLinkKind, getCaseType } from '../case-registry.js';
import { withCaseFields, type CaseTypeDefinition, type ChoiceOption, type InputSchema, type ListColumn } from '../case-type.js';
import { caseError } from '../cases.errors.js';
import { ACTOR_LABELS, PLATFORM_EVENT_LABELS } from '../cases.strings.js';
import { caseClocks, cases } from '../cases.tables.js';
import { clockStatus, type ClockStatus } from '../rules/list-values.js';
import { availableActionsFor } from './available-actions.js';
import { canSeeCase } from './case-access.js';
import { listCaseLinks, type CaseLinkView } from './case-links.js';
import { loadItems, type CaseListItem } from './case-list-rows.js';
import { rowsOf } from '../../../platform/db/rows-of.js';
import { escalationOf } from './clock-effects.js';
import { listCaseEvents, type CaseEventView } from './list-case-events.js';
import { sql } from 'drizzle-orm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Events that carry a document or a file: the detail page lists them apart as well. */
const DOCUMENT_EVENTS = new Set(['document_drafted', 'document_issued', 'attachment_added']);

export interface TimelineEntry {
  seq: number;
  at: string;
  type: string;
  label: string;
  /** More about the event where the platform knows it (how a link reads from this side). */
  text: string | null;
  actorRole: string;
  actorName: string | null;
  unitName: string | null;
  /** As recorded, personal values put back (null where erased); salted hashes left out. */
  payload: Record<string, unknown>;
}

export interface ClockView {
  id: string;
  name: string;
  label: string;
  ruleId: string;
  /** The statute the rule comes from, when the catalogue has it. */
  law: string | null;
  article: string | null;
  subjectId: string | null;
  unitId: number | null;
  unitName: string | null;
  startedAt: string;
  dueAt: string;
  extended: number;
  pausedAt: string | null;
  stoppedAt: string | null;
  /** Escalation steps taken so far, and the last one's label (催办, 督办). */
  urgeLevel: number;
  urgeLabel: string | null;
  status: ClockStatus;
}

export interface CaseDetail {
  case: CaseListItem & {
    module: string;
    final: boolean;
    ownerUnitId: number | null;
    ownerName: string | null;
    /** The listing's columns, to show `values` / `texts` with their labels. */
    columns: readonly ListColumn[];
  };
  timeline: TimelineEntry[];
  documents: TimelineEntry[];
  clocks: ClockView[];
  links: CaseLinkView[];
  /** What the actor may do now, each with its input's JSON schema (fields' `x-kind` tell the page how to show them). */
  actions: Array<{ action: string; label: string; input: InputSchema }>;
}

/**
 * Everything about one case the actor may see, for the generic detail page. A case out of the
 * actor's scope answers CASE_NOT_FOUND exactly as an unknown id.
 */
export async function caseDetail(tx: Db, actor: Actor, caseId: string, now: Date): Promise<CaseDetail> {
  if (!UUID.test(caseId) || !(await canSeeCase(tx, caseId, actor))) throw caseError('CASE_NOT_FOUND');
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId));
  if (!row) throw caseError('CASE_NOT_FOUND');
  const type = getCaseType(row.caseType);
  const [[item], events, clocks, links, actions] = await Promise.all([
    loadItems(tx, type, [eq(cases.id, row.id)], now),
    listCaseEvents(tx, row.id),
    tx.select().from(caseClocks).where(eq(caseClocks.caseId, row.id)).orderBy(asc(caseClocks.startedAt), asc(caseClocks.id)),
    listCaseLinks(tx, row.id, actor),
    availableActionsFor(tx, row.id, actor, now),
  ]);
  if (!item) throw caseError('CASE_NOT_FOUND');
  const units = await namesOf(tx, 'units', 'name', [row.ownerUnitId, ...events.map((e) => e.actorUnitId), ...clocks.map((k) => k.unitId)]);
  const people = await namesOf(tx, 'users', 'display_name', events.map((e) => e.actorUserId));
  const timeline = events.map((e) => timelineEntry(type, e, units, people));
  const rules = new Map(listRules().map((r) => [r.id, r]));
  return {
    case: {
      ...item,
      module: type.module,
      final: type.states[row.state]?.final === true,
      ownerUnitId: row.ownerUnitId,
      ownerName: row.ownerUnitId ? (units.get(row.ownerUnitId) ?? null) : null,
      columns: type.listing?.columns ?? [],
    },
    timeline,
    documents: timeline.filter((e) => DOCUMENT_EVENTS.has(e.type)),
    clocks: clocks.map((k) => {
      const steps = escalationOf(type, k.name);
      const rule = rules.get(k.ruleId);
      return {
        id: k.id,
        name: k.name,
        label: type.clocks?.[k.name]?.label ?? k.name,
        ruleId: k.ruleId,
        law: rule?.law ?? null,
        article: rule?.article ?? null,
        subjectId: k.subjectId,
        unitId: k.unitId,
        unitName: k.unitId ? (units.get(k.unitId) ?? null) : null,
        startedAt: k.startedAt.toISOString(),
        dueAt: k.dueAt.toISOString(),
        extended: k.extended,
        pausedAt: k.pausedAt?.toISOString() ?? null,
        stoppedAt: k.stoppedAt?.toISOString() ?? null,
        urgeLevel: k.urgeLevel,
        urgeLabel: k.urgeLevel > 0 ? (steps[k.urgeLevel - 1]?.label ?? null) : null,
        status: clockStatus(k, steps, now),
      };
    }),
    links,
    actions: await Promise.all(actions.map(async (action) => ({ action, label: type.actions[action]!.label, input: await inputOnCase(tx, type, action, row, actor, now) }))),
  };
}

/** An action's form on this case: fields whose values are the case's own become choices of them, and each starts from its default. */
async function inputOnCase(
  tx: Db, type: CaseTypeDefinition, action: string, row: typeof cases.$inferSelect, actor: Actor, now: Date,
): Promise<InputSchema> {
  const definition = type.actions[action]!;
  if (!definition.choices && !definition.defaults && !definition.fieldsOnCase) return definition.input;
  const ctx = { tx, caseId: row.id, state: row.state, organUnitId: row.organUnitId, ownerUnitId: row.ownerUnitId, actor, input: {}, now };
  const [choices, defaults, caseFields] = await Promise.all([
    definition.choices?.(ctx) ?? ({} as Record<string, ReadonlyArray<ChoiceOption>>),
    definition.defaults?.(ctx) ?? ({} as Record<string, unknown>),
    definition.fieldsOnCase?.(ctx),
  ]);
  const input = caseFields ? withCaseFields(definition.input, caseFields) : definition.input;
  const properties = { ...input.properties };
  for (const [field, value] of Object.entries(defaults)) {
    if (Object.hasOwn(properties, field) && value !== null && value !== undefined) properties[field] = { ...(properties[field] as object), default: value };
  }
  for (const [field, options] of Object.entries(choices)) {
    if (!Object.hasOwn(properties, field)) continue;
    const property = properties[field] as { type?: unknown; items?: object };
    const values = options.map((o) => o.value);
    const grouped = options.some((o) => o.group !== undefined);
    properties[field] = {
      ...property,
      // An array field (several units at once) takes its values item by item.
      ...(property.type === 'array' ? { items: { ...property.items, enum: values } } : { enum: values }),
      'x-kind': 'choice',
      'x-labels': Object.fromEntries(options.map((o) => [o.value, o.label])),
      ...(grouped ? { 'x-groups': Object.fromEntries(options.map((o) => [o.value, o.group ?? ''])) } : {}),
    };
  }
  return { ...input, properties };
}

/** The label of an event: the type's action, the opening, an escalation step of the clock, or the platform's own. */
export function eventLabel(type: CaseTypeDefinition, eventType: string, payload: Record<string, unknown>): string {
  if (eventType === type.openEvent) return type.openLabel ?? PLATFORM_EVENT_LABELS.opened!;
  if (Object.hasOwn(type.actions, eventType)) return type.actions[eventType]!.label;
  if (typeof payload.clock === 'string') {
    const step = escalationOf(type, payload.clock).find((s) => s.event === eventType);
    if (step) return step.label;
  }
  return Object.hasOwn(PLATFORM_EVENT_LABELS, eventType) ? PLATFORM_EVENT_LABELS[eventType]! : eventType;
}

function timelineEntry(type: CaseTypeDefinition, e: CaseEventView, units: Map<number, string>, people: Map<number, string>): TimelineEntry {
  const { personal: _hashes, ...payload } = e.payload;
  let text: string | null = null;
  if (e.type === 'case_linked' && typeof payload.kind === 'string') {
    const kind = findLinkKind(payload.kind);
    text = (payload.direction === 'from' ? kind?.inverseLabel : kind?.label) ?? payload.kind;
  }
  if (typeof payload.clock === 'string' && e.type !== type.openEvent && !Object.hasOwn(type.actions, e.type)) {
    text = type.clocks?.[payload.clock]?.label ?? payload.clock;
  }
  return {
    seq: e.seq,
    at: e.at.toISOString(),
    type: e.type,
    label: eventLabel(type, e.type, payload),
    text,
    actorRole: e.actorRole,
    actorName: e.actorUserId ? (people.get(e.actorUserId) ?? null) : (ACTOR_LABELS[e.actorRole] ?? null),
    unitName: e.actorUnitId ? (units.get(e.actorUnitId) ?? null) : null,
    payload,
  };
}

/** Names of rows of a table the platform reads by id (units, users), one query for all. */
async function namesOf(tx: Db, table: 'units' | 'users', column: 'name' | 'display_name', ids: Array<number | null>): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number' && id > 0))];
  if (wanted.length === 0) return new Map();
  const rows = rowsOf<{ id: number; name: string }>(
    await tx.execute(sql`select id, ${sql.raw(column)} as name from ${sql.raw(table)} where ${inArray(sql.raw('id'), wanted)}`),
  );
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}
