import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { rowsOf } from '../../../platform/db/rows-of.js';
import { enforcementError } from '../enforcement.errors.js';
import { IRREGULARITY_LABELS } from '../enforcement.strings.js';
import { supervises, visibleSubjects } from './register-scope.js';
import { IRREGULARITY_KINDS, type IrregularityKind as Irregularity, type OversightQuery, type OversightView } from '../../../../../contracts/enforcement.js';

export const OVERSIGHT_PAGE = { defaultLimit: 20, maxLimit: 200, maxOffset: 10_000_000 } as const;

/** The clocks whose lateness is an irregularity, and the irregularity each names. */
const LATE_CLOCKS = sql`case k.name when 'decision' then 'decision_overdue' when 'publication' then 'publication_late' else 'filing_overdue' end`;

/**
 * 执法监督: what the 司法局 sees of every subject it supervises — open cases, clocks past their
 * limit, how many officers may act today — and, a page at a time, the cases that show an
 * irregularity: a decision that needed legal review without one, a handler without a
 * certificate in force on the day of the decision, a case past its filing, decision or
 * publication limit.
 *
 * At a city's scale (a million cases) nothing here reads every case: each irregularity is found
 * from an index that holds only its candidates (migration 0031), and only those candidates are
 * joined to their cases.
 */
export async function oversight(tx: Db, actor: Actor, today: string, now: Date, query: OversightQuery = {}): Promise<OversightView> {
  const subjects = (await visibleSubjects(tx, actor)).filter((s) => supervises(actor, s.unitPath));
  if (subjects.length === 0) throw enforcementError('XZZF_NOT_SUPERVISOR');
  if (query.subjectId !== undefined && !subjects.some((s) => s.id === query.subjectId)) throw enforcementError('XZZF_SUBJECT_NOT_FOUND', { field: 'subjectId' });
  const limit = query.limit ?? OVERSIGHT_PAGE.defaultLimit;
  const offset = query.offset ?? 0;
  // The planner guesses a partial index's candidates at a third of the table (a million rows
  // for a few thousand) and would compile the query (JIT) for that: more time than the query.
  // Within a transaction (the route's) that is turned off; `offset 0` below keeps each candidate's
  // case a lookup by its key rather than a join over every case, whatever the guess.
  await tx.execute(sql`set local jit = off`);
  const ids = sql`array[${sql.join(subjects.map((s) => sql`${s.id}`), sql`, `)}]::int[]`;
  const at = sql`${now.toISOString()}::timestamptz`;

  // Open: no closing day (every final state sets one). Overdue: running clocks past their limit,
  // few at any time, joined to their cases.
  const counts = rowsOf<{ subject_id: number; open_cases: number; overdue: number }>(await tx.execute(sql`
    select s.id as subject_id,
      coalesce(o.n, 0)::int as open_cases, coalesce(d.n, 0)::int as overdue
    from unnest(${ids}) as s(id)
    left join (select x.subject_id, count(*) as n from xzcf_cases x where x.closed_on is null and x.subject_id = any(${ids}) group by x.subject_id) o on o.subject_id = s.id
    left join (select x.subject_id, count(*) as n from case_clocks k
                 cross join lateral (select x.subject_id from xzcf_cases x where x.case_id = k.case_id offset 0) x
                where k.stopped_at is null and k.paused_at is null and k.due_at < ${at} and x.subject_id = any(${ids}) group by x.subject_id) d on d.subject_id = s.id`));
  const officers = rowsOf<{ subject_id: number; officers: number; certified: number; expiring: number }>(await tx.execute(sql`
    select o.subject_id, count(*)::int as officers,
      count(*) filter (where exists (select 1 from xzzf_certificates c where c.officer_id = o.id and c.status = 'valid' and c.valid_from <= ${today} and c.valid_to >= ${today}))::int as certified,
      coalesce(sum((select count(*) from xzzf_certificates c where c.officer_id = o.id and c.status = 'valid'
        and c.valid_to >= ${today} and c.valid_to <= to_char(${today}::date + 60, 'YYYY-MM-DD'))), 0)::int as expiring
    from xzzf_officers o where o.subject_id = any(${ids}) group by o.subject_id`));

  const scope = query.subjectId !== undefined ? sql`array[${query.subjectId}]::int[]` : ids;
  // A handler is uncertified on a day no certificate covers. Candidates come from the days the
  // handler's certificates leave uncovered (one suspended or revoked since covers up to two days
  // before its change, so the candidates hold every true case), found through the handler
  // indexes; the exact rule is then checked on those few. Cases with more than two handlers are checked whole.
  const [result] = rowsOf<{ total: number; by_kind: Record<string, number> | null; items: Array<{ case_id: string; case_number: string | null; subject_name: string; subject_id: number; kind: Irregularity }> | null }>(await tx.execute(sql`
    with gaps as materialized (
      select o.id::text as officer, coalesce(lower(r)::text, '0000-00-00') as lo, coalesce((upper(r) - 1)::text, '9999-12-31') as hi
        from xzzf_officers o
        cross join lateral unnest(datemultirange(daterange(null, null)) - coalesce(
          (select range_agg(daterange(c.valid_from::date, case when c.status = 'valid' then c.valid_to::date else least(c.valid_to::date, c.status_changed_at::date - 2) end, '[]'))
             from xzzf_certificates c where c.officer_id = o.id and (c.status = 'valid' or c.status_changed_at::date - 2 >= c.valid_from::date)),
          '{}'::datemultirange)) as r
    ),
    handled as (
      select x.case_id from gaps g join xzcf_cases x on x.officer_ids->>0 = g.officer and x.decided_on between g.lo and g.hi
      union
      select x.case_id from gaps g join xzcf_cases x on x.officer_ids->>1 = g.officer and x.decided_on between g.lo and g.hi
      union
      select x.case_id from xzcf_cases x where x.decided_on is not null and jsonb_array_length(x.officer_ids) > 2 and x.subject_id = any(${scope})
    ),
    hits(case_id, kind) as (
      select x.case_id, 'no_legal_review' from xzcf_cases x
       where x.outcome = 'penalty' and (x.hearing_held_on is not null or jsonb_array_length(x.review_grounds_marked) > 0) and coalesce(x.review_passed, false) = false
      union
      select k.case_id, ${LATE_CLOCKS} from case_clocks k where k.name in ('decision', 'publication', 'filing') and k.stopped_at > k.due_at
      union
      select k.case_id, ${LATE_CLOCKS} from case_clocks k where k.name in ('decision', 'publication', 'filing') and k.stopped_at is null and k.paused_at is null and k.due_at < ${at}
      union
      select h.case_id, 'uncertified_handler' from handled h
       cross join lateral (select x.officer_ids, x.decided_on from xzcf_cases x where x.case_id = h.case_id offset 0) x
       where exists (select 1 from jsonb_array_elements_text(x.officer_ids) h(id) where not exists (
         select 1 from xzzf_certificates c where c.officer_id = h.id::int and c.valid_from <= x.decided_on and c.valid_to >= x.decided_on
           and (c.status = 'valid' or c.status_changed_at > (x.decided_on::date + 1)::timestamptz)))
    ),
    found as materialized (
      select h.case_id, h.kind, x.case_number, x.subject_id from hits h
       cross join lateral (select x.case_number, x.subject_id from xzcf_cases x where x.case_id = h.case_id offset 0) x
       where x.subject_id = any(${scope})
    ),
    chosen as (
      select f.*, s.name as subject_name from found f join xzzf_subjects s on s.id = f.subject_id
       ${query.kind ? sql`where f.kind = ${query.kind}` : sql``}
    ),
    page as (
      select * from chosen order by subject_name, case_number nulls last, kind, case_id limit ${limit} offset ${offset}
    )
    select (select count(*)::int from chosen) as total,
      (select json_object_agg(kind, n) from (select kind, count(*)::int as n from found group by kind) k) as by_kind,
      (select json_agg(json_build_object('case_id', case_id, 'case_number', case_number, 'subject_name', subject_name, 'subject_id', subject_id, 'kind', kind)
         order by subject_name, case_number nulls last, kind, case_id) from page) as items`));
  const byId = new Map(counts.map((r) => [r.subject_id, r]));
  const staff = new Map(officers.map((r) => [r.subject_id, r]));
  return {
    today,
    subjects: subjects.map((s) => {
      const r = byId.get(s.id);
      const o = staff.get(s.id);
      const [officerCount, certified] = [o?.officers ?? 0, o?.certified ?? 0];
      return {
        subjectId: s.id, subjectName: s.name, openCases: r?.open_cases ?? 0, overdueClocks: r?.overdue ?? 0, officers: officerCount, certified,
        coverage: officerCount ? Math.round((certified / officerCount) * 1000) / 10 : null, expiringWithin60Days: o?.expiring ?? 0,
      };
    }),
    irregularities: (result?.items ?? []).map((r) => ({
      caseId: r.case_id, caseNumber: r.case_number, subjectId: r.subject_id, subjectName: r.subject_name, kind: r.kind, label: IRREGULARITY_LABELS[r.kind],
    })),
    irregularityTotal: result?.total ?? 0,
    irregularityCounts: Object.fromEntries(IRREGULARITY_KINDS.map((k) => [k, result?.by_kind?.[k] ?? 0])) as Record<Irregularity, number>,
    limit,
    offset,
  };
}
