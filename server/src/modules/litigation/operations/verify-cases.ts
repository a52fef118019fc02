import type { Database } from '../../../platform/db/database.js';
import { compareRowsWithEvents } from '../../cases/index.js';

type Report = (finding: { caseId: string; field: string; detail?: string }) => void;

/**
 * For `fazhi audit verify` and `fazhi stats verify`: each lawsuit's row and its hearings against
 * the events. 出庭率 and 败诉率 count these columns.
 */
export async function verifyLitigationCases(database: Database, report: Report): Promise<void> {
  await compareRowsWithEvents(
    database,
    {
      rowsSql: `select case_id, court_case_number, served_on, answered_on, outcome, judged_on, appealed_on, concluded_on
                  from xzss_cases where case_id > $1 order by case_id limit $2`,
      eventTypes: ['lawsuit_recorded', 'submit_answer', 'record_judgment', 'appeal', 'close', 'plaintiff_withdrew'],
      expected: (events) => {
        const opening = events.find((e) => e.type === 'lawsuit_recorded')?.payload;
        if (!opening) return {};
        const out: Record<string, unknown> = {
          court_case_number: opening.courtCaseNumber, served_on: opening.servedOn, answered_on: null, outcome: null, judged_on: null, appealed_on: null, concluded_on: null,
        };
        for (const { type, payload } of events) {
          const input = payload.input ?? {};
          if (type === 'submit_answer') out.answered_on = input.answeredOn;
          if (type === 'record_judgment') Object.assign(out, { outcome: input.outcome, judged_on: input.judgedOn });
          if (type === 'appeal') out.appealed_on = input.appealedOn;
          if (type === 'close') Object.assign(out, { concluded_on: input.concludedOn, ...(input.outcome ? { outcome: input.outcome } : {}) });
          if (type === 'plaintiff_withdrew') Object.assign(out, { outcome: 'withdrawn', concluded_on: input.concludedOn });
        }
        return out;
      },
    },
    report,
  );
  // Hearings, one line per case: each hearing the events scheduled, whether held and whether the head appeared.
  await compareRowsWithEvents(
    database,
    {
      rowsSql: `select case_id, string_agg(id || ':' || coalesce(held_on, '-') || ':' || coalesce(head_appeared::text, '-'), ',' order by id) as hearings
                  from xzss_hearings where case_id > $1 group by case_id order by case_id limit $2`,
      eventTypes: ['schedule_hearing', 'record_hearing'],
      expected: (events) => {
        const hearings = new Map<string, string>();
        for (const { type, payload } of events) {
          if (type === 'schedule_hearing' && payload.facts?.hearingId) hearings.set(payload.facts.hearingId, '-:-');
          if (type === 'record_hearing') hearings.set(payload.input.hearingId, `${payload.input.heldOn}:${String(payload.input.headAppeared)}`);
        }
        return { hearings: [...hearings.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, v]) => `${id}:${v}`).join(',') };
      },
    },
    report,
  );
}
