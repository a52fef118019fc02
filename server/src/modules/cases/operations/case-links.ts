import { and, eq, or } from 'drizzle-orm';
import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { findLinkKind, getCaseType } from '../case-registry.js';
import { caseError } from '../cases.errors.js';
import { caseLinks, cases } from '../cases.tables.js';
import { canSeeCase } from './case-access.js';
import { recordCaseEvent } from './record-case-event.js';

export interface LinkCasesInput {
  fromCaseId: string;
  toCaseId: string;
  kind: string;
  actor: Actor;
  at: Date;
}

/**
 * Links two cases, in the caller's transaction (typically a workflow action's effect that names
 * the other case in `relatedCases`, so both are locked in order). The actor must see both;
 * each case's record gets a `case_linked` event naming the other and how the link reads from
 * its side.
 */
export async function linkCases(tx: Db, input: LinkCasesInput): Promise<void> {
  const kind = findLinkKind(input.kind);
  if (!kind) throw caseError('LINK_KIND_UNKNOWN', { kind: input.kind });
  if (input.fromCaseId.toLowerCase() === input.toCaseId.toLowerCase()) throw caseError('LINK_TO_SELF');
  for (const id of [input.fromCaseId, input.toCaseId]) {
    if (!(await canSeeCase(tx, id, input.actor))) throw caseError('CASE_NOT_FOUND', { caseId: id });
  }
  const inserted = await tx
    .insert(caseLinks)
    .values({ fromCaseId: input.fromCaseId, toCaseId: input.toCaseId, kind: input.kind, createdAt: input.at })
    .onConflictDoNothing()
    .returning({ kind: caseLinks.kind });
  if (inserted.length === 0) throw caseError('LINK_EXISTS');
  await recordCaseEvent(tx, { caseId: input.fromCaseId, type: 'case_linked', actor: input.actor, at: input.at, payload: { kind: input.kind, direction: 'to', otherCaseId: input.toCaseId } });
  await recordCaseEvent(tx, { caseId: input.toCaseId, type: 'case_linked', actor: input.actor, at: input.at, payload: { kind: input.kind, direction: 'from', otherCaseId: input.fromCaseId } });
}

export interface CaseLinkView {
  kind: string;
  /** How the link reads from this case's side. */
  label: string;
  otherCaseId: string;
  otherCaseType: string;
  otherCaseTypeLabel: string;
  otherState: string;
  otherStateLabel: string;
}

/** A case's links both ways, as the actor may see them: a linked case out of their scope is left out. */
export async function listCaseLinks(tx: Db, caseId: string, actor: Actor): Promise<CaseLinkView[]> {
  const rows = await tx
    .select()
    .from(caseLinks)
    .where(or(eq(caseLinks.fromCaseId, caseId), eq(caseLinks.toCaseId, caseId)))
    .orderBy(caseLinks.createdAt);
  const views: CaseLinkView[] = [];
  for (const row of rows) {
    const outgoing = row.fromCaseId === caseId;
    const otherCaseId = outgoing ? row.toCaseId : row.fromCaseId;
    if (!(await canSeeCase(tx, otherCaseId, actor))) continue;
    const [other] = await tx.select({ caseType: cases.caseType, state: cases.state }).from(cases).where(and(eq(cases.id, otherCaseId)));
    if (!other) continue;
    const type = getCaseType(other.caseType);
    const kind = findLinkKind(row.kind);
    views.push({
      kind: row.kind,
      label: (outgoing ? kind?.label : kind?.inverseLabel) ?? row.kind,
      otherCaseId,
      otherCaseType: other.caseType,
      otherCaseTypeLabel: type.label,
      otherState: other.state,
      otherStateLabel: type.states[other.state]?.label ?? other.state,
    });
  }
  return views;
}
