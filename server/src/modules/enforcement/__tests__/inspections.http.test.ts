import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { creditCodeCheckCharacter } from '../../../platform/credit-code.js';
import { enforcementMatters } from '../enforcement.tables.js';

// 涉企检查 through its routes, as the people who run it would: the 市场监管局's officers plan a
// year's 双随机 inspections (one plan jointly with the 生态环境分局), draw enterprises and officers,
// the enterprise checks the code at its door, the officers record the result and open a 行政处罚
// clue from what they found, and the 司法局's supervisor reads inspections per enterprise.

const creditCode = (n: number) => {
  const first = `91371302${String(n).padStart(9, '0')}`;
  return first + creditCodeCheckCharacter(first)!;
};

for (const backend of testBackends()) {
  describe(`涉企检查 on ${backend.name}`, () => {
    let ctx: TestContext;
    let h: Record<string, Record<string, string>>;
    const officer: Record<string, number> = {};
    let marketId: number;
    let ecologyId: number;
    let inspectionMatterId: number;
    let penaltyMatterId: number;
    const enterprises: number[] = [];
    const call = (who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      ctx.app.inject({ method, url, ...(who ? { headers: h[who] } : {}), ...(payload ? { payload } : {}) });
    const count = async (table: string) => Number(((await ctx.database.backend.query(`select count(*)::int from ${table}`, [], 'array')).rows[0] as [number])[0]);
    const plan = (over: object = {}) => ({ subjectId: marketId, year: 2026, matterId: inspectionMatterId, title: '2026年度食品经营企业双随机抽查', firstDay: '2026-03-02', lastDay: '2026-03-02', ...over });

    before(async () => {
      ctx = await createTestContext(backend.url); // 2026-03-02 09:00, a Monday
      const market = ctx.org.departmentIds.get('market')!;
      const ecology = ctx.org.departmentIds.get('ecology')!;
      const justice = ctx.org.departmentIds.get('justice')!;
      await ctx.makeStaff('sfj-supervisor', justice, [{ role: 'xzzf.supervisor', unitId: ctx.org.governmentId }]);
      await ctx.makeStaff('market-admin', market, [{ role: 'xzzf.subject_admin', unitId: market }]);
      const users: Record<string, number> = {
        'officer-a': await ctx.makeStaff('officer-a', market, [{ role: 'xzzf.officer', unitId: market }]),
        'officer-b': await ctx.makeStaff('officer-b', market, [{ role: 'xzzf.officer', unitId: market }]),
        'officer-c': await ctx.makeStaff('officer-c', market, [{ role: 'xzzf.officer', unitId: market }]),
        'officer-expired': await ctx.makeStaff('officer-expired', market, [{ role: 'xzzf.officer', unitId: market }]),
      };
      await ctx.makeStaff('ecology-officer', ecology, [{ role: 'xzzf.officer', unitId: ecology }]);
      h = {};
      for (const who of ['sfj-supervisor', 'market-admin', 'officer-a', 'officer-b', 'officer-c', 'officer-expired', 'ecology-officer']) h[who] = await ctx.as(who);
      const subject = async (unitId: number, name: string, field: string) => {
        const res = await call('sfj-supervisor', 'POST', '/api/xzzf/subjects', { unitId, name, kind: 'organ', basisText: `${name}职能配置、内设机构和人员编制规定`, basisArticle: '《中华人民共和国行政处罚法》第十八条', regionCodes: ['371302'], fields: [field] });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().id as number;
      };
      marketId = await subject(market, '兰山区市场监督管理局', 'market');
      ecologyId = await subject(ecology, '临沂市生态环境局兰山分局', 'ecology');
      const certified = async (who: string, number: string, validTo = '2028-04-30') => {
        const res = await call('market-admin', 'POST', '/api/xzzf/officers', { subjectId: marketId, name: who, userId: users[who], certificate: { number, issuer: '山东省人民政府', fields: ['market'], validFrom: '2023-05-01', validTo } });
        assert.equal(res.statusCode, 201, res.body);
        officer[who] = res.json().id;
      };
      await certified('officer-a', '37130201001');
      await certified('officer-b', '37130201002');
      await certified('officer-c', '37130201003');
      await certified('officer-expired', '37130201004', '2026-02-28');
      const matter = async (code: string, name: string, kind: string) => (await ctx.database.db.insert(enforcementMatters).values({
        code, name, kind, field: 'market', subjectId: marketId, basis: '《中华人民共和国食品安全法》第一百一十条', firstOffenceExempt: false, minorExempt: false, discretion: [], importedAt: new Date(),
      }).returning({ id: enforcementMatters.id }))[0]!.id;
      inspectionMatterId = await matter('SC-JC-0001', '对食品经营者的监督检查', '行政检查');
      penaltyMatterId = await matter('SC-CF-0001', '对经营超过保质期食品的行政处罚', '行政处罚');
      for (let n = 1; n <= 6; n++) {
        const res = await call('officer-a', 'POST', '/api/xzzf/objects', { kind: 'enterprise', name: `兰山区第${n}食品商行有限公司`, creditCode: creditCode(n), legalRepresentative: `法人${n}` });
        assert.equal(res.statusCode, 201, res.body);
        enterprises.push(res.json().id);
      }
    });
    after(async () => ctx?.close());

    let planId: number;
    let drawn: Array<{ id: number; objectId: number; officerIds: number[]; code: string; plannedOn: string }>;

    test('bad plans are refused with their code and nothing written', async () => {
      const refused = async (who: string, over: object, status: number, code: string) => {
        const before = await count('xzjc_plans');
        const res = await call(who, 'POST', '/api/xzzf/inspection-plans', plan(over));
        assert.equal(res.statusCode, status, res.body);
        assert.equal(res.json().error.code, code);
        assert.equal(await count('xzjc_plans'), before, 'nothing written');
      };
      await refused('officer-a', { matterId: penaltyMatterId }, 400, 'XZJC_MATTER_NOT_INSPECTION');
      await refused('officer-a', { lastDay: '2027-01-05' }, 400, 'XZJC_PLAN_DAYS');
      await refused('officer-a', { firstDay: '2026-05-01', lastDay: '2026-04-01' }, 400, 'XZJC_PLAN_DAYS');
      await refused('officer-a', { jointSubjectIds: [marketId] }, 400, 'XZJC_JOINT_SUBJECT_UNKNOWN');
      await refused('officer-a', { plannedCount: 0 }, 400, 'VALIDATION_FAILED');
      await refused('officer-a', { title: '   ' }, 400, 'VALIDATION_FAILED');
      await refused('ecology-officer', {}, 404, 'XZZF_SUBJECT_NOT_FOUND');
      await refused('sfj-supervisor', {}, 403, 'XZJC_NOT_PLANNER');
    });

    test('the county sets the cap; a plan is drawn once, with two certified officers per inspection, and the draw is recorded', async () => {
      assert.deepEqual((await call('officer-a', 'GET', '/api/xzzf/inspection-settings')).json(), { yearlyCap: 2, defaultYearlyCap: 2 });
      assert.equal((await call('officer-a', 'PUT', '/api/xzzf/inspection-settings', { yearlyCap: 1 })).statusCode, 403);
      assert.equal((await call('sfj-supervisor', 'PUT', '/api/xzzf/inspection-settings', { yearlyCap: 0 })).statusCode, 400);
      const set = await call('sfj-supervisor', 'PUT', '/api/xzzf/inspection-settings', { yearlyCap: 1 });
      assert.equal(set.statusCode, 200, set.body);

      const created = await call('officer-a', 'POST', '/api/xzzf/inspection-plans', plan({ plannedCount: 2, jointSubjectIds: [ecologyId] }));
      assert.equal(created.statusCode, 201, created.body);
      planId = created.json().id;
      const draw = await call('officer-b', 'POST', `/api/xzzf/inspection-plans/${planId}/draw`);
      assert.equal(draw.statusCode, 200, draw.body);
      const body = draw.json();
      assert.equal(body.candidateCount, 6);
      assert.equal(body.cap, 1);
      drawn = body.inspections;
      assert.equal(drawn.length, 2);
      const able = [officer['officer-a'], officer['officer-b'], officer['officer-c']];
      for (const i of drawn) {
        assert.equal(i.officerIds.length, 2);
        assert.notEqual(i.officerIds[0], i.officerIds[1]);
        assert.ok(i.officerIds.every((id) => able.includes(id)), 'never the officer whose certificate has expired');
        assert.match(i.code, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      }
      const again = await call('officer-a', 'POST', `/api/xzzf/inspection-plans/${planId}/draw`);
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'XZJC_ALREADY_DRAWN');
      assert.equal(await count('xzjc_inspections'), 2, 'the second draw wrote nothing');

      const read = (await call('officer-c', 'GET', `/api/xzzf/inspection-plans/${planId}`)).json();
      assert.equal(read.status, 'drawn');
      assert.equal(read.draw.seed, body.seed);
      assert.deepEqual(read.draw.candidateIds, [...enterprises].sort((a, b) => a - b));
      assert.equal((await call('ecology-officer', 'GET', `/api/xzzf/inspection-plans/${planId}`)).statusCode, 404, 'another subject’s officer: not found');
      assert.equal((await call('sfj-supervisor', 'GET', `/api/xzzf/inspection-plans/${planId}`)).statusCode, 200);
      assert.deepEqual((await call('ecology-officer', 'GET', '/api/xzzf/inspection-plans')).json().items, []);
      assert.equal((await call('ecology-officer', 'POST', `/api/xzzf/inspection-plans/${planId}/draw`)).statusCode, 404);

      // At a cap of one, the two enterprises just drawn are out of the next plan's draw.
      const second = (await call('officer-a', 'POST', '/api/xzzf/inspection-plans', plan({ title: '专项检查', plannedCount: 10 }))).json().id;
      const secondDraw = await call('officer-a', 'POST', `/api/xzzf/inspection-plans/${second}/draw`);
      assert.equal(secondDraw.statusCode, 200, secondDraw.body);
      assert.equal(secondDraw.json().cappedCount, 2);
      const firstObjects = drawn.map((i) => i.objectId);
      assert.deepEqual(secondDraw.json().inspections.map((i: { objectId: number }) => i.objectId).sort(), enterprises.filter((id) => !firstObjects.includes(id)).sort());
      const third = (await call('officer-a', 'POST', '/api/xzzf/inspection-plans', plan({ title: '再次检查' }))).json().id;
      const none = await call('officer-a', 'POST', `/api/xzzf/inspection-plans/${third}/draw`);
      assert.equal(none.statusCode, 409);
      assert.equal(none.json().error.code, 'XZJC_NO_CANDIDATES');
      assert.equal((await call('officer-a', 'GET', `/api/xzzf/inspection-plans/${third}`)).json().status, 'planned', 'a refused draw leaves the plan undrawn');
      assert.equal(await count('xzjc_draws'), 2);
      const logged = (await ctx.database.backend.query(`select count(*)::int from security_events where kind = 'xzjc_plan_drawn'`, [], 'array')).rows[0] as [number];
      assert.equal(Number(logged[0]), 2);
    });

    test('扫码入企: the enterprise checks the code publicly; a forged or unknown code is not found', async () => {
      const [first] = drawn;
      const res = await call(null, 'GET', `/api/public/xzzf/inspections/verify/${first!.code.toLowerCase().replace(/-/g, '')}`);
      assert.equal(res.statusCode, 200, res.body);
      const seen = res.json();
      assert.equal(seen.subjectName, '兰山区市场监督管理局');
      assert.deepEqual(seen.jointSubjectNames, ['临沂市生态环境局兰山分局']);
      assert.equal(seen.plannedOn, '2026-03-02');
      assert.equal(seen.plan.title, '2026年度食品经营企业双随机抽查');
      assert.equal(seen.enterprise.creditCode, creditCode(enterprises.indexOf(first!.objectId) + 1));
      assert.equal(seen.officers.length, 2);
      for (const o of seen.officers) assert.match(o.certificateNumber, /^3713020100[123]$/);
      assert.doesNotMatch(res.body, /法人/, 'no legal representative, no personal data beyond the officers');
      const forged = `${first!.code.slice(0, 10)}${first!.code[10] === '0' ? '1' : '0'}${first!.code[11]}`;
      for (const code of [forged, 'ZZZZ-ZZZZ-ZZZZ', 'not-a-code']) {
        const bad = await call(null, 'GET', `/api/public/xzzf/inspections/verify/${code}`);
        assert.equal(bad.statusCode, 404, code);
        assert.equal(bad.json().error.code, 'XZJC_CODE_UNKNOWN');
      }
    });

    test('the result takes two certified officers, goes into the enterprise’s history, and a problem opens a 行政处罚 clue', async () => {
      const [clean, faulty] = drawn;
      const result = (who: string, id: number, over: object = {}) => call(who, 'POST', `/api/xzzf/inspections/${id}/result`, { officerIds: [officer['officer-a'], officer['officer-b']], inspectedOn: '2026-03-02', result: 'no_problem', note: '证照齐全，经营规范', ...over });
      const refused = async (who: string, id: number, over: object, status: number, code: string) => {
        const res = await result(who, id, over);
        assert.equal(res.statusCode, status, res.body);
        assert.equal(res.json().error.code, code);
        assert.equal((await call('officer-a', 'GET', `/api/xzzf/inspection-plans/${planId}`)).json().inspections.find((i: { id: number }) => i.id === id).status, 'drawn', 'nothing written');
      };
      await refused('ecology-officer', clean!.id, {}, 404, 'XZJC_INSPECTION_NOT_FOUND');
      await refused('officer-a', clean!.id, { officerIds: [officer['officer-a'], officer['officer-expired']] }, 409, 'XZZF_OFFICERS_NOT_CERTIFIED');
      await refused('officer-a', clean!.id, { officerIds: [officer['officer-a'], officer['officer-a']] }, 409, 'XZZF_OFFICERS_NOT_CERTIFIED');
      await refused('officer-a', clean!.id, { inspectedOn: '2026-03-03' }, 400, 'XZJC_DAY_INVALID');
      await refused('officer-a', clean!.id, { result: 'maybe' }, 400, 'VALIDATION_FAILED');
      assert.equal((await call('officer-a', 'POST', '/api/xzzf/inspections/999999/result', { officerIds: [1, 2], inspectedOn: '2026-03-02', result: 'no_problem', note: 'x' })).statusCode, 404);

      assert.equal((await result('officer-a', clean!.id)).statusCode, 200);
      assert.equal((await result('officer-a', clean!.id)).json().error.code, 'XZJC_ALREADY_RECORDED');
      assert.equal((await result('officer-b', faulty!.id, { result: 'problems', note: '货架上有超过保质期的食品' })).statusCode, 200);
      const history = (await call('officer-a', 'GET', `/api/xzzf/objects/${clean!.objectId}`)).json().history;
      assert.deepEqual(history.map((e: { kind: string; day: string }) => [e.kind, e.day]), [['inspection', '2026-03-02']]);

      const none = await call('officer-a', 'POST', `/api/xzzf/inspections/${clean!.id}/follow-up`, { summary: '无' });
      assert.equal(none.json().error.code, 'XZJC_NO_PROBLEMS');
      const cases = await count('xzcf_cases');
      const opened = await call('officer-b', 'POST', `/api/xzzf/inspections/${faulty!.id}/follow-up`, { summary: '检查发现经营超过保质期的食品' });
      assert.equal(opened.statusCode, 201, opened.body);
      const caseId = opened.json().caseId as string;
      assert.equal(await count('xzcf_cases'), cases + 1);
      const [row] = (await ctx.database.backend.query(`select source, object_id, discovered_on from xzcf_cases where case_id = $1`, [caseId], 'object')).rows as Array<{ source: string; object_id: number; discovered_on: string }>;
      assert.deepEqual({ ...row }, { source: 'inspection', object_id: faulty!.objectId, discovered_on: '2026-03-02' });
      const twice = await call('officer-b', 'POST', `/api/xzzf/inspections/${faulty!.id}/follow-up`, { summary: '再次' });
      assert.equal(twice.json().error.code, 'XZJC_FOLLOW_UP_EXISTS');
      assert.equal(await count('xzcf_cases'), cases + 1);
      const read = (await call('officer-a', 'GET', `/api/xzzf/inspection-plans/${planId}`)).json();
      assert.equal(read.inspections.find((i: { id: number }) => i.id === faulty!.id).followUpCaseId, caseId);

      // 一公开: both results, newest first, for anyone; the officers' notes stay inside.
      const open = await call(null, 'GET', '/api/public/xzzf/inspections');
      assert.equal(open.statusCode, 200, open.body);
      const published = open.json() as { total: number; items: Array<{ id: number; result: string; followUp: boolean; creditCode: string | null }> };
      assert.equal(published.total, 2);
      assert.deepEqual(published.items.map((i) => [i.id, i.result, i.followUp]).sort(), [[clean!.id, 'no_problem', false], [faulty!.id, 'problems', true]].sort());
      for (const secret of ['证照齐全', '超过保质期的食品']) assert.equal(open.body.includes(secret), false, 'notes are not published');
      assert.ok(published.items.every((i) => i.creditCode === null || /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(i.creditCode)));
      const found = await call(null, 'GET', `/api/public/xzzf/inspections?q=${encodeURIComponent('不存在的企业名称')}`);
      assert.equal(found.json().total, 0);
    });

    test('the report counts inspections per enterprise, a joint inspection once, for supervisors only', async () => {
      assert.equal((await call('officer-a', 'GET', '/api/xzzf/inspections/by-enterprise?year=2026')).statusCode, 403);
      assert.equal((await call('sfj-supervisor', 'GET', '/api/xzzf/inspections/by-enterprise')).statusCode, 400);
      const res = await call('sfj-supervisor', 'GET', '/api/xzzf/inspections/by-enterprise?year=2026');
      assert.equal(res.statusCode, 200, res.body);
      const report = res.json();
      assert.equal(report.cap, 1);
      assert.equal(report.enterprises, 6);
      assert.equal(report.inspections, 6);
      const [faulty] = drawn.slice(1);
      const joint = report.items.find((i: { objectId: number }) => i.objectId === faulty!.objectId);
      assert.deepEqual({ inspections: joint.inspections, problems: joint.problems, followUpCases: joint.followUpCases, overCap: joint.overCap }, { inspections: 1, problems: 1, followUpCases: 1, overCap: false });
      assert.deepEqual(joint.subjects.sort(), ['临沂市生态环境局兰山分局', '兰山区市场监督管理局'].sort(), 'two subjects, one inspection');
      assert.deepEqual((await call('sfj-supervisor', 'GET', '/api/xzzf/inspections/by-enterprise?year=2025')).json().items, []);
    });

    test('行政执法’s figures count the inspections carried out, those that found problems and the cases opened from them, beside the cases', async () => {
      const res = await call('sfj-supervisor', 'GET', '/api/figures/xzzf?from=2026-03-01&to=2026-03-31');
      assert.equal(res.statusCode, 200, res.body);
      const f = new Map((res.json().figures as Array<{ key: string; numerator: number }>).map((x) => [x.key, x.numerator]));
      // Recorded above on 2026-03-02: one without a problem, one with, the second opened a clue.
      assert.deepEqual([f.get('inspections'), f.get('inspectionsWithProblems'), f.get('inspectionFollowUps')], [2, 1, 1]);
      const [filed] = (await ctx.database.backend.query(`select count(*)::int as n from xzcf_cases where procedure = 'general' and filed_on between '2026-03-01' and '2026-03-31'`, [], 'object')).rows as Array<{ n: number }>;
      assert.equal(f.get('filed'), filed!.n, 'the inspection rows change no case figure');
      const april = await call('sfj-supervisor', 'GET', '/api/figures/xzzf?from=2026-04-01&to=2026-04-30');
      assert.equal((april.json().figures as Array<{ key: string; numerator: number }>).find((x) => x.key === 'inspections')!.numerator, 0);
    });
  });
}
