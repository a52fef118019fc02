import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { sweepClocks } from '../../cases/index.js';
import { remindExpiringCertificates } from '../index.js';

// 执法证到期提醒 as the platform runs it: on Monday 2026-03-02 the last day 60 days ahead is
// 2026-05-01 (29 days left in March, 30 in April, 1 in May), so a certificate ending that day is
// reminded and one ending 2026-05-02 is not yet.
for (const backend of testBackends()) {
  describe(`执法证到期提醒 on ${backend.name}`, () => {
    let ctx: TestContext;
    let h: Record<string, Record<string, string>>;
    const officers: Record<string, number> = {};
    const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) => ctx.app.inject({ method, url, headers: h[who], ...(payload ? { payload } : {}) });
    const reminders = async () => (await ctx.database.backend.query(
      `select r.case_id, r.certificate_number, r.valid_to, r.settled_on, r.renewed_by_id, c.state from xzzf_certificate_reminders r join cases c on c.id = r.case_id order by r.certificate_number`, [], 'object',
    )).rows as Array<{ case_id: string; certificate_number: string; valid_to: string; settled_on: string | null; renewed_by_id: number | null; state: string }>;
    const reminderOf = async (number: string) => (await reminders()).find((r) => r.certificate_number === number)!;

    before(async () => {
      ctx = await createTestContext(backend.url);
      const market = ctx.org.departmentIds.get('market')!;
      const ecology = ctx.org.departmentIds.get('ecology')!;
      const justice = ctx.org.departmentIds.get('justice')!;
      await ctx.makeStaff('sfj-supervisor', justice, [{ role: 'xzzf.supervisor', unitId: ctx.org.governmentId }]);
      await ctx.makeStaff('market-admin', market, [{ role: 'xzzf.subject_admin', unitId: market }]);
      await ctx.makeStaff('market-officer', market, [{ role: 'xzzf.officer', unitId: market }]);
      await ctx.makeStaff('ecology-admin', ecology, [{ role: 'xzzf.subject_admin', unitId: ecology }]);
      h = {};
      for (const who of ['sfj-supervisor', 'market-admin', 'market-officer', 'ecology-admin']) h[who] = await ctx.as(who);
      const subject = (await call('sfj-supervisor', 'POST', '/api/xzzf/subjects', {
        unitId: market, name: '兰山区市场监督管理局', kind: 'organ', basisText: '兰山区市场监督管理局职能配置、内设机构和人员编制规定', basisArticle: '《中华人民共和国行政处罚法》第十八条',
        regionCodes: ['371302'], fields: ['market'],
      })).json().id as number;
      const officer = async (name: string, number: string, validTo: string) => {
        const res = await call('market-admin', 'POST', '/api/xzzf/officers', { subjectId: subject, name, certificate: { number, issuer: '山东省人民政府', fields: ['market'], validFrom: '2023-05-01', validTo } });
        assert.equal(res.statusCode, 201, res.body);
        officers[name] = res.json().id;
      };
      await officer('张伟', '37130001001', '2028-04-30');
      await officer('王磊', '37130001003', '2026-05-01');
      await officer('赵静', '37130001004', '2026-05-02');
      await officer('孙强', '37130001005', '2026-03-31');
      await officer('周敏', '37130001006', '2026-04-15');
    });
    after(async () => ctx?.close());

    test('the hourly job opens one reminder per certificate within 60 days of its end, and only once', async () => {
      const first = await remindExpiringCertificates(ctx.database, ctx.time.now());
      assert.deepEqual(first, { opened: 3, settled: 0 });
      assert.deepEqual((await reminders()).map((r) => [r.certificate_number, r.valid_to, r.state]), [
        ['37130001003', '2026-05-01', 'open'],
        ['37130001005', '2026-03-31', 'open'],
        ['37130001006', '2026-04-15', 'open'],
      ]);
      assert.deepEqual(await remindExpiringCertificates(ctx.database, ctx.time.now()), { opened: 0, settled: 0 }, 'a second run, or a second server, adds nothing');
      // The next day 赵静's certificate comes within the window.
      assert.deepEqual(await remindExpiringCertificates(ctx.database, new Date('2026-03-03T09:00:00+08:00')), { opened: 1, settled: 0 });
    });

    test('the reminder waits in the subject’s to-do with its clock to the certificate’s last day; another subject never sees it', async () => {
      const { case_id } = await reminderOf('37130001005');
      const detail = await call('market-admin', 'GET', `/api/cases/${case_id}`);
      assert.equal(detail.statusCode, 200, detail.body);
      const clock = (detail.json().clocks as Array<{ name: string; dueAt: string }>).find((c) => c.name === 'expiry')!;
      assert.equal(new Date(clock.dueAt).toISOString(), new Date('2026-04-01T00:00:00+08:00').toISOString(), 'the end of 2026-03-31 in 北京时间');
      assert.deepEqual((detail.json().actions as Array<{ action: string }>).map((a) => a.action), ['decline'], 'renewal and lapse are the platform’s to record');
      const todo = await call('market-admin', 'GET', '/api/cases/todo?caseType=xzzf_certificate_expiry');
      assert.equal(todo.statusCode, 200, todo.body);
      assert.ok((todo.json().items as Array<{ caseId: string }>).some((i) => i.caseId === case_id));
      assert.equal((await call('ecology-admin', 'GET', `/api/cases/${case_id}`)).statusCode, 404);
      const refused = await call('market-admin', 'POST', `/api/cases/${case_id}/actions/renew`, { certificateId: 1 });
      assert.equal(refused.statusCode, 403, refused.body);
      const officer = await call('market-officer', 'POST', `/api/cases/${case_id}/actions/decline`, { reason: '调离执法岗位' });
      assert.equal(officer.statusCode, 403, officer.body);
      assert.equal((await reminderOf('37130001005')).state, 'open', 'nothing changed');
    });

    test('registering the new certificate settles the reminder at once, naming the new one', async () => {
      const res = await call('market-admin', 'POST', `/api/xzzf/officers/${officers['王磊']}/certificates`, { number: '37130001103', issuer: '山东省人民政府', fields: ['market'], validFrom: '2026-04-20', validTo: '2031-04-19' });
      assert.equal(res.statusCode, 201, res.body);
      const settled = await reminderOf('37130001003');
      assert.equal(settled.state, 'renewed');
      assert.equal(settled.renewed_by_id, res.json().id);
      assert.equal(settled.settled_on, '2026-03-02');
    });

    test('the subject closes a reminder it will not act on, giving its reason; a revoked certificate closes its own', async () => {
      const { case_id } = await reminderOf('37130001006');
      const res = await call('market-admin', 'POST', `/api/cases/${case_id}/actions/decline`, { reason: '周敏于2026年4月退休，不再从事执法工作' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal((await reminderOf('37130001006')).state, 'declined');
      const [cert] = (await ctx.database.backend.query(`select id from xzzf_certificates where number = '37130001004'`, [], 'object')).rows as Array<{ id: number }>;
      const revoked = await call('market-admin', 'POST', `/api/xzzf/certificates/${cert!.id}/status`, { status: 'revoked', reason: '违法使用执法证' });
      assert.equal(revoked.statusCode, 200, revoked.body);
      assert.equal((await reminderOf('37130001004')).state, 'void');
    });

    test('a certificate whose last day passes unrenewed lapses with its reminder, by the clock sweep', async () => {
      await sweepClocks(ctx.database, new Date('2026-03-31T23:00:00+08:00'));
      assert.equal((await reminderOf('37130001005')).state, 'open', 'its last day is still a day it may act');
      await sweepClocks(ctx.database, new Date('2026-04-01T00:30:00+08:00'));
      const lapsed = await reminderOf('37130001005');
      assert.equal(lapsed.state, 'lapsed');
      assert.equal(lapsed.settled_on, '2026-04-01');
      const events = (await ctx.database.backend.query(`select type from case_events where case_id = $1 order by seq`, [lapsed.case_id], 'object')).rows as Array<{ type: string }>;
      assert.deepEqual(events.map((e) => e.type), ['certificate_expiring', 'certificate_renewal_urged', 'certificate_expired', 'lapse']);
    });
  });
}
