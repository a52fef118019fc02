import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { rowsOf } from '../../../platform/db/rows-of.js';
import { enforcementError } from '../enforcement.errors.js';
import { IRREGULARITY_LABELS } from '../enforcement.strings.js';
import { supervises, visibleSubjects } from './register-scope.js';
import type { OversightView } from '../../../../../contracts/enforcement.js';

type Irregularity = keyof typeof IRREGULARITY_LABELS;

/**
 * 执法监督: what the 司法局 sees of every subject it supervises — open cases, clocks past their
 * limit, how many officers may act today — and the cases that show an irregularity: a decision
 * that needed legal review without one, a handler without a certificate in force on the day of the
 * decision, a case past its filing, decision or publication limit.
 */
export async function oversight(tx: Db, actor: Actor, today: string, now: Date): Promise<OversightView> {
  const subjects = (await visibleSubjects(tx, actor)).filter((s) => supervises(actor, s.unitPath));
  if (subjects.length === 0) throw enforcementError('XZZF_NOT_SUPERVISOR');
  const ids = sql.join(subjects.map((s) => sql`${s.id}`), sql`, `);
  const perSubject = rowsOf<{ subject_id: number; open_cases: number; overdue: number; officers: number; certified: number; expiring: number }>(await tx.execute(sql`
    select s.id as subject_id,
      (select count(*)::int from xzcf_cases x join cases c on c.id = x.case_id
         where x.subject_id = s.id and c.state not in ('closed', 'not_filed', 'no_penalty', 'transferred')) as open_cases,
      (select count(*)::int from xzcf_cases x join case_clocks k on k.case_id = x.case_id
         where x.subject_id = s.id and k.stopped_at is null and k.paused_at is null and k.due_at < ${now.toISOString()}::timestamptz) as overdue,
      (select count(*)::int from xzzf_officers o where o.subject_id = s.id) as officers,
      (select count(distinct o.id)::int from xzzf_officers o join xzzf_certificates c on c.officer_id = o.id
         where o.subject_id = s.id and c.status = 'valid' and c.valid_from <= ${today} and c.valid_to >= ${today}) as certified,
      (select count(*)::int from xzzf_officers o join xzzf_certificates c on c.officer_id = o.id
         where o.subject_id = s.id and c.status = 'valid' and c.valid_to >= ${today} and c.valid_to <= to_char(${today}::date + 60, 'YYYY-MM-DD')) as expiring
    from xzzf_subjects s where s.id in (${ids}) order by s.id`));
  const late = (name: string) => sql`exists (select 1 from case_clocks k where k.case_id = x.case_id and k.name = ${name}
      and ((k.stopped_at is not null and k.stopped_at > k.due_at) or (k.stopped_at is null and k.paused_at is null and k.due_at < ${now.toISOString()}::timestamptz)))`;
  const found = rowsOf<{ case_id: string; case_number: string | null; subject_name: string; kind: Irregularity }>(await tx.execute(sql`
    select x.case_id, x.case_number, s.name as subject_name, f.kind
      from xzcf_cases x join xzzf_subjects s on s.id = x.subject_id
      cross join lateral (values
        ('no_legal_review', x.outcome = 'penalty' and (x.hearing_held_on is not null or jsonb_array_length(x.review_grounds_marked) > 0) and coalesce(x.review_passed, false) = false),
        ('uncertified_handler', x.decided_on is not null and exists (
           select 1 from jsonb_array_elements_text(x.officer_ids) h(id) where not exists (
             select 1 from xzzf_certificates c where c.officer_id = h.id::int and c.valid_from <= x.decided_on and c.valid_to >= x.decided_on
               and (c.status = 'valid' or c.status_changed_at > (x.decided_on::date + 1)::timestamptz)))),
        ('decision_overdue', ${late('decision')}),
        ('publication_late', ${late('publication')}),
        ('filing_overdue', ${late('filing')})
      ) as f(kind, hit)
     where x.subject_id in (${ids}) and f.hit
     order by s.name, x.case_number nulls last, f.kind`));
  const byId = new Map(perSubject.map((r) => [r.subject_id, r]));
  return {
    today,
    subjects: subjects.map((s) => {
      const r = byId.get(s.id)!;
      return {
        subjectId: s.id, subjectName: s.name, openCases: r.open_cases, overdueClocks: r.overdue, officers: r.officers, certified: r.certified,
        coverage: r.officers ? Math.round((r.certified / r.officers) * 1000) / 10 : null, expiringWithin60Days: r.expiring,
      };
    }),
    irregularities: found.map((r) => ({ caseId: r.case_id, caseNumber: r.case_number, subjectName: r.subject_name, kind: r.kind, label: IRREGULARITY_LABELS[r.kind] })),
  };
}
