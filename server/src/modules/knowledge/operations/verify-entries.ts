import type { Database } from '../../../platform/db/database.js';
import { compareRowsWithEvents } from '../../cases/index.js';

type Report = (finding: { caseId: string; field: string; detail?: string }) => void;

/**
 * For `fazhi audit verify`: each entry's row against its events. Operators answer citizens
 * from these columns, so a text or a date changed behind the platform's back is named here.
 */
export async function verifyKnowledgeEntries(database: Database, report: Report): Promise<void> {
  await compareRowsWithEvents(
    database,
    {
      rowsSql: `select case_id, owner_unit_id, question, answer, legal_basis, keywords, category_code, valid_from, valid_until, review_on, revision, source_case_id, expired_reason
                  from kb_entries where case_id > $1 order by case_id limit $2`,
      eventTypes: ['entry_created', 'revise', 'renew', 'expire', 'publish'],
      expected: (events, row) => {
        const opening = events.find((e) => e.type === 'entry_created');
        if (!opening) return {};
        const p = opening.payload;
        const out: Record<string, unknown> = {
          question: p.question, answer: p.answer, legal_basis: p.legalBasis, keywords: p.keywords, category_code: p.categoryCode ?? null,
          valid_from: p.validFrom, valid_until: p.validUntil ?? null, review_on: p.reviewOn, revision: 1,
          source_case_id: p.source?.caseId ?? null, expired_reason: null,
          // The organ is the owner; the platform's own chain check covers the case row.
          owner_unit_id: row.owner_unit_id,
        };
        for (const { type, payload } of events) {
          const input = payload.input ?? {};
          if (type === 'revise') {
            Object.assign(out, {
              question: input.question, answer: input.answer, legal_basis: input.legalBasis, keywords: payload.facts?.keywords ?? '',
              category_code: input.categoryCode ?? null, valid_from: input.validFrom, valid_until: input.validUntil ?? null, review_on: input.reviewOn,
              revision: payload.facts?.revision, expired_reason: null,
            });
          }
          if (type === 'renew') Object.assign(out, { review_on: input.reviewOn, valid_until: input.validUntil ?? out.valid_until, expired_reason: null });
          if (type === 'publish') out.expired_reason = null;
          if (type === 'expire') out.expired_reason = input.reason;
        }
        return out;
      },
    },
    report,
  );
}
