import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freshDatabase, testBackends } from '../../../../test/test-context.js';
import type { StaffActor } from '../../../platform/actor.js';
import type { Database } from '../../../platform/db/database.js';
import { verifyAudit } from '../../cases/index.js';
import { registerModules } from '../../../module-registry.js';
import { oversight } from '../../enforcement/operations/oversight.js';
import { generateCity } from '../index.js';

registerModules();

const NOW = new Date('2026-11-20T08:10:00+08:00');
const TODAY = '2026-11-20';
const CASES = 2000;

/**
 * The view's rules written out plainly over every case (the view as it was before it was made
 * fast): the reference the indexed view must agree with, case for case.
 */
const REFERENCE = `
  select x.case_id, f.kind, x.subject_id from xzcf_cases x
   cross join lateral (values
    ('no_legal_review', x.outcome = 'penalty' and (x.hearing_held_on is not null or jsonb_array_length(x.review_grounds_marked) > 0) and coalesce(x.review_passed, false) = false),
    ('uncertified_handler', x.decided_on is not null and exists (select 1 from jsonb_array_elements_text(x.officer_ids) h(id) where not exists (
       select 1 from xzzf_certificates c where c.officer_id = h.id::int and c.valid_from <= x.decided_on and c.valid_to >= x.decided_on
         and (c.status = 'valid' or c.status_changed_at > (x.decided_on::date + 1)::timestamptz)))),
    ('decision_overdue', exists (select 1 from case_clocks k where k.case_id = x.case_id and k.name = 'decision' and ((k.stopped_at > k.due_at) or (k.stopped_at is null and k.paused_at is null and k.due_at < $1::timestamptz)))),
    ('publication_late', exists (select 1 from case_clocks k where k.case_id = x.case_id and k.name = 'publication' and ((k.stopped_at > k.due_at) or (k.stopped_at is null and k.paused_at is null and k.due_at < $1::timestamptz)))),
    ('filing_overdue', exists (select 1 from case_clocks k where k.case_id = x.case_id and k.name = 'filing' and ((k.stopped_at > k.due_at) or (k.stopped_at is null and k.paused_at is null and k.due_at < $1::timestamptz))))
   ) as f(kind, hit) where f.hit`;

function supervisorOf(unit: { id: number; path: string }): StaffActor {
  return { role: 'staff', userId: 1, unitId: unit.id, scopeUnitId: unit.id, scopePath: unit.path, displayName: 'supervisor', grants: [{ role: 'xzzf.supervisor', unitId: unit.id, unitPath: unit.path }] };
}

for (const backend of testBackends()) {
  describe(`行政处罚 cases generated at a city's scale, on ${backend.name}`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let report: Awaited<ReturnType<typeof generateCity>>;
    let reference: Array<{ case_id: string; kind: string; subject_id: number }>;

    before(async () => {
      ({ database, drop } = await freshDatabase(backend.url));
      report = await generateCity(database, { requests: 0, penaltyCases: CASES, years: 1, city: '3713', seed: 5, now: NOW });
      reference = (await database.backend.query(REFERENCE, [NOW.toISOString()], 'object')).rows as typeof reference;
    });
    after(async () => drop?.());

    test('every case has its penalty row, its clocks and an unbroken sealed record; cases stand in many states', async () => {
      assert.equal(report.penalty?.cases, CASES);
      const [row] = (await database.backend.query(
        `select (select count(*)::int from cases where case_type = 'xzcf_case') as cases, (select count(*)::int from xzcf_cases) as penalty,
                (select count(*)::int from case_events) as events, (select count(*)::int from hotline_requests) as requests`, [], 'object')).rows as Array<Record<string, number>>;
      assert.deepEqual(row, { cases: CASES, penalty: CASES, events: report.penalty!.events, requests: 0 });
      assert.deepEqual((await verifyAudit(database)).findings, []);
      const states = Object.keys(report.penalty!.states);
      for (const state of ['clue', 'filing', 'investigating', 'notified', 'decided', 'executing', 'enforcing', 'closing', 'closed', 'not_filed', 'no_penalty', 'transferred']) {
        assert.ok(states.includes(state), `a case in ${state}`);
      }
      // Final states, and only they, have a closing day: the view counts open cases by it.
      const [mismatch] = (await database.backend.query(
        `select count(*)::int as n from xzcf_cases x join cases c on c.id = x.case_id where (x.closed_on is null) = (c.state in ('closed', 'not_filed', 'no_penalty', 'transferred'))`, [], 'array')).rows as Array<[number]>;
      assert.equal(mismatch![0], 0);
    });

    test('every kind of irregularity occurs, at a realistic rate', () => {
      for (const kind of ['no_legal_review', 'uncertified_handler', 'decision_overdue', 'publication_late', 'filing_overdue']) {
        const n = reference.filter((r) => r.kind === kind).length;
        assert.ok(n >= 1 && n < CASES * 0.06, `${kind}: ${n}`);
      }
    });

    test('the city supervisor\'s view finds exactly the cases the plain rules find, page by page', async () => {
      const [city] = (await database.backend.query(`select id, path from units where parent_id is null`, [], 'object')).rows as Array<{ id: number; path: string }>;
      const actor = supervisorOf(city!);
      const first = await oversight(database.db, actor, TODAY, NOW, { limit: 200 });
      assert.equal(first.irregularityTotal, reference.length);
      for (const kind of Object.keys(first.irregularityCounts)) {
        assert.equal(first.irregularityCounts[kind as keyof typeof first.irregularityCounts], reference.filter((r) => r.kind === kind).length, kind);
      }
      const seen: string[] = [];
      for (let offset = 0; offset < first.irregularityTotal; offset += 200) {
        const page = offset === 0 ? first : await oversight(database.db, actor, TODAY, NOW, { limit: 200, offset });
        seen.push(...page.irregularities.map((i) => `${i.caseId} ${i.kind}`));
      }
      assert.deepEqual(seen.slice().sort(), reference.map((r) => `${r.case_id} ${r.kind}`).sort());
      assert.equal(new Set(seen).size, seen.length, 'no row on two pages');

      // Open cases and running clocks past their limit, per subject, as counted over the cases' states.
      const plain = (await database.backend.query(`
        select x.subject_id, count(*) filter (where c.state not in ('closed', 'not_filed', 'no_penalty', 'transferred'))::int as open,
               (select count(*)::int from case_clocks k join xzcf_cases y on y.case_id = k.case_id where y.subject_id = x.subject_id and k.stopped_at is null and k.paused_at is null and k.due_at < $1) as overdue
          from xzcf_cases x join cases c on c.id = x.case_id group by x.subject_id`, [NOW.toISOString()], 'object')).rows as Array<{ subject_id: number; open: number; overdue: number }>;
      for (const p of plain) {
        const s = first.subjects.find((x) => x.subjectId === p.subject_id)!;
        assert.deepEqual([s.openCases, s.overdueClocks], [p.open, p.overdue], `subject ${p.subject_id}`);
      }
    });

    test('a county supervisor sees the county\'s subjects only; the filters narrow the list and its total', async () => {
      const [county] = (await database.backend.query(`select id, path from units where kind = 'government' and parent_id is not null order by id limit 1`, [], 'object')).rows as Array<{ id: number; path: string }>;
      const actor = supervisorOf(county!);
      const view = await oversight(database.db, actor, TODAY, NOW, { limit: 5 });
      const ids = new Set(view.subjects.map((s) => s.subjectId));
      const mine = reference.filter((r) => ids.has(r.subject_id));
      assert.ok(mine.length > 0);
      assert.equal(view.irregularityTotal, mine.length);
      assert.ok(view.irregularities.length <= 5);
      const subject = mine[0]!.subject_id;
      const kind = mine[0]!.kind as 'no_legal_review';
      const narrowed = await oversight(database.db, actor, TODAY, NOW, { subjectId: subject, kind, limit: 200 });
      assert.equal(narrowed.irregularityTotal, mine.filter((r) => r.subject_id === subject && r.kind === kind).length);
      assert.ok(narrowed.irregularities.every((i) => i.subjectId === subject && i.kind === kind));
      // Counts per kind follow the subject, not the kind, so the filter can show them all.
      assert.equal(narrowed.irregularityCounts.publication_late, mine.filter((r) => r.subject_id === subject && r.kind === 'publication_late').length);
    });
  });
}
