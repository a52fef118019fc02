import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, TEST_PASSWORD, type TestContext } from '../../../../test/test-context.js';
import type { Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { resolveSession } from '../../auth/index.js';
import { availableActionsFor, canSeeCase, performAction, sweepClocks, verifyAudit } from '../../cases/index.js';
import { runFiguresCommand } from '../../figures/index.js';
import { recordApplication } from '../operations/record-application.js';

// A reconsideration case walked through the law with the people who do it: the 司法局's
// handler and head acting for the county government, a township answering as respondent.
// Every limit below is counted by hand from 行政复议法 and the 2026 holiday calendar.
const at = (iso: string) => new Date(`${iso}+08:00`);
const endOf = (day: string) => new Date(`${day}T24:00:00+08:00`).toISOString();

for (const backend of testBackends()) {
  describe(`行政复议 workflow on ${backend.name}`, () => {
    let ctx: TestContext;
    let townId: number;
    let otherTownId: number;
    const actors: Record<string, Actor> = {};

    before(async () => {
      ctx = await createTestContext(backend.url);
      [townId, otherTownId] = [...ctx.org.townshipIds.values()] as [number, number];
      const justice = ctx.org.departmentIds.get('justice')!;
      const hash = (await ctx.database.backend.query(`select password_hash from users where username = 'admin'`, [], 'array')).rows[0] as [string];
      let id = 900;
      const person = async (username: string, unitId: number, grants: Array<[string, number]>) => {
        id++;
        await ctx.database.backend.query(
          `insert into users (id, username, display_name, password_hash, role, unit_id, scope_unit_id) values ($1, $2, $2, $3, 'staff', $4, $4)`,
          [id, username, hash[0], unitId],
          'object',
        );
        for (const [role, unit] of grants) await ctx.database.backend.query('insert into role_grants (user_id, role, unit_id) values ($1, $2, $3)', [id, role, unit], 'object');
        const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
        actors[username] = (await resolveSession(ctx.database.db, login.json().token, ctx.time.now()))!.actor;
      };
      await person('xzfy-handler', justice, [['xzfy.handler', ctx.org.governmentId]]);
      await person('xzfy-head', justice, [['xzfy.head', ctx.org.governmentId]]);
      await person('town-legal', townId, [['xzfy.respondent', townId]]);
      await person('other-town-legal', otherTownId, [['xzfy.respondent', otherTownId]]);
    });
    after(async () => ctx?.close());

    const apply = (receivedOn: string, enteredAt: Date, extra: Record<string, unknown> = {}) =>
      ctx.database.transaction((tx) =>
        recordApplication(tx, {
          organUnitId: ctx.org.governmentId, channel: 'mail', applicantKind: 'citizen', applicantName: '张某', respondentUnitId: townId,
          contestedAct: '责令限期拆除决定', field: '城乡建设', claims: '请求撤销该决定', receivedOn, ...extra,
        }, actors['xzfy-handler']!, enteredAt));
    const act = (caseId: string, who: string, action: string, input: Record<string, unknown>, now: Date) =>
      ctx.database.transaction((tx) => performAction(tx, { caseId, action, actor: actors[who]!, input, now }));
    const clock = async (caseId: string, name: string) =>
      (await ctx.database.backend.query(
        'select due_at, paused_at, stopped_at, extended, unit_id from case_clocks where case_id = $1 and name = $2 order by started_at desc limit 1',
        [caseId, name],
        'object',
      )).rows[0] as { due_at: Date; paused_at: Date | null; stopped_at: Date | null; extended: number; unit_id: number | null };
    const row = async (caseId: string) =>
      (await ctx.database.backend.query('select * from xzfy_cases where case_id = $1', [caseId], 'object')).rows[0] as Record<string, unknown>;
    const refused = (promise: Promise<unknown>, code: string) =>
      assert.rejects(promise, (e: unknown) => e instanceof AppError && e.code === code);

    test('from a letter to a served decision and the 意见书 that follows, every limit where the law puts it', async () => {
      const { caseId, queryCode } = await apply('2026-03-02', at('2026-03-02T15:00:00'));
      assert.match(queryCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      // Five working days from Mon 03-02: 03, 04, 05, 06, 09.
      assert.equal((await clock(caseId, 'acceptance')).due_at.toISOString(), endOf('2026-03-09'));

      const asked = await act(caseId, 'xzfy-handler', 'ask_supplement', { items: '补充提交被申请行政行为的决定书复印件' }, at('2026-03-03T10:00:00'));
      // Ten working days from 03-03 for the applicant: 04, 05, 06, 09–13, 16, 17.
      assert.equal(asked.facts.supplementDueAt, endOf('2026-03-17'));
      const supplied = await act(caseId, 'xzfy-handler', 'receive_supplement', { supplementId: asked.facts.supplementId }, at('2026-03-05T10:00:00'));
      // The review starts again from the material: 06, 09, 10, 11, 12.
      assert.equal(supplied.facts.acceptanceDueAt, endOf('2026-03-12'));

      assert.deepEqual(await availableActionsFor(ctx.database.db, caseId, actors['town-legal']!, ctx.time.now()), [], 'the respondent does not accept');
      const accepted = await act(caseId, 'xzfy-handler', 'accept', { procedure: 'ordinary' }, at('2026-03-06T10:00:00'));
      assert.equal(accepted.facts.caseNumber, '兰政复〔2026〕1号');
      // 60 days from 03-06 end on Tue 05-05, inside the May Day holiday: Wed 05-06. Copy: seven working days, 03-17.
      assert.equal(accepted.facts.decisionDueAt, endOf('2026-05-06'));
      assert.equal(accepted.facts.copyDueAt, endOf('2026-03-17'));

      const sent = await act(caseId, 'xzfy-handler', 'send_copy', {}, at('2026-03-09T10:00:00'));
      // The township answers within ten working days: 10–13, 16–20, 23; the clock is the township's.
      assert.equal(sent.facts.replyDueAt, endOf('2026-03-23'));
      assert.equal((await clock(caseId, 'reply')).unit_id, townId);
      await refused(act(caseId, 'other-town-legal', 'respondent_reply', { summary: '答复' }, at('2026-03-10T10:00:00')), 'CASE_NOT_FOUND');
      await act(caseId, 'town-legal', 'respondent_reply', { summary: '该建筑未取得规划许可，决定事实清楚' }, at('2026-03-10T11:00:00'));
      assert.ok((await clock(caseId, 'reply')).stopped_at);

      // A hearing on Tue 03-17 needs notice by Tue 03-10 (17, 16, 13, 12, 11 counted back).
      await refused(act(caseId, 'xzfy-handler', 'schedule_hearing', { hearingOn: '2026-03-17', place: '区司法局听证室' }, at('2026-03-11T09:00:00')), 'NOTICE_TOO_LATE');
      await act(caseId, 'xzfy-handler', 'schedule_hearing', { hearingOn: '2026-03-17', place: '区司法局听证室' }, at('2026-03-10T16:00:00'));
      await act(caseId, 'xzfy-handler', 'hold_hearing', { record: '听证笔录：双方陈述、质证' }, at('2026-03-17T10:00:00'));
      await act(caseId, 'xzfy-handler', 'refer_committee', { questions: '拆除决定的程序是否合法' }, at('2026-03-18T10:00:00'));
      await act(caseId, 'xzfy-handler', 'record_committee_opinion', { opinion: '多数意见：程序违法，应予撤销', meetingOn: '2026-03-20' }, at('2026-03-20T16:00:00'));

      await act(caseId, 'xzfy-handler', 'suspend', { ground: 'awaiting_other_case' }, at('2026-03-23T10:00:00'));
      assert.ok((await clock(caseId, 'decision')).paused_at);
      const resumed = await act(caseId, 'xzfy-handler', 'resume', {}, at('2026-04-02T10:00:00'));
      // 03-23 to 04-02 stand still (eleven days): day 60 becomes Sat 05-16, a rest day: Mon 05-18.
      assert.equal(resumed.facts.decisionDueAt, endOf('2026-05-18'));

      await refused(act(caseId, 'xzfy-handler', 'extend', { reason: '案情复杂' }, at('2026-04-10T10:00:00')), 'ACTION_ROLE_FORBIDDEN');
      const extended = await act(caseId, 'xzfy-head', 'extend', { reason: '案情复杂' }, at('2026-04-10T10:00:00'));
      // 90 days from 03-06 is 06-04; eleven more is Mon 06-15.
      assert.equal(extended.facts.decisionDueAt, endOf('2026-06-15'));
      await refused(act(caseId, 'xzfy-head', 'extend', { reason: '再次延长' }, at('2026-04-11T10:00:00')), 'XZFY_ALREADY_EXTENDED');

      // 第三人 (art. 16): the neighbour is called in; a company must give a valid 统一社会信用代码.
      await refused(act(caseId, 'xzfy-handler', 'add_third_party', { kind: 'enterprise', name: '临沂某建材有限公司', joinedBy: 'applied', interest: '拆除涉及其租用的厂房' }, at('2026-04-13T10:00:00')), 'XZFY_CREDIT_CODE_INVALID');
      await refused(act(caseId, 'town-legal', 'add_third_party', { kind: 'citizen', name: '王五', joinedBy: 'notified', interest: '相邻房屋所有人' }, at('2026-04-13T10:00:00')), 'ACTION_ROLE_FORBIDDEN');
      const joined = await act(caseId, 'xzfy-handler', 'add_third_party', { kind: 'citizen', name: '王五', joinedBy: 'notified', interest: '相邻房屋所有人' }, at('2026-04-13T10:00:00'));
      const party = (await ctx.database.backend.query('select name, joined_by, joined_on from xzfy_third_parties where id = $1', [joined.facts.thirdPartyId], 'object')).rows[0];
      assert.deepEqual(party, { name: '王五', joined_by: 'notified', joined_on: '2026-04-13' });
      const recorded = (await ctx.database.backend.query(`select payload from case_events where case_id = $1 and type = 'add_third_party'`, [caseId], 'object')).rows[0] as { payload: unknown };
      assert.doesNotMatch(JSON.stringify(recorded.payload), /王五/, 'the name is kept beside the record, not in it');

      const decided = await act(caseId, 'xzfy-handler', 'decide', { decision: 'revoke', basis: '《中华人民共和国行政复议法》第六十四条', reasoning: '程序违法' }, at('2026-04-20T10:00:00'));
      assert.equal(decided.state, 'decided');
      const document = decided.facts.document as { number: string; sha256: string; documentId: string };
      assert.equal(document.number, '兰政复决字〔2026〕第1号');
      const stored = (await ctx.database.backend.query('select status, sha256 from case_documents where id = $1', [document.documentId], 'object')).rows[0] as { status: string; sha256: string };
      assert.deepEqual(stored, { status: 'final', sha256: document.sha256 });
      const fields = (await ctx.database.backend.query('select fields from case_documents where id = $1', [document.documentId], 'object')).rows[0] as { fields: Record<string, string> };
      assert.equal(fields.fields.thirdParties, '王五', 'the 决定书 names the third party');
      assert.equal((await row(caseId)).decision_key, 'revoke');
      assert.equal((await row(caseId)).concluded_on, '2026-04-20');
      assert.equal((await act(caseId, 'xzfy-handler', 'serve', { servedOn: '2026-04-22', method: '直接送达' }, at('2026-04-22T10:00:00'))).state, 'closed');

      const opinion = await act(caseId, 'xzfy-handler', 'issue_opinion', { kind: 'opinion', unitId: townId, content: '规范拆违执法程序' }, at('2026-04-23T10:00:00'));
      // Sixty days from 04-23 is Mon 06-22, the first working day after the Dragon Boat holiday.
      assert.equal(opinion.facts.opinionDueAt, endOf('2026-06-22'));
      await refused(act(caseId, 'other-town-legal', 'report_on_opinion', { opinionId: opinion.facts.opinionId, report: '已整改' }, at('2026-05-20T10:00:00')), 'CASE_NOT_FOUND');
      await act(caseId, 'town-legal', 'report_on_opinion', { opinionId: opinion.facts.opinionId, report: '已完善拆违程序' }, at('2026-05-20T10:00:00'));
      assert.ok((await clock(caseId, 'opinion')).stopped_at);
      assert.deepEqual((await verifyAudit(ctx.database)).findings, []);
    });

    test('an application nobody decides on is accepted by law when its review period runs out', async () => {
      const { caseId } = await apply('2026-03-02', at('2026-03-02T15:00:00'));
      await sweepClocks(ctx.database, at('2026-03-10T08:00:00'));
      assert.equal((await row(caseId)).accepted_on, '2026-03-09');
      // Accepted at the end of 03-09: 60 days later is Sat 05-09, a make-up working day (调休上班).
      assert.equal((await clock(caseId, 'decision')).due_at.toISOString(), endOf('2026-05-09'));
      const events = (await ctx.database.backend.query('select type, actor_role from case_events where case_id = $1 order by seq', [caseId], 'array')).rows;
      assert.deepEqual(events.slice(-2), [['auto_supervise', 'system'], ['deem_accepted', 'system']]);
    });

    test('a withdrawal after the respondent put its own act right counts as its correction', async () => {
      const { caseId } = await apply('2026-03-02', at('2026-03-02T15:00:00'));
      await act(caseId, 'xzfy-handler', 'accept', { procedure: 'simple' }, at('2026-03-03T10:00:00'));
      // Simple procedure: thirty days from 03-03, Thu 04-02.
      assert.equal((await clock(caseId, 'decision')).due_at.toISOString(), endOf('2026-04-02'));
      await refused(act(caseId, 'xzfy-head', 'extend', { reason: '复杂' }, at('2026-03-10T10:00:00')), 'XZFY_SIMPLE_NO_EXTENSION');
      await act(caseId, 'xzfy-handler', 'withdraw', { reason: 'respondent_corrected' }, at('2026-03-12T10:00:00'));
      assert.equal((await row(caseId)).decision_key, 'respondent_corrected');
    });

    test('who sees a case: the organ and its respondent, not another township, not the hotline', async () => {
      const { caseId } = await apply('2026-03-02', at('2026-03-02T15:00:00'));
      assert.equal(await canSeeCase(ctx.database.db, caseId, actors['xzfy-handler']!), true);
      assert.equal(await canSeeCase(ctx.database.db, caseId, actors['town-legal']!), true);
      assert.equal(await canSeeCase(ctx.database.db, caseId, actors['other-town-legal']!), false);
      const supervisor = (await resolveSession(ctx.database.db, (await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'supervisor', password: TEST_PASSWORD } })).json().token, ctx.time.now()))!.actor;
      assert.equal(await canSeeCase(ctx.database.db, caseId, supervisor), false, 'the hotline’s county supervisor holds no reconsideration role');
    });

    test('an enterprise needs a valid 统一社会信用代码; a respondent must be the organ’s own', async () => {
      await assert.rejects(apply('2026-03-02', at('2026-03-02T15:00:00'), { applicantKind: 'enterprise', creditCode: '91110000600037341M' }), (e: unknown) => e instanceof AppError && e.code === 'XZFY_CREDIT_CODE_INVALID');
      await apply('2026-03-02', at('2026-03-02T15:00:00'), { applicantKind: 'enterprise', applicantName: '某某有限公司', creditCode: '91110000600037341l' });
      await assert.rejects(apply('2026-03-02', at('2026-03-02T15:00:00'), { respondentUnitId: ctx.org.centerId }), (e: unknown) => e instanceof AppError && e.code === 'XZFY_RESPONDENT_UNKNOWN');
      await assert.rejects(apply('2026-03-03', at('2026-03-02T15:00:00')), (e: unknown) => e instanceof AppError && e.code === 'XZFY_RECEIVED_IN_FUTURE');
      const outside = await apply('2026-03-02', at('2026-03-02T15:00:00'), { respondentUnitId: undefined, respondentName: '临沂市自然资源和规划局' });
      assert.equal((await row(outside.caseId)).respondent_unit_id, null);
    });

    test('the figures count what the cases above did, each with its numerator and denominator', async () => {
      const figures = async (...extra: string[]) => {
        const result = await runFiguresCommand(ctx.database, ['--module', 'xzfy', '--from', '2026-01-01', '--to', '2026-12-31', '--json', ...extra], '2026-12-05');
        assert.equal(result.exitCode, 0, result.output);
        const report = JSON.parse(result.output) as { figures: Array<{ key: string; numerator: number; denominator: number | null; display: string }>; breakdowns: Array<{ key: string; rows: Array<{ label: string; figures: Record<string, { display: string }> }> }> };
        return { ...report, get: (key: string) => report.figures.find((f) => f.key === key)! };
      };
      // Six applications; two concluded: the revoked one (03-02 → 04-20, 49 days) and the one withdrawn
      // after the township corrected itself (03-02 → 03-12, 10 days). Both are corrections.
      const all = await figures();
      assert.equal(all.get('received').numerator, 6);
      assert.deepEqual([all.get('correctionRate').numerator, all.get('correctionRate').denominator, all.get('correctionRate').display], [2, 2, '100%']);
      assert.equal(all.get('averageDays').display, '29.5天');
      assert.deepEqual(all.breakdowns.find((b) => b.key === 'byDecision')!.rows.map((r) => r.label).sort(), ['撤销', '被申请人自行纠正'].sort());
      // The outside organ's case is not the township's.
      assert.equal((await figures('--unit', `township:${[...ctx.org.townshipIds.keys()][0]}`)).get('received').numerator, 5);
      assert.equal((await runFiguresCommand(ctx.database, ['--module', 'nope'], '2026-12-05')).exitCode, 2);
      assert.equal((await runFiguresCommand(ctx.database, ['--module', 'xzfy', '--from', '2026-02-30'], '2026-12-05')).exitCode, 2);
    });
  });
}
