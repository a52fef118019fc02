import { randomUUID } from 'node:crypto';
import { SYSTEM } from '../../../platform/actor.js';
import { randomCode } from '../../../platform/crockford.js';
import type { Database } from '../../../platform/db/database.js';
import { openCase, performAction } from '../../cases/index.js';
import { findUnit, listUnitsInScope } from '../../orgs/index.js';
import { RECONSIDERATION_CASE_TYPE } from '../reconsideration-case-type.js';
import { reconsiderationCases } from '../reconsideration.tables.js';
import type { ImportRow } from '../rules/import-rows.js';

export interface ImportReport {
  organName: string;
  imported: number;
  concluded: number;
  open: number;
  /** Respondents named in the file that are not units of the organ's tree, recorded by name. */
  outsideOrgans: string[];
}

/**
 * Loads past years' cases into a reconsideration organ, all in one transaction: each becomes a
 * case with its own record (opened, then concluded as the register says, or left under review),
 * running no clock. Respondents are matched to the organ's units by name or short name.
 */
export async function importReconsiderationCases(database: Database, organUnitId: number, rows: readonly ImportRow[], now: Date): Promise<ImportReport> {
  return database.transaction(async (tx) => {
    const organ = await findUnit(tx, organUnitId);
    if (!organ || organ.kind !== 'government') throw new Error('the organ must be a government unit');
    const units = new Map<string, number>();
    for (const unit of await listUnitsInScope(tx, organ.path)) {
      if (unit.kind !== 'department' && unit.kind !== 'township') continue;
      units.set(unit.name, unit.id);
      if (unit.shortName) units.set(unit.shortName, unit.id);
    }
    const outside = new Set<string>();
    let concluded = 0;
    for (const row of rows) {
      const caseId = randomUUID();
      const respondentUnitId = units.get(row.respondent) ?? null;
      if (respondentUnitId === null) outside.add(row.respondent);
      const facts = { channel: 'import' as const, respondentUnitId, respondentName: row.respondent, field: row.field, receivedOn: row.receivedOn, line: row.line };
      await openCase(tx, { caseId, caseType: RECONSIDERATION_CASE_TYPE, actor: SYSTEM, at: now, organUnitId: organ.id, regionCode: organ.regionCode, payload: facts });
      const { line: _line, ...columns } = facts;
      await tx.insert(reconsiderationCases).values({ caseId, queryCode: randomCode(12), ...columns });
      await performAction(tx, {
        caseId, action: 'record_history', actor: SYSTEM, now, caseType: RECONSIDERATION_CASE_TYPE,
        input: row.decisionKey ? { decisionKey: row.decisionKey, concludedOn: row.concludedOn } : {},
      });
      if (row.decisionKey) concluded++;
    }
    return { organName: organ.name, imported: rows.length, concluded, open: rows.length - concluded, outsideOrgans: [...outside].sort((a, b) => a.localeCompare(b, 'zh')) };
  });
}
