import type { Database } from '../../../platform/db/database.js';

/** An event as a projection check reads it. */
export interface ProjectionEvent {
  seq: number;
  type: string;
  at: Date;
  payload: Record<string, any>;
}

const PAGE = 2000;

/**
 * For a type's `verifyProjection`: pages through its own rows (`select … from <table> where
 * case_id > $1 order by case_id limit $2`, trusted module SQL) with each case's events, and
 * reports every column whose value is not what the events give. `expected` answers undefined for
 * a column the events cannot tell (a case written before the record kept that fact).
 */
export async function compareRowsWithEvents(
  database: Database,
  spec: {
    rowsSql: string;
    eventTypes: readonly string[];
    expected: (events: ProjectionEvent[], row: Record<string, unknown>) => Record<string, unknown>;
  },
  report: (finding: { caseId: string; field: string; detail?: string }) => void,
): Promise<void> {
  for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
    const rows = (await database.backend.query(spec.rowsSql, [after, PAGE], 'object')).rows as Array<Record<string, unknown> & { case_id: string }>;
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.case_id);
    const events = await database.backend.query(
      'select case_id, seq, type, at, payload from case_events where case_id = any($1::uuid[]) and type = any($2::text[]) order by case_id, seq',
      [ids, spec.eventTypes],
      'array',
    );
    const byCase = new Map<string, ProjectionEvent[]>();
    for (const [caseId, seq, type, at, payload] of events.rows as Array<[string, number, string, Date | string, unknown]>) {
      const list = byCase.get(caseId) ?? [];
      list.push({ seq, type, at: new Date(at), payload: (typeof payload === 'string' ? JSON.parse(payload) : payload) as Record<string, any> });
      byCase.set(caseId, list);
    }
    for (const row of rows) {
      const own = byCase.get(row.case_id) ?? [];
      // Without its opening the chain check has already named the case.
      if (own.length === 0) continue;
      for (const [field, value] of Object.entries(spec.expected(own, row))) {
        if (value === undefined) continue;
        const actual = row[field] instanceof Date ? (row[field] as Date).toISOString() : (row[field] ?? null);
        if (actual !== value) report({ caseId: row.case_id, field, detail: `${String(actual)} ≠ ${String(value)}` });
      }
    }
    after = rows[rows.length - 1]!.case_id;
  }
}
