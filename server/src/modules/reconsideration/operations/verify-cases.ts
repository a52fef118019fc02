import type { Database } from '../../../platform/db/database.js';
import { shanghaiDay } from '../../clock/index.js';
import { compareRowsWithEvents, type ProjectionEvent } from '../../cases/index.js';

const CONCLUDING: Record<string, (e: ProjectionEvent) => string> = {
  decide: (e) => e.payload.input?.decision,
  withdraw: (e) => (e.payload.input?.reason === 'respondent_corrected' ? 'respondent_corrected' : 'withdrawn'),
  terminate: () => 'terminated',
};

/**
 * For `fazhi audit verify` and `fazhi stats verify`: each case's row against its events. The
 * figures (纠错率, 受理数, by respondent and field) count these columns, so a row altered behind
 * the platform's back is named here rather than changing a published rate.
 */
export async function verifyReconsiderationCases(database: Database, report: (finding: { caseId: string; field: string; detail?: string }) => void): Promise<void> {
  await compareRowsWithEvents(
    database,
    {
      rowsSql: `select case_id, channel, received_on, respondent_unit_id, respondent_name, field, accepted_on, case_number, decision_key, concluded_on
                  from xzfy_cases where case_id > $1 order by case_id limit $2`,
      eventTypes: ['applied', 'accept', 'deem_accepted', 'record_history', ...Object.keys(CONCLUDING)],
      expected: (events) => {
        const opening = events.find((e) => e.type === 'applied')?.payload;
        if (!opening) return {};
        const out: Record<string, unknown> = {
          channel: opening.channel, received_on: opening.receivedOn, respondent_unit_id: opening.respondentUnitId ?? null,
          respondent_name: opening.respondentName, field: opening.field ?? null,
          accepted_on: null, case_number: null, decision_key: null, concluded_on: null,
        };
        for (const e of events) {
          if (e.type === 'accept') Object.assign(out, { accepted_on: shanghaiDay(e.at), case_number: e.payload.facts?.caseNumber ?? null });
          if (e.type === 'deem_accepted') {
            Object.assign(out, { accepted_on: shanghaiDay(new Date(new Date(e.payload.input.lapsedAt).getTime() - 1)), case_number: e.payload.facts?.caseNumber ?? null });
          }
          if (e.type === 'record_history' && e.payload.input?.decisionKey) Object.assign(out, { decision_key: e.payload.input.decisionKey, concluded_on: e.payload.input.concludedOn });
          const concluded = CONCLUDING[e.type];
          if (concluded) Object.assign(out, { decision_key: concluded(e), concluded_on: shanghaiDay(e.at) });
        }
        return out;
      },
    },
    report,
  );
}
