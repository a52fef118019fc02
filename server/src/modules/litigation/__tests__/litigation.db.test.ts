import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, TEST_PASSWORD, type TestContext } from '../../../../test/test-context.js';
import type { Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { resolveSession } from '../../auth/index.js';
import { canSeeCase, listCaseLinks, performAction, sweepClocks, verifyAudit } from '../../cases/index.js';
import { runFiguresCommand } from '../../figures/index.js';
import { recordApplication } from '../../reconsideration/index.js';
import { recordLawsuit } from '../operations/record-lawsuit.js';

// Lawsuits against two organs of the county, one of them over a reconsideration decision:
// the answer period from service, hearings with reminders and the head's appearance, the
// judgment and its appeal period, the link to the reconsideration, and the figures.
const at = (iso: string) => new Date(`${iso}+08:00`);
const endOf = (day: string) => new Date(`${day}T24:00:00+08:00`).toISOString();

for (const backend of testBackends()) {
  describe(`行政应诉 on ${backend.name}`, () => {
    let ctx: TestContext;
    let townId: number;
    let planningId: number;
    const actors: Record<string, Actor> = {};

    before(async () => {
      ctx = await createTestContext(backend.url);
      townId = [...ctx.org.townshipIds.values()][0]!;
      planningId = ctx.org.departmentIds.get('planning')!;
      const hash = ((await ctx.database.backend.query(`select password_hash from users where username = 'admin'`, [], 'array')).rows[0] as [string])[0];
      let id = 950;
      const person = async (username: string, unitId: number, grants: Array<[string, number]>) => {
        id++;
        await ctx.database.backend.query(`insert into users (id, username, display_name, password_hash, role, unit_id, scope_unit_id) values ($1, $2, $2, $3, 'staff', $4, $4)`, [id, username, hash, unitId], 'object');
        for (const [role, unit] of grants) await ctx.database.backend.query('insert into role_grants (user_id, role, unit_id) values ($1, $2, $3)', [id, role, unit], 'object');
        const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
        actors[username] = (await resolveSession(ctx.database.db, login.json().token, ctx.time.now()))!.actor;
      };
      const justice = ctx.org.departmentIds.get('justice')!;
      await person('justice-coordinator', justice, [['xzss.coordinator', ctx.org.governmentId], ['xzfy.handler', ctx.org.governmentId]]);
      await person('planning-legal', planningId, [['xzss.handler', planningId]]);
      await person('town-legal', townId, [['xzss.handler', townId]]);
    });
    after(async () => ctx?.close());

    const act = (caseId: string, who: string, action: string, input: Record<string, unknown>, now: Date) =>
      ctx.database.transaction((tx) => performAction(tx, { caseId, action, actor: actors[who]!, input, now }));
    const sue = (input: Record<string, unknown>, now: Date) =>
      ctx.database.transaction((tx) => recordLawsuit(tx, {
        defendantUnitId: planningId, courtName: '临沂市兰山区人民法院', courtCaseNumber: '（2026）鲁1302行初12号', cause: '规划行政许可', plaintiffName: '王某', servedOn: '2026-05-06', ...input,
      } as never, actors['justice-coordinator']!, now));
    const events = async (caseId: string) =>
      ((await ctx.database.backend.query('select type from case_events where case_id = $1 order by seq', [caseId], 'array')).rows as Array<[string]>).map((r) => r[0]);

    test('a lawsuit over a reconsideration decision: answer, hearings with the head, judgment and appeal period', async () => {
      const review = await ctx.database.transaction((tx) => recordApplication(tx, {
        organUnitId: ctx.org.governmentId, channel: 'counter', applicantKind: 'citizen', applicantName: '王某', respondentUnitId: planningId,
        contestedAct: '建设工程规划许可', claims: '请求撤销该许可', receivedOn: '2026-03-02',
      }, actors['justice-coordinator']!, at('2026-03-02T10:00:00')));
      const { caseId } = await sue({ fromReviewCaseId: review.caseId }, at('2026-05-08T10:00:00'));
      // Fifteen days from the service on Wed 05-06: Thu 05-21, a working day.
      const answer = (await ctx.database.backend.query(`select due_at from case_clocks where case_id = $1 and name = 'answer'`, [caseId], 'object')).rows[0] as { due_at: Date };
      assert.equal(answer.due_at.toISOString(), endOf('2026-05-21'));
      assert.deepEqual((await ctx.database.transaction((tx) => listCaseLinks(tx, review.caseId, actors['justice-coordinator']!))).map((l) => [l.label, l.otherCaseId]), [['被诉', caseId]]);
      assert.deepEqual((await ctx.database.transaction((tx) => listCaseLinks(tx, caseId, actors['justice-coordinator']!))).map((l) => l.label), ['源自复议']);

      await act(caseId, 'planning-legal', 'submit_answer', { answeredOn: '2026-05-19', summary: '许可程序合法' }, at('2026-05-19T10:00:00'));
      const first = await act(caseId, 'planning-legal', 'schedule_hearing', { hearingOn: '2026-06-10', courtroom: '第三法庭' }, at('2026-05-20T10:00:00'));
      // The reminder falls at 80 % of the way to 09:00 on the hearing day.
      await sweepClocks(ctx.database, at('2026-06-06T10:00:00'));
      assert.equal((await events(caseId)).at(-1), 'hearing_reminder');
      await assert.rejects(
        act(caseId, 'planning-legal', 'record_hearing', { hearingId: first.facts.hearingId, heldOn: '2026-06-10', headAppeared: true }, at('2026-06-10T16:00:00')),
        (e: unknown) => e instanceof AppError && e.code === 'XZSS_APPEARANCE_NAME_REQUIRED',
      );
      await act(caseId, 'planning-legal', 'record_hearing', { hearingId: first.facts.hearingId, heldOn: '2026-06-10', headAppeared: true, appearedBy: '李某', appearedTitle: '副局长' }, at('2026-06-10T16:00:00'));
      const second = await act(caseId, 'planning-legal', 'schedule_hearing', { hearingOn: '2026-06-20' }, at('2026-06-11T10:00:00'));
      await act(caseId, 'planning-legal', 'record_hearing', { hearingId: second.facts.hearingId, heldOn: '2026-06-20', headAppeared: false }, at('2026-06-20T16:00:00'));
      const judged = await act(caseId, 'planning-legal', 'record_judgment', { outcome: 'upheld', judgedOn: '2026-07-01' }, at('2026-07-02T10:00:00'));
      // Fifteen days to appeal from Wed 07-01: Thu 07-16.
      assert.equal(judged.facts.appealDueAt, endOf('2026-07-16'));
      assert.equal((await act(caseId, 'planning-legal', 'close', { concludedOn: '2026-07-17' }, at('2026-07-17T10:00:00'))).state, 'closed');
    });

    test('each organ defends only its own lawsuits; the 司法局 sees them all', async () => {
      const { caseId } = await sue({ defendantUnitId: townId, courtCaseNumber: '（2026）鲁1302行初30号', cause: '强制拆除' }, at('2026-05-08T10:00:00'));
      assert.equal(await canSeeCase(ctx.database.db, caseId, actors['planning-legal']!), false);
      assert.equal(await canSeeCase(ctx.database.db, caseId, actors['justice-coordinator']!), true);
      await assert.rejects(act(caseId, 'planning-legal', 'submit_answer', { answeredOn: '2026-05-10' }, at('2026-05-10T10:00:00')), (e: unknown) => e instanceof AppError && e.code === 'CASE_NOT_FOUND');
      const hearing = await act(caseId, 'town-legal', 'schedule_hearing', { hearingOn: '2026-06-15' }, at('2026-05-20T10:00:00'));
      await act(caseId, 'town-legal', 'record_hearing', { hearingId: hearing.facts.hearingId, heldOn: '2026-06-15', headAppeared: true, appearedBy: '赵某', appearedTitle: '镇长' }, at('2026-06-15T16:00:00'));
      await act(caseId, 'town-legal', 'record_judgment', { outcome: 'lost', judgedOn: '2026-07-03' }, at('2026-07-03T16:00:00'));
      assert.deepEqual((await verifyAudit(ctx.database)).findings, []);
    });

    test('出庭率 over hearings held and 败诉率 over judgments, by organ', async () => {
      const result = await runFiguresCommand(ctx.database, ['--module', 'xzss', '--from', '2026-01-01', '--to', '2026-12-31', '--json'], '2026-12-05');
      const report = JSON.parse(result.output) as { figures: Array<{ key: string; numerator: number; denominator: number | null; display: string }>; breakdowns: Array<{ rows: Array<{ label: string; figures: Record<string, { display: string }> }> }> };
      const get = (key: string) => report.figures.find((f) => f.key === key)!;
      // Three hearings, the head at two: 66.7 % → 67 %. Two judgments, one lost.
      assert.equal(get('cases').numerator, 2);
      assert.deepEqual([get('headAppearanceRate').numerator, get('headAppearanceRate').denominator, get('headAppearanceRate').display], [2, 3, '67%']);
      assert.deepEqual([get('lossRate').numerator, get('lossRate').denominator, get('lossRate').display], [1, 2, '50.0%']);
      const byOrgan = report.breakdowns[0]!.rows;
      assert.equal(byOrgan[0]!.figures.headAppearanceRate!.display, '100%', 'the township, whose head appeared at its one hearing, ranks first');
      assert.equal(byOrgan[1]!.label, '临沂市自然资源和规划局兰山分局');
      assert.equal(byOrgan[1]!.figures.headAppearanceRate!.display, '50%');
    });
  });
}
