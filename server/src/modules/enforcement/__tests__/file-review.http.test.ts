import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { openCase, verifyAudit } from '../../cases/index.js';
import { penaltyCases } from '../enforcement.tables.js';
import { PENALTY_CASE_TYPE } from '../penalty-case-type.js';

// 案卷评查 as Tianjin's 优差双评 runs it, through the routes: the 司法局 opens a campaign on the
// default sheet, selects files by rule, at random and by nomination; experts drawn from outside
// the subject score them; the supervisor returns one score, checks, decides the grades the
// scores allow, and publishes — the 典型差案 opening a rectification in the subject's to-do.
// The files are decided cases written as rows, as an import from paper would leave them.

const SHANGHAI = (iso: string) => new Date(`${iso}+08:00`);
const FULL = { subject: 10, facts: 25, law: 20, procedure: 25, documents: 10, filing: 10 };

for (const backend of testBackends()) {
  describe(`案卷评查 and 优差双评 on ${backend.name}`, () => {
    let ctx: TestContext;
    const h: Record<string, Record<string, string>> = {};
    const user: Record<string, number> = {};
    const subject: Record<string, number> = {};
    const file: Record<string, string> = {};
    let campaignId: number;
    const call = (who: string | null, method: 'GET' | 'POST', url: string, payload?: object) =>
      ctx.app.inject({ method, url, headers: who ? h[who] : {}, ...(payload ? { payload } : {}) });
    const count = async (sql: string) => Number(((await ctx.database.backend.query(sql, [], 'array')).rows[0] as [number])[0]);
    const act = async (caseId: string, who: string, action: string, input: object) => {
      const res = await call(who, 'POST', `/api/cases/${caseId}/actions/${action}`, input);
      assert.equal(res.statusCode, 200, `${who} ${action}: ${res.body}`);
      return res.json();
    };
    const refused = async (caseId: string, who: string, action: string, input: object, status: number, code: string) => {
      const events = await count(`select count(*)::int from case_events where case_id = '${caseId}'`);
      const res = await call(who, 'POST', `/api/cases/${caseId}/actions/${action}`, input);
      assert.equal(res.statusCode, status, `${who} ${action}: ${res.body}`);
      assert.equal(res.json().error.code, code);
      assert.equal(await count(`select count(*)::int from case_events where case_id = '${caseId}'`), events, 'nothing written');
    };
    const reviewOf = async (penaltyCaseId: string) =>
      ((await ctx.database.backend.query(`select case_id, reviewer_ids from xzzf_file_reviews where penalty_case_id = $1 and campaign_id = $2`, [penaltyCaseId, campaignId], 'object')).rows[0]) as
        { case_id: string; reviewer_ids: number[] } | undefined;
    const nameOf = (id: number) => Object.entries(user).find(([, v]) => v === id)![0];

    /** A decided 行政处罚 file of a subject, as its rows stand after 结案. */
    const decidedFile = async (key: string, subjectKey: string, over: Partial<typeof penaltyCases.$inferInsert>) => {
      const caseId = randomUUID();
      const unitId = ctx.org.departmentIds.get(subjectKey)!;
      await ctx.database.transaction(async (tx) => {
        await openCase(tx, { caseId, caseType: PENALTY_CASE_TYPE, actor: { role: 'system' }, at: SHANGHAI('2026-01-05T09:00:00'), organUnitId: unitId, payload: {} });
        await tx.insert(penaltyCases).values({
          caseId, subjectId: subject[subjectKey]!, field: subjectKey === 'market' ? 'market' : 'urban', source: 'report', summary: '未按规定经营', discoveredOn: '2026-01-02',
          partyKind: 'enterprise', partyName: '兰山区某某商贸有限公司', caseNumber: `兰${subjectKey}立〔2026〕${key}号`, outcome: 'penalty', decisionNumber: `兰${subjectKey}罚〔2026〕${key}号`,
          decidedOn: '2026-02-10', closedOn: '2026-02-20', ...over,
        });
      });
      file[key] = caseId;
    };

    before(async () => {
      ctx = await createTestContext(backend.url, SHANGHAI('2026-04-01T09:00:00'));
      const d = (k: string) => ctx.org.departmentIds.get(k)!;
      const gov = ctx.org.governmentId;
      user['sfj'] = await ctx.makeStaff('sfj', d('justice'), [{ role: 'xzzf.supervisor', unitId: gov }]);
      user['market-head'] = await ctx.makeStaff('market-head', d('market'), [{ role: 'xzzf.head', unitId: d('market') }]);
      user['market-officer'] = await ctx.makeStaff('market-officer', d('market'), [{ role: 'xzzf.officer', unitId: d('market') }]);
      // The pool: one expert works in the 市场监管局 (never drawn for its files), three elsewhere.
      user['expert-market'] = await ctx.makeStaff('expert-market', d('market'), [{ role: 'xzzf.file_reviewer', unitId: gov }]);
      user['expert-justice'] = await ctx.makeStaff('expert-justice', d('justice'), [{ role: 'xzzf.file_reviewer', unitId: gov }]);
      user['expert-housing'] = await ctx.makeStaff('expert-housing', d('housing'), [{ role: 'xzzf.file_reviewer', unitId: gov }]);
      user['expert-urban'] = await ctx.makeStaff('expert-urban', d('urban'), [{ role: 'xzzf.file_reviewer', unitId: gov }]);
      for (const who of Object.keys(user)) h[who] = await ctx.as(who);
      for (const [key, name, field] of [['market', '兰山区市场监督管理局', 'market'], ['urban', '兰山区综合行政执法局', 'urban']] as const) {
        const res = await call('sfj', 'POST', '/api/xzzf/subjects', {
          unitId: d(key), name, kind: 'organ', basisText: `${name}职能配置规定`, basisArticle: '《中华人民共和国行政处罚法》第十八条', regionCodes: ['371302'], fields: [field],
        });
        assert.equal(res.statusCode, 201, res.body);
        subject[key] = res.json().id;
      }
      await decidedFile('1', 'market', { hearingHeldOn: '2026-02-01', reviewPassed: true });
      await decidedFile('2', 'market', { partyKind: 'individual', partyName: '王小明', summary: '王小明无照经营，联系电话13905391234' });
      await decidedFile('3', 'market', { outcome: 'no_penalty', noPenaltyGround: 'first_violation', decisionNumber: null });
      await decidedFile('4', 'urban', {});
      await decidedFile('5', 'urban', { decidedOn: '2025-11-10', closedOn: '2025-11-30' }); // before the period
    });
    after(async () => ctx?.close());

    test('a campaign: only a supervisor opens one, on a sheet whose points add up to 100 and whose 差 line lies below its 优 line', async () => {
      const body = { title: '2026年第一季度行政处罚案卷评查', periodFrom: '2026-01-01', periodTo: '2026-03-31' };
      assert.equal((await call('market-head', 'POST', '/api/xzzf/reviews', body)).json().error.code, 'XZZF_NOT_SUPERVISOR');
      const short = await call('sfj', 'POST', '/api/xzzf/reviews', { ...body, items: [{ key: 'facts', label: '事实', max: 60 }, { key: 'law', label: '法律', max: 30 }] });
      assert.equal(short.statusCode, 400);
      assert.equal(short.json().error.code, 'XZZF_REVIEW_SHEET_INVALID');
      assert.equal((await call('sfj', 'POST', '/api/xzzf/reviews', { ...body, excellentFrom: 60, poorBelow: 70 })).json().error.code, 'XZZF_REVIEW_SHEET_INVALID');
      assert.equal((await call('sfj', 'POST', '/api/xzzf/reviews', { ...body, periodTo: '2025-12-31' })).json().error.code, 'XZZF_REVIEW_PERIOD');
      assert.equal(await count('select count(*)::int from xzzf_review_campaigns'), 0, 'nothing written');
      const created = await call('sfj', 'POST', '/api/xzzf/reviews', body);
      assert.equal(created.statusCode, 201, created.body);
      campaignId = created.json().id;
      const view = (await call('sfj', 'GET', `/api/xzzf/reviews/${campaignId}`)).json();
      assert.deepEqual(view.items.map((i: { max: number }) => i.max), [10, 25, 20, 25, 10, 10]);
      assert.equal((await call('market-head', 'GET', `/api/xzzf/reviews/${campaignId}`)).statusCode, 404);
    });

    test('selection by rule, at random and by nomination; experts never from the subject reviewed; a refusal selects nothing', async () => {
      const select = (payload: object) => call('sfj', 'POST', `/api/xzzf/reviews/${campaignId}/files`, payload);
      const major = await select({ mode: 'rule', rule: 'major' });
      assert.equal(major.statusCode, 200, major.body);
      assert.equal(major.json().selected, 1, 'only the file with a hearing is major');
      assert.ok(await reviewOf(file['1']!));
      // Unknown number: nothing of the batch is taken, even the good one.
      const bad = await select({ mode: 'nominated', caseNumbers: ['兰market立〔2026〕2号', '兰market立〔2026〕99号'], reason: '媒体监督' });
      assert.equal(bad.json().error.code, 'XZZF_REVIEW_CASE_NUMBER_UNKNOWN');
      assert.equal(await count(`select count(*)::int from xzzf_file_reviews`), 1);
      const before5 = await select({ mode: 'nominated', caseNumbers: ['兰urban立〔2026〕5号'], reason: '纪检移送' });
      assert.equal(before5.json().error.code, 'XZZF_REVIEW_CASE_NUMBER_UNKNOWN', 'decided before the period');
      const nominated = await select({ mode: 'nominated', caseNumbers: ['兰market立〔2026〕3号', '兰market立〔2026〕1号'], reason: '群众反映' });
      assert.deepEqual([nominated.json().selected, nominated.json().alreadyInCampaign], [1, 1]);
      // One per subject at random: the 市场监管局 has one file left (2), the 综合执法局 one in the period (4).
      const random = await select({ mode: 'random', perSubject: 1 });
      assert.equal(random.json().selected, 2, random.body);
      assert.ok(await reviewOf(file['2']!));
      assert.ok(await reviewOf(file['4']!));
      assert.equal((await select({ mode: 'rule', rule: 'all' })).json().error.code, 'XZZF_REVIEW_NO_FILES');
      for (const key of ['1', '2', '3']) {
        const review = (await reviewOf(file[key]!))!;
        assert.equal(review.reviewer_ids.length, 2);
        assert.ok(!review.reviewer_ids.includes(user['expert-market']!), 'the 市场监管局\'s own expert does not review its files');
      }
      // Four experts per file cannot be found for the 市场监管局 (three outside it): refused whole.
      const strict = (await call('sfj', 'POST', '/api/xzzf/reviews', { title: '严格评查', periodFrom: '2026-01-01', periodTo: '2026-03-31', reviewersPerFile: 4 })).json().id;
      const tooFew = await call('sfj', 'POST', `/api/xzzf/reviews/${strict}/files`, { mode: 'rule', rule: 'all' });
      assert.equal(tooFew.statusCode, 409);
      assert.equal(tooFew.json().error.code, 'XZZF_REVIEW_TOO_FEW_REVIEWERS');
      assert.equal(await count(`select count(*)::int from xzzf_file_reviews where campaign_id = ${strict}`), 0);
      assert.equal(await count(`select count(*)::int from cases where case_type = 'xzzf_file_review'`), 4);
    });

    test('scores on the campaign\'s sheet by the drawn experts, a score returned, grades within the lines, publication and its rectification', async () => {
      const review = (await reviewOf(file['2']!))!;
      const [first, second] = review.reviewer_ids.map(nameOf) as [string, string];
      const outsider = ['expert-justice', 'expert-housing', 'expert-urban'].find((e) => !review.reviewer_ids.includes(user[e]!))!;
      const caseId = review.case_id;
      // The form is the sheet: six items, each bounded by its points.
      const form = (await call(first, 'GET', `/api/cases/${caseId}`)).json().actions.find((a: { action: string }) => a.action === 'score').input;
      assert.equal(form.properties.facts.maximum, 25);
      assert.deepEqual([...form.required].sort(), ['comments', 'documents', 'facts', 'filing', 'law', 'procedure', 'subject']);
      const mine = async (who: string) => ((await call(who, 'GET', '/api/xzzf/reviews/mine')).json().items as Array<{ caseId: string }>).map((i) => i.caseId);
      assert.ok((await mine(first)).includes(caseId), 'in the drawn expert\'s own list');
      assert.ok(!(await mine(outsider)).includes(caseId), 'not in another expert\'s');
      assert.deepEqual(await mine('market-head'), []);
      await refused(caseId, outsider, 'score', { ...FULL, comments: '完整' }, 403, 'ACTION_NOT_FOR_ACTOR');
      await refused(caseId, 'market-head', 'score', { ...FULL, comments: '完整' }, 404, 'CASE_NOT_FOUND');
      await refused(caseId, first, 'score', { ...FULL, facts: 26, comments: '完整' }, 400, 'ACTION_INPUT_INVALID');
      await refused(caseId, first, 'score', { subject: 10, comments: '缺项' }, 400, 'ACTION_INPUT_INVALID');
      // 55 and 50: the file scores 52.5, below the 差 line of 60.
      await act(caseId, first, 'score', { subject: 8, facts: 12, law: 10, procedure: 12, documents: 8, filing: 5, comments: '证据不足，未说明裁量理由' });
      await refused(caseId, first, 'score', { ...FULL, comments: '再评' }, 403, 'ACTION_NOT_FOR_ACTOR');
      assert.ok(!(await mine(first)).includes(caseId), 'scored: off the expert\'s list');
      await act(caseId, second, 'score', { subject: 10, facts: 10, law: 10, procedure: 10, documents: 5, filing: 5, comments: '程序缺告知' });
      await act(caseId, 'sfj', 'return_score', { reviewerId: user[second], reason: '程序项评分未说明依据' });
      await act(caseId, second, 'score', { subject: 10, facts: 10, law: 10, procedure: 10, documents: 5, filing: 5, comments: '未告知陈述申辩权利，程序违法' });
      const scored = (await call('sfj', 'GET', `/api/xzzf/reviews/${campaignId}`)).json().reviewFiles.find((f: { caseId: string }) => f.caseId === caseId);
      assert.deepEqual([scored.state, scored.score, scored.scoredBy], ['scored', 52.5, 2]);
      await act(caseId, 'sfj', 'verify', {});
      const decideForm = (await call('sfj', 'GET', `/api/cases/${caseId}`)).json().actions.find((a: { action: string }) => a.action === 'decide').input;
      assert.deepEqual(decideForm.properties.grade.enum, ['ordinary', 'poor']);
      assert.equal(decideForm.properties.grade.default, 'poor');
      await refused(caseId, 'sfj', 'decide', { grade: 'excellent', summary: '优' }, 409, 'XZZF_REVIEW_GRADE_NOT_ALLOWED');
      await act(caseId, 'sfj', 'decide', { grade: 'poor', summary: '当事人王小明的陈述申辩权利未告知即作出处罚，程序违法。' });
      // The subject sees nothing of its review before publication.
      assert.equal((await call('market-head', 'GET', `/api/cases/${caseId}`)).statusCode, 404);

      // The file with a hearing: both give full marks, 示范优案.
      const best = (await reviewOf(file['1']!))!;
      for (const expert of best.reviewer_ids.map(nameOf)) await act(best.case_id, expert, 'score', { ...FULL, comments: '听证程序规范，说理充分' });
      await act(best.case_id, 'sfj', 'verify', {});
      const publish = { requirements: '逐案复查告知程序，三十日内报告整改情况', respondBy: '2026-05-08' };
      const early = await call('sfj', 'POST', `/api/xzzf/reviews/${campaignId}/publish`, publish);
      assert.equal(early.json().error.code, 'XZZF_REVIEW_NOT_READY');
      await act(best.case_id, 'sfj', 'decide', { grade: 'excellent', summary: '听证程序完整，裁量说理充分，可作示范。' });
      for (const key of ['3', '4']) await act((await reviewOf(file[key]!))!.case_id, 'sfj', 'withdraw', { reason: '本季度不再评查' });
      const published = await call('sfj', 'POST', `/api/xzzf/reviews/${campaignId}/publish`, publish);
      assert.equal(published.statusCode, 200, published.body);
      assert.deepEqual(published.json(), { published: 2, rectifications: 1 });

      // The rectification: an 执法监督意见 in the 市场监管局 head's to-do, linked to the file.
      const todo = (await call('market-head', 'GET', '/api/cases/todo?caseType=xzzf_supervision')).json() as { items: Array<{ caseId: string }> };
      assert.equal(todo.items.length, 1);
      const links = (await call('market-head', 'GET', `/api/cases/${todo.items[0]!.caseId}`)).json().links.map((l: { otherCaseId: string }) => l.otherCaseId);
      assert.ok(links.includes(file['2']) && links.includes(caseId));
      assert.equal((await call('market-head', 'GET', `/api/cases/${caseId}`)).statusCode, 200, 'published: the subject reads its review');

      const open = await ctx.app.inject({ url: '/api/public/xzzf/reviews' });
      assert.equal(open.statusCode, 200);
      const items = open.json().items as Array<{ grade: string; score: number; caseNumber: string; summary: string }>;
      assert.deepEqual(items.map((i) => [i.caseNumber, i.grade, i.score]).sort(), [['兰market立〔2026〕1号', 'excellent', 100], ['兰market立〔2026〕2号', 'poor', 52.5]]);
      // A person who was a party shows as surname + 某, the phone masked, wherever the text names them.
      for (const secret of ['王小明', '13905391234']) assert.equal(open.body.includes(secret), false, `${secret} must not be published`);
      assert.match(open.body, /王某/);
      assert.match(open.body, /139\*\*\*\*1234/);
      assert.equal((await call('sfj', 'POST', `/api/xzzf/reviews/${campaignId}/files`, { mode: 'rule', rule: 'all' })).json().error.code, 'XZZF_REVIEW_PUBLISHED');
      // Figures, by hand: two files published on 1 April, 100 and 52.5 → mean 76.25, one of each grade.
      const figures = await call('sfj', 'GET', '/api/figures/xzzf?from=2026-04-01&to=2026-04-30');
      const f = new Map((figures.json().figures as Array<{ key: string; numerator: number; denominator: number | null }>).map((x) => [x.key, [x.numerator, x.denominator]]));
      assert.deepEqual(f.get('reviewedFiles'), [2, null]);
      assert.deepEqual(f.get('averageReviewScore'), [152.5, 2]);
      assert.deepEqual([f.get('excellentFiles')![0], f.get('poorFiles')![0]], [1, 1]);
      // The files here were written as rows; the reviews and rectifications are chained whole.
      const audit = await verifyAudit(ctx.database);
      const ours = new Set((await ctx.database.backend.query(`select id from cases where case_type in ('xzzf_file_review', 'xzzf_supervision')`, [], 'object')).rows.map((r) => (r as { id: string }).id));
      assert.deepEqual(audit.findings.filter((f) => ours.has((f as { caseId?: string }).caseId ?? '')), []);
    });
  });
}
