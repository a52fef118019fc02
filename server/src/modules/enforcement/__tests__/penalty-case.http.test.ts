import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { verifyAudit } from '../../cases/index.js';
import { enforcementMatters } from '../enforcement.tables.js';

// A 行政处罚 case walked by the people who run it, through the platform's routes: officers of the
// 市场监管局 record, investigate and serve; its head approves and decides; a legal reviewer who did
// not handle the case reviews. Each clock date is counted by hand from the statute and the 2026
// holiday calendar (no holiday falls between March and early June but 清明 and 劳动节).

const SHANGHAI = (iso: string) => new Date(`${iso}+08:00`);
/** The last day of a clock, as the law reads it: its limit is the end of that day in China. */
const lastDay = (dueAt: string) => new Date(new Date(dueAt).getTime() - 1 + 8 * 3_600_000).toISOString().slice(0, 10);

for (const backend of testBackends()) {
  describe(`行政处罚 cases on ${backend.name}`, () => {
    let ctx: TestContext;
    let h: Record<string, Record<string, string>>;
    const officer: Record<string, number> = {};
    let subjectId: number;
    let matterId: number;
    const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) => ctx.app.inject({ method, url, headers: h[who], ...(payload ? { payload } : {}) });
    const count = async (sql: string) => Number(((await ctx.database.backend.query(sql, [], 'array')).rows[0] as [number])[0]);
    const detail = async (caseId: string, who = 'officer-a') => (await call(who, 'GET', `/api/cases/${caseId}`)).json();
    const clock = async (caseId: string, name: string, who = 'officer-a') => (await detail(caseId, who)).clocks.find((c: { name: string; stoppedAt: string | null }) => c.name === name && !c.stoppedAt);
    const act = async (caseId: string, who: string, action: string, input: object) => {
      const res = await call(who, 'POST', `/api/cases/${caseId}/actions/${action}`, input);
      assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
      return res.json();
    };
    const refused = async (caseId: string, who: string, action: string, input: object, status: number, code: string) => {
      const events = await count(`select count(*)::int from case_events where case_id = '${caseId}'`);
      const res = await call(who, 'POST', `/api/cases/${caseId}/actions/${action}`, input);
      assert.equal(res.statusCode, status, `${action}: ${res.body}`);
      assert.equal(res.json().error.code, code);
      assert.equal(await count(`select count(*)::int from case_events where case_id = '${caseId}'`), events, 'nothing written');
    };
    const people = ['sfj-supervisor', 'market-admin', 'officer-a', 'officer-b', 'officer-expired', 'reviewer', 'head', 'housing'];
    /** Days pass: sessions lapse as they would, so everyone signs in again. */
    const at = async (iso: string) => {
      ctx.time.set(SHANGHAI(iso));
      for (const who of people) h[who] = await ctx.as(who);
    };
    const newClue = async (over: object = {}) => {
      const res = await call('officer-a', 'POST', '/api/xzzf/cases', {
        subjectId, field: 'market', source: 'report', summary: '销售超过保质期的食品', discoveredOn: '2026-02-27', partyKind: 'enterprise', partyName: '兰山区某某食品有限公司', ...over,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().caseId as string;
    };

    before(async () => {
      ctx = await createTestContext(backend.url); // 2026-03-02 09:00, a Monday
      const market = ctx.org.departmentIds.get('market')!;
      const justice = ctx.org.departmentIds.get('justice')!;
      await ctx.makeStaff('sfj-supervisor', justice, [{ role: 'xzzf.supervisor', unitId: ctx.org.governmentId }]);
      await ctx.makeStaff('market-admin', market, [{ role: 'xzzf.subject_admin', unitId: market }]);
      const users: Record<string, number> = {
        'officer-a': await ctx.makeStaff('officer-a', market, [{ role: 'xzzf.officer', unitId: market }, { role: 'xzzf.legal_reviewer', unitId: market }]),
        'officer-b': await ctx.makeStaff('officer-b', market, [{ role: 'xzzf.officer', unitId: market }]),
        'officer-expired': await ctx.makeStaff('officer-expired', market, [{ role: 'xzzf.officer', unitId: market }]),
        reviewer: await ctx.makeStaff('reviewer', market, [{ role: 'xzzf.legal_reviewer', unitId: market }]),
      };
      await ctx.makeStaff('head', market, [{ role: 'xzzf.head', unitId: market }]);
      h = {};
      for (const who of people) h[who] = await ctx.as(who);
      const subject = await call('sfj-supervisor', 'POST', '/api/xzzf/subjects', {
        unitId: market, name: '兰山区市场监督管理局', kind: 'organ', basisText: '兰山区市场监督管理局职能配置、内设机构和人员编制规定', basisArticle: '《中华人民共和国行政处罚法》第十八条', regionCodes: ['371302'], fields: ['market'],
      });
      assert.equal(subject.statusCode, 201, subject.body);
      subjectId = subject.json().id;
      const certified = async (who: string, number: string, validTo = '2028-04-30') => {
        const res = await call('market-admin', 'POST', '/api/xzzf/officers', {
          subjectId, name: who, userId: users[who], certificate: { number, issuer: '山东省人民政府', fields: ['market'], validFrom: '2023-05-01', validTo },
        });
        assert.equal(res.statusCode, 201, res.body);
        officer[who] = res.json().id;
      };
      await certified('officer-a', '37130201001');
      await certified('officer-b', '37130201002');
      await certified('officer-expired', '37130201003', '2026-02-28');
      await certified('reviewer', '37130201004');
      // 裁量基准 of one matter: 较重 120,000–150,000 yuan; on the 首违不罚 list.
      const [matter] = await ctx.database.db.insert(enforcementMatters).values({
        code: 'SC-CF-0101', name: '对经营超过保质期食品的行政处罚', kind: '行政处罚', field: 'market', subjectId, basis: '《中华人民共和国食品安全法》第一百二十四条第一款第五项',
        firstOffenceExempt: true, minorExempt: false, exemptionItem: '首次经营超过保质期的食品，货值金额不足五百元，及时改正的',
        discretion: [
          { circumstance: 'minor', description: '货值不足五百元', fineMin: null, fineMax: null, otherPenalties: ['警告'] },
          { circumstance: 'serious', description: '货值一万元以上', fineMin: 120000, fineMax: 150000, otherPenalties: ['没收违法所得'] },
        ],
        importedAt: new Date(),
      }).returning({ id: enforcementMatters.id });
      matterId = matter!.id;
    });
    after(async () => ctx?.close());

    test('a general-procedure case with a hearing and a legal review, from clue to archive, every date counted from the statute', async () => {
      const caseId = await newClue();
      // 市场监督管理行政处罚程序规定 art. 18: fifteen working days from discovery (Fri 27 Feb): Saturday 28 February
      // (a working day in exchange for the Spring Festival), then 2–6, 9–13, 16–19 March.
      assert.equal(lastDay((await clock(caseId, 'filing')).dueAt), '2026-03-19');

      // Two certified officers: an expired certificate does not count, the same person twice does not either.
      await refused(caseId, 'officer-a', 'propose_filing', { officerIds: [officer['officer-expired']!, officer['officer-a']!], matterId, filingNote: '举报属实' }, 409, 'XZZF_OFFICERS_NOT_CERTIFIED');
      await refused(caseId, 'officer-expired', 'propose_filing', { officerIds: [officer['officer-expired']!, officer['officer-b']!], matterId, filingNote: '举报属实' }, 409, 'XZZF_OFFICERS_NOT_CERTIFIED');
      await act(caseId, 'officer-a', 'propose_filing', { officerIds: [officer['officer-a']!, officer['officer-b']!], matterId, filingNote: '举报属实，货值约两万元' });
      await refused(caseId, 'officer-a', 'approve_filing', {}, 403, 'ACTION_ROLE_FORBIDDEN');
      const filed = await act(caseId, 'head', 'approve_filing', { note: '同意立案' });
      const caseNumber = (await detail(caseId)).case.code as string;
      assert.match(caseNumber, /^区市场监管局立字〔2026〕1号$/);
      assert.ok(filed);
      // 行政处罚法 art. 60: ninety days from filing (2 March) is Sunday 31 May, so Monday 1 June.
      assert.equal(lastDay((await clock(caseId, 'decision')).dueAt), '2026-06-01');
      assert.equal(await clock(caseId, 'filing'), undefined, 'the filing clock stopped');

      await act(caseId, 'officer-a', 'record_evidence', { evidenceKind: 'inquiry', title: '对法定代表人的询问笔录', takenOn: '2026-03-02', officerIds: [officer['officer-a']!, officer['officer-b']!], sha256: 'a'.repeat(64) });
      // 先行登记保存 (art. 56): a decision within seven working days: 3–6, 9–11 March.
      await act(caseId, 'officer-a', 'preserve_evidence', { title: '超过保质期的奶粉', items: '奶粉 120 罐', officerIds: [officer['officer-b']!, officer['officer-a']!] });
      assert.equal(lastDay((await clock(caseId, 'preservation')).dueAt), '2026-03-11');
      const preserved = (await detail(caseId)).actions.find((a: { action: string }) => a.action === 'decide_preserved').input.properties.evidenceId;
      await act(caseId, 'officer-b', 'decide_preserved', { evidenceId: preserved.enum[0], handling: '予以没收' });

      // The intended fine stays within the benchmark for 较重 (120,000–150,000).
      await refused(caseId, 'officer-a', 'propose_penalty', { facts: '经查……', circumstance: 'serious', fineYuan: 5000 }, 400, 'XZCF_FINE_OUTSIDE_BENCHMARK');
      await act(caseId, 'officer-a', 'propose_penalty', { facts: '经查，当事人销售超过保质期的奶粉 120 罐，货值 21,600 元。', circumstance: 'serious', fineYuan: 120000, confiscatedGainsYuan: 3600 });
      await at('2026-03-05T10:00:00');
      await act(caseId, 'head', 'approve_notice', { note: '同意' });
      // A fine of 100,000 yuan or more on an organisation gives a hearing right: five working days from the notice (Thu 5 March): 6, 9–12 March.
      assert.equal(lastDay((await clock(caseId, 'hearing_request')).dueAt), '2026-03-12');

      // With a hearing right unexercised there is no way around it to a decision.
      await at('2026-03-06T10:00:00');
      await act(caseId, 'officer-a', 'request_hearing', { requestedOn: '2026-03-06' });
      await refused(caseId, 'officer-a', 'submit_legal_review', {}, 409, 'ACTION_NOT_ALLOWED_IN_STATE');
      // The party is told seven working days before the hearing (art. 64(2), 85): for Friday 20 March, by Wednesday 11 March; 12 March is too late for 19 March.
      await at('2026-03-09T10:00:00');
      await refused(caseId, 'officer-a', 'schedule_hearing', { hearingOn: '2026-03-17', place: '第一听证室' }, 409, 'NOTICE_TOO_LATE');
      await act(caseId, 'officer-a', 'schedule_hearing', { hearingOn: '2026-03-20', place: '第一听证室' });
      await at('2026-03-20T09:00:00');
      await act(caseId, 'officer-a', 'hold_hearing', { record: '当事人到场陈述……' });
      // The hearing's time (6 to 20 March, fourteen whole days) does not count: 1 June moves to 15 June.
      assert.equal(lastDay((await clock(caseId, 'decision')).dueAt), '2026-06-15');

      // A hearing held makes the decision one for 法制审核 (art. 58): no way around it, and the handler may not review.
      await refused(caseId, 'officer-a', 'skip_legal_review', {}, 409, 'XZCF_LEGAL_REVIEW_REQUIRED');
      await act(caseId, 'officer-a', 'submit_legal_review', {});
      await refused(caseId, 'officer-a', 'legal_review', { result: 'passed', opinion: '同意' }, 409, 'XZCF_REVIEWER_IS_HANDLER');
      await refused(caseId, 'head', 'decide', { facts: '……', partyPresent: false }, 409, 'ACTION_NOT_ALLOWED_IN_STATE');
      await act(caseId, 'reviewer', 'legal_review', { result: 'passed', opinion: '事实清楚，证据确凿，适用依据正确，程序合法，处罚适当。' });

      // One extension of thirty days, approved by the head (the SAMR rule the catalogue carries).
      await act(caseId, 'head', 'extend_decision', { reason: '案情复杂' });
      assert.equal(lastDay((await clock(caseId, 'decision')).dueAt), '2026-07-15');
      await refused(caseId, 'head', 'extend_decision', { reason: '再次延长' }, 409, 'XZCF_ALREADY_EXTENDED');

      await at('2026-03-23T10:00:00');
      await act(caseId, 'head', 'decide', { facts: '经查，当事人销售超过保质期的奶粉 120 罐。', partyPresent: false });
      const decided = await detail(caseId);
      const decisionNumber = decided.case.columns?.decision_number ?? decided.case.values?.decision_number;
      assert.equal(await clock(caseId, 'decision'), undefined);
      // Served within seven working days when the party was absent (art. 61): 24–27, 30–31 March, 1 April.
      assert.equal(lastDay((await clock(caseId, 'service')).dueAt), '2026-04-01');
      assert.equal(lastDay((await clock(caseId, 'publication')).dueAt), '2026-04-01');
      await act(caseId, 'officer-b', 'serve', { servedOn: '2026-03-24', method: 'mail' });
      // Fifteen days to pay from receipt (art. 67(3)): 8 April.
      assert.equal(lastDay((await clock(caseId, 'payment')).dueAt), '2026-04-08');
      await act(caseId, 'officer-a', 'publish', {});

      // Paid on 18 April, ten days late: 3 % of 120,000 a day, 36,000 yuan (art. 72).
      await at('2026-04-18T10:00:00');
      await act(caseId, 'officer-a', 'record_payment', { paidOn: '2026-04-18', amountPaidYuan: 156000 });
      const [row] = (await ctx.database.backend.query(`select surcharge_fen::int as s, payment_due_on as due, decision_number as n from xzcf_cases where case_id = '${caseId}'`, [], 'object')).rows as Array<{ s: number; due: string; n: string }>;
      assert.deepEqual({ s: row!.s, due: row!.due }, { s: 3_600_000, due: '2026-04-08' });
      assert.match(row!.n, /^区市场监管局罚字〔2026〕1号$/);
      assert.ok(decisionNumber === undefined || decisionNumber === row!.n);
      await act(caseId, 'head', 'close', { summary: '罚款及加处罚款已缴清，案件办结。' });
      assert.equal((await detail(caseId)).case.state, 'closed');
      // Revoked on reconsideration (Monday 20 April): off the public list within three working days (art. 48(2)): 23 April.
      await at('2026-04-20T10:00:00');
      await act(caseId, 'head', 'record_revocation', { revokedBy: 'reconsideration', reason: '复议机关决定变更罚款数额' });
      assert.equal(lastDay((await clock(caseId, 'withdrawal')).dueAt), '2026-04-23');
      await act(caseId, 'officer-a', 'withdraw_publication', { reason: '原决定已被变更' });
      assert.equal(await clock(caseId, 'withdrawal'), undefined);

      // Every step's document, numbered and frozen.
      const docs = (await ctx.database.backend.query(`select template_id as template, number from case_documents where case_id = '${caseId}' and status = 'final' order by template_id`, [], 'object')).rows as Array<{ template: string; number: string }>;
      assert.deepEqual(docs.map((d) => d.template), ['xzcf.closing', 'xzcf.decision', 'xzcf.filing', 'xzcf.hearing.notice', 'xzcf.legal.review', 'xzcf.notice', 'xzcf.service']);
      assert.ok(docs.every((d) => d.number && !d.number.includes('　')), JSON.stringify(docs));
      assert.equal(docs.find((d) => d.template === 'xzcf.filing')!.number, caseNumber);
      assert.deepEqual((await verifyAudit(ctx.database)).findings, []);
    });

    test('首违不罚 cites the matter\'s list item; a matter not on the list cannot be let off that way', async () => {
      const caseId = await newClue({ summary: '首次销售过期糖果' });
      await act(caseId, 'officer-a', 'propose_filing', { officerIds: [officer['officer-a']!, officer['officer-b']!], matterId, filingNote: '货值 80 元' });
      await act(caseId, 'head', 'approve_filing', {});
      await act(caseId, 'head', 'decide_no_penalty', { ground_no_penalty: 'first_violation', facts: '初次违法，货值 80 元，当场下架改正。' });
      const [row] = (await ctx.database.backend.query(`select outcome, exemption_item from xzcf_cases where case_id = '${caseId}'`, [], 'object')).rows as Array<{ outcome: string; exemption_item: string }>;
      assert.deepEqual(row, { outcome: 'no_penalty', exemption_item: '首次经营超过保质期的食品，货值金额不足五百元，及时改正的' });
      await ctx.database.db.update(enforcementMatters).set({ firstOffenceExempt: false });
      const other = await newClue({ summary: '再次销售过期糖果' });
      await act(other, 'officer-a', 'propose_filing', { officerIds: [officer['officer-a']!, officer['officer-b']!], matterId, filingNote: '货值 80 元' });
      await act(other, 'head', 'approve_filing', {});
      await refused(other, 'head', 'decide_no_penalty', { ground_no_penalty: 'first_violation', facts: '……' }, 400, 'XZCF_NOT_EXEMPT');
      await ctx.database.db.update(enforcementMatters).set({ firstOffenceExempt: true });
    });

    test('当场处罚: a citizen fined 200 yuan on the spot, 201 refused; the decision is numbered at once and payment runs fifteen days', async () => {
      const refusedCase = await newClue({ partyKind: 'individual', partyName: '张三', summary: '占道经营' });
      await refused(refusedCase, 'officer-a', 'decide_on_spot', { officerIds: [officer['officer-a']!, officer['officer-b']!], matterId, facts: '占道经营', fineYuan: 201 }, 400, 'XZCF_SUMMARY_NOT_ALLOWED');
      await act(refusedCase, 'officer-a', 'decide_on_spot', { officerIds: [officer['officer-a']!, officer['officer-b']!], matterId, facts: '占道经营', fineYuan: 200 });
      const [row] = (await ctx.database.backend.query(`select state, x.decision_number from cases c join xzcf_cases x on x.case_id = c.id where c.id = '${refusedCase}'`, [], 'object')).rows as Array<{ state: string; decision_number: string }>;
      assert.equal(row!.state, 'executing');
      assert.match(row!.decision_number, /当罚字〔2026〕\d+号$/);
      assert.ok(await clock(refusedCase, 'payment'));
    });

    test('figures, counted by hand from the cases above: one general decision (reviewed, published on time, 21 days), one on the spot, one 首违不罚', async () => {
      const res = await call('head', 'GET', '/api/figures/xzzf?from=2026-01-01&to=2026-12-31');
      assert.equal(res.statusCode, 200, res.body);
      const f = new Map((res.json().figures as Array<{ key: string; numerator: number; denominator: number | null; display: string }>).map((x) => [x.key, x]));
      const pair = (key: string) => [f.get(key)!.numerator, f.get(key)!.denominator, f.get(key)!.display];
      // Filed under the general procedure: the walked case, the 首违不罚 one and the one refused it.
      assert.equal(f.get('filed')!.numerator, 3);
      assert.equal(f.get('decided')!.numerator, 2);
      assert.equal(f.get('onSpot')!.numerator, 1);
      assert.equal(f.get('firstViolation')!.numerator, 1);
      assert.deepEqual(pair('legalReviewRate'), [1, 1, '100.0%']);
      assert.deepEqual(pair('onTimePublicationRate'), [1, 1, '100.0%']);
      // Filed 2 March, decided 23 March.
      assert.deepEqual(pair('averageDays'), [21, 1, '21.0天']);
      const kinds = res.json().breakdowns.find((b: { key: string }) => b.key === 'bySubjectKind');
      assert.deepEqual(kinds.rows.map((r: { label: string }) => r.label), ['部门名义']);
    });

    test('执法公示: a person\'s decision is published without their name, identity number or phone, and leaves the list when withdrawn', async () => {
      const name = '李小明';
      const idNumber = '371302199003071234';
      const phone = '13912345678';
      const caseId = await newClue({ partyKind: 'individual', partyName: name, summary: '无证销售过期食品' });
      const team = [officer['officer-a']!, officer['officer-b']!];
      await act(caseId, 'officer-a', 'propose_filing', { officerIds: team, matterId, filingNote: '群众举报' });
      await act(caseId, 'head', 'approve_filing', {});
      await act(caseId, 'officer-a', 'propose_penalty', { facts: '经查……', circumstance: 'serious', fineYuan: 120000 });
      await act(caseId, 'head', 'approve_notice', {});
      await act(caseId, 'officer-a', 'waive_hearing', { note: '当事人书面放弃' });
      await act(caseId, 'officer-a', 'skip_legal_review', {});
      await act(caseId, 'head', 'decide', { facts: `当事人${name}（身份证号${idNumber}，联系电话${phone}）销售超过保质期的食品。`, partyPresent: true });
      await act(caseId, 'officer-a', 'publish', {});

      const list = (await call('housing', 'GET', '/api/public/xzzf/decisions?q=过期食品')).json();
      const item = list.items.find((i: { summary: string }) => i.summary === '无证销售过期食品');
      assert.equal(item.party, '李某');
      assert.equal((await ctx.app.inject({ url: `/api/public/xzzf/decisions?q=${encodeURIComponent(name)}` })).json().total, 0, 'a person is not found by name');
      const published = await ctx.app.inject({ url: `/api/public/xzzf/decisions/${item.documentId}` });
      assert.equal(published.statusCode, 200, published.body);
      const text = published.body;
      for (const secret of [name, idNumber, phone]) assert.equal(text.includes(secret), false, `${secret} must not be published`);
      assert.match(text, /李某/);
      assert.match(text, /371302\*{12}/);

      await act(caseId, 'head', 'record_revocation', { revokedBy: 'self_correction', reason: '自行纠正' });
      await act(caseId, 'officer-a', 'withdraw_publication', { reason: '已撤销' });
      assert.equal((await ctx.app.inject({ url: `/api/public/xzzf/decisions/${item.documentId}` })).statusCode, 404);
    });

    test('执法监督: the supervisor sees each subject\'s open cases and certified officers, the cases past a limit, and a decision without its legal review', async () => {
      assert.equal((await call('officer-a', 'GET', '/api/xzzf/oversight')).statusCode, 403, 'officers do not supervise');
      // A row altered behind the platform's back: a decision that needed review shows none.
      const [walked] = (await ctx.database.backend.query(`select case_id from xzcf_cases where summary = '销售超过保质期的食品' and hearing_held_on is not null`, [], 'object')).rows as Array<{ case_id: string }>;
      await ctx.database.backend.query(`update xzcf_cases set review_passed = null where case_id = $1`, [walked!.case_id], 'object');
      const res = await call('sfj-supervisor', 'GET', '/api/xzzf/oversight');
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as { subjects: Array<{ subjectName: string; officers: number; certified: number; coverage: number; openCases: number }>; irregularities: Array<{ caseId: string; kind: string }> };
      const market = body.subjects.find((x) => x.subjectName === '兰山区市场监督管理局')!;
      // Four officers registered, the one whose certificate ended on 28 February cannot act: 3 of 4.
      assert.deepEqual([market.officers, market.certified, market.coverage], [4, 3, 75]);
      assert.ok(body.irregularities.some((i) => i.caseId === walked!.case_id && i.kind === 'no_legal_review'));
      // Clues recorded on 2 March and never filed are past their fifteen working days by 20 April.
      assert.ok(body.irregularities.filter((i) => i.kind === 'filing_overdue').length >= 1);
      await ctx.database.backend.query(`update xzcf_cases set review_passed = true where case_id = $1`, [walked!.case_id], 'object');
    });

    test('执法监督意见: issued to the subject with a day to report by, answered by its head, returned once, then accepted', async () => {
      const [walked] = (await ctx.database.backend.query(`select case_id from xzcf_cases where hearing_held_on is not null limit 1`, [], 'object')).rows as Array<{ case_id: string }>;
      const body = { subjectId, findings: '部分案件立案超期。', requirements: '逐案核查，建立立案期限提醒。', respondBy: '2026-05-20', caseIds: [walked!.case_id] };
      assert.equal((await call('officer-a', 'POST', '/api/xzzf/supervision', body)).json().error.code, 'XZZF_NOT_SUPERVISOR');
      assert.equal((await call('sfj-supervisor', 'POST', '/api/xzzf/supervision', { ...body, respondBy: '2026-04-20' })).json().error.code, 'XZZF_SUPERVISION_DAY_PASSED');
      const issued = await call('sfj-supervisor', 'POST', '/api/xzzf/supervision', body);
      assert.equal(issued.statusCode, 201, issued.body);
      const opinion = issued.json().caseId as string;
      // In the subject's to-do, with the day set; the linked case names the opinion.
      const todo = (await call('head', 'GET', '/api/cases/todo?caseType=xzzf_supervision')).json() as { items: Array<{ caseId: string }> };
      assert.ok(todo.items.some((i) => i.caseId === opinion));
      assert.equal(lastDay((await clock(opinion, 'response', 'head')).dueAt), '2026-05-20');
      assert.ok((await detail(walked!.case_id)).links.some((l: { otherCaseId: string }) => l.otherCaseId === opinion));
      await refused(opinion, 'officer-a', 'respond', { measures: '已整改' }, 403, 'ACTION_ROLE_FORBIDDEN');
      await act(opinion, 'head', 'respond', { measures: '已逐案核查，两件补办立案手续。' });
      await act(opinion, 'sfj-supervisor', 'return_report', { reason: '未说明期限提醒如何建立', respondBy: '2026-05-29' });
      await act(opinion, 'head', 'respond', { measures: '已在系统中为每件线索设立立案期限。' });
      await act(opinion, 'sfj-supervisor', 'accept', {});
      assert.equal((await detail(opinion, 'head')).case.state, 'closed');
    });

    test('another department\'s staff and a neighbour see nothing and can do nothing; a clue in another subject\'s name is refused', async () => {
      const caseId = await newClue();
      assert.equal((await call('housing', 'GET', `/api/cases/${caseId}`)).statusCode, 404);
      const res = await call('housing', 'POST', `/api/cases/${caseId}/actions/propose_filing`, { officerIds: [officer['officer-a']!, officer['officer-b']!], matterId, filingNote: 'x' });
      assert.equal(res.statusCode, 404);
      const foreign = await call('reviewer', 'POST', '/api/xzzf/cases', { subjectId, field: 'market', source: 'report', summary: 'x', discoveredOn: '2026-02-27', partyKind: 'enterprise', partyName: '某公司' });
      assert.equal(foreign.statusCode, 403);
      assert.equal(foreign.json().error.code, 'XZCF_SUBJECT_NOT_YOURS');
    });
  });
}
