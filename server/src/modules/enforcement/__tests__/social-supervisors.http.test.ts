import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { verifyAudit } from '../../cases/index.js';

// 社会监督员 through the routes: the 司法局 appoints citizens and hands out 监督卡; anyone checks a
// card (never its phone); a holder files an observation with card and secret, opening a case in
// the office's to-do; the office forwards it to the subject, which explains, and answers; the
// holder reads the answer. Staff, a wrong secret, a dismissed or expired card are refused, and a
// neighbouring county's office sees none of it.

const SHANGHAI = (iso: string) => new Date(`${iso}+08:00`);

for (const backend of testBackends()) {
  describe(`社会监督员 on ${backend.name}`, () => {
    let ctx: TestContext;
    const h: Record<string, Record<string, string>> = {};
    let marketSubject: number;
    const card: Record<string, { id: number; code: string; secret: string }> = {};
    let caseId: string;
    const call = (who: string | null, method: 'GET' | 'POST', url: string, payload?: object) =>
      ctx.app.inject({ method, url, headers: who ? h[who] : {}, ...(payload ? { payload } : {}) });
    const count = async (sql: string) => Number(((await ctx.database.backend.query(sql, [], 'array')).rows[0] as [number])[0]);
    const act = async (who: string, action: string, input: object) => {
      const res = await call(who, 'POST', `/api/cases/${caseId}/actions/${action}`, input);
      assert.equal(res.statusCode, 200, `${who} ${action}: ${res.body}`);
    };
    const proof = (key: string) => ({ code: card[key]!.code, secret: card[key]!.secret });
    const observation = (given: { code: string; secret: string }, over: object = {}) => ({
      ...given, concerning: '兰山区市场监督管理局执法人员', observedOn: '2026-03-30', place: '兰山区金雀山路农贸市场', content: '执法人员检查时未出示执法证件，态度生硬。', ...over,
    });

    before(async () => {
      ctx = await createTestContext(backend.url, SHANGHAI('2026-04-01T09:00:00'));
      const d = (k: string) => ctx.org.departmentIds.get(k)!;
      const gov = ctx.org.governmentId;
      await ctx.makeStaff('sfj', d('justice'), [{ role: 'xzzf.supervisor', unitId: gov }]);
      await ctx.makeStaff('market-head', d('market'), [{ role: 'xzzf.head', unitId: d('market') }]);
      await ctx.database.backend.query(`insert into units (id, parent_id, path, name, kind) values (90001, null, '/90001/', '罗庄区人民政府', 'government'), (90002, 90001, '/90001/90002/', '罗庄区司法局', 'department')`, [], 'object');
      await ctx.database.backend.query(`insert into users (id, username, display_name, password_hash, role, unit_id, scope_unit_id) select 95001, 'neighbour-sfj', '邻县司法局', password_hash, 'staff', 90002, 90001 from users where username = 'admin'`, [], 'object');
      await ctx.database.backend.query(`insert into role_grants (user_id, role, unit_id) values (95001, 'xzzf.supervisor', 90001)`, [], 'object');
      for (const who of ['sfj', 'market-head', 'neighbour-sfj']) h[who] = await ctx.as(who);
      const res = await call('sfj', 'POST', '/api/xzzf/subjects', {
        unitId: d('market'), name: '兰山区市场监督管理局', kind: 'organ', basisText: '职能配置规定', basisArticle: '《中华人民共和国行政处罚法》第十八条', regionCodes: ['371302'], fields: ['market'],
      });
      assert.equal(res.statusCode, 201, res.body);
      marketSubject = res.json().id;
    });
    after(async () => ctx?.close());

    test('the office appoints: a card code of the inspection codes’ shape and a secret, once; the record keeps neither phone nor secret', async () => {
      for (const [key, name, termFrom, termTo] of [['zhang', '张建国', '2026-01-01', '2027-12-31'], ['li', '李秀英', '2026-01-01', '2027-12-31'], ['old', '王德明', '2024-01-01', '2025-12-31']] as const) {
        const res = await call('sfj', 'POST', '/api/xzzf/social-supervisors', { name, phone: '13905391234', workUnit: '兰山区人大代表', termFrom, termTo });
        assert.equal(res.statusCode, 201, res.body);
        card[key] = res.json();
        assert.match(card[key]!.code, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
        assert.match(card[key]!.secret, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      }
      const stored = (await ctx.database.backend.query(`select secret_hash from xzzf_social_supervisors where id = $1`, [card['zhang']!.id], 'object')).rows[0] as { secret_hash: string };
      assert.ok(stored.secret_hash.startsWith('$argon2'), 'the secret is kept as a password hash');
      const log = (await ctx.database.backend.query(`select details::text as d from security_events where kind = 'xzzf_supervisor_appointed'`, [], 'object')).rows as Array<{ d: string }>;
      assert.equal(log.length, 3);
      assert.ok(log.every((r) => !r.d.includes('13905391234') && !r.d.includes(card['zhang']!.secret)));
      const bad = await call('sfj', 'POST', '/api/xzzf/social-supervisors', { name: '赵某', phone: '13905391234', workUnit: '居民', termFrom: '2026-05-01', termTo: '2026-04-01' });
      assert.equal(bad.json().error.code, 'XZZF_SUPERVISOR_TERM');
      assert.equal((await call('market-head', 'POST', '/api/xzzf/social-supervisors', { name: '赵某', phone: '13905391234', workUnit: '居民', termFrom: '2026-01-01', termTo: '2026-12-31' })).statusCode, 404);
      const list = (await call('sfj', 'GET', '/api/xzzf/social-supervisors')).json().items as Array<{ name: string; phone: string; inForce: boolean }>;
      assert.deepEqual(list.map((s) => [s.name, s.phone, s.inForce]), [['张建国', '13905391234', true], ['李秀英', '13905391234', true], ['王德明', '13905391234', false]]);
    });

    test('the public card check shows name, term, office and force, never the phone; a forged code is unknown', async () => {
      const res = await call(null, 'GET', `/api/public/xzzf/supervisor-cards/${card['zhang']!.code.toLowerCase().replace(/-/g, '')}`);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.deepEqual([body.name, body.termFrom, body.termTo, body.office, body.inForce], ['张建国', '2026-01-01', '2027-12-31', '兰山区司法局', true]);
      assert.ok(!res.body.includes('1390539') && !res.body.includes('phone'), 'no phone');
      assert.equal((await call(null, 'GET', `/api/public/xzzf/supervisor-cards/${card['old']!.code}`)).json().inForce, false);
      const forged = card['zhang']!.code.slice(0, 10) + (card['zhang']!.code.endsWith('00') ? '11' : '00');
      assert.equal((await call(null, 'GET', `/api/public/xzzf/supervisor-cards/${forged}`)).json().error.code, 'XZZF_CARD_UNKNOWN');
    });

    test('filing opens a case in the office’s to-do, the answer due 15 working days on; staff, a wrong secret and an expired card are refused', async () => {
      const before = await count(`select count(*)::int from cases`);
      const staff = await call('sfj', 'POST', '/api/public/xzzf/observations', observation(proof('zhang')));
      assert.equal(staff.statusCode, 403);
      assert.equal(staff.json().error.code, 'STAFF_NOT_CITIZEN');
      const wrong = await call(null, 'POST', '/api/public/xzzf/observations', observation({ code: card['zhang']!.code, secret: card['li']!.secret }));
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.json().error.code, 'XZZF_CARD_SECRET_WRONG');
      const expired = await call(null, 'POST', '/api/public/xzzf/observations', observation(proof('old')));
      assert.equal(expired.statusCode, 403);
      assert.equal(expired.json().error.code, 'XZZF_CARD_NOT_IN_FORCE');
      assert.equal(await count(`select count(*)::int from cases`), before, 'nothing opened by a refusal');

      const photo = { name: '现场记录.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n').toString('base64') };
      const res = await call(null, 'POST', '/api/public/xzzf/observations', observation({ code: card['zhang']!.code.toLowerCase(), secret: card['zhang']!.secret.toLowerCase() }, { subjectId: marketSubject, files: [photo] }));
      assert.equal(res.statusCode, 201, res.body);
      caseId = res.json().caseId;
      // 2026-04-01 (Wed) + 15 working days, 清明 4–6 April off: 2,3,7,8,9,10,13,14,15,16,17,20,21,22,23.
      assert.deepEqual([res.json().receivedOn, res.json().dueOn], ['2026-04-01', '2026-04-23']);
      assert.equal(await count(`select count(*)::int from case_attachments where case_id = '${caseId}'`), 1, 'the file travels with the observation');
      const todo = (await call('sfj', 'GET', '/api/cases/todo?caseType=xzzf_observation')).json();
      assert.ok(JSON.stringify(todo).includes(caseId), `in the office's to-do: ${JSON.stringify(todo)}`);
      assert.equal((await call('market-head', 'GET', `/api/cases/${caseId}`)).statusCode, 404, 'the subject sees it only once asked to explain');
    });

    test('the office accepts, forwards to the subject, which explains; the office answers and the holder reads the answer', async () => {
      await act('sfj', 'accept', {});
      // The answer clock runs from receipt to the end of 23 April, China time.
      const clock = (await ctx.database.backend.query(`select due_at from case_clocks where case_id = $1 and name = 'answer'`, [caseId], 'object')).rows[0] as { due_at: Date | string };
      assert.equal(new Date(clock.due_at).toISOString(), '2026-04-23T16:00:00.000Z');
      await act('sfj', 'forward', { subjectId: marketSubject, question: '请核实执法人员是否出示执法证件。' });
      await act('market-head', 'reply', { reply: '经核实，当日执法人员已出示执法证，已提醒注意文明执法。' });
      const mineBefore = await call(null, 'POST', '/api/public/xzzf/observations/mine', proof('zhang'));
      assert.equal(mineBefore.json().items[0].answer, null);
      await act('sfj', 'answer', { answer: '经调查，已责成兰山区市场监督管理局加强文明执法教育。感谢您的监督。' });
      const staffReads = await call('sfj', 'POST', '/api/public/xzzf/observations/mine', proof('zhang'));
      assert.equal(staffReads.json().error.code, 'STAFF_NOT_CITIZEN');
      const mine = await call(null, 'POST', '/api/public/xzzf/observations/mine', proof('zhang'));
      assert.equal(mine.statusCode, 200, mine.body);
      assert.equal(mine.json().phone, '139****1234', 'the holder sees their phone masked');
      const [item] = mine.json().items;
      assert.deepEqual([item.state, item.stateLabel, item.answeredOn], ['answered', '已答复', '2026-04-01']);
      assert.match(item.answer, /加强文明执法教育/);
      assert.ok(!mine.body.includes('已提醒注意文明执法'), 'the subject’s explanation stays with the office');
      assert.equal((await call(null, 'POST', '/api/public/xzzf/observations/mine', { code: card['li']!.code, secret: card['li']!.secret })).json().items.length, 0);
    });

    test('the holder withdraws an observation not yet answered; another card, staff and the office cannot', async () => {
      const filed = await call(null, 'POST', '/api/public/xzzf/observations', observation(proof('zhang'), { concerning: '兰山街道综合行政执法队' }));
      assert.equal(filed.statusCode, 201, filed.body);
      const second = filed.json().caseId as string;
      const body = (who: string) => ({ ...proof(who), caseId: second, reason: '已与执法队当面沟通，问题已解决' });
      assert.equal((await call(null, 'POST', '/api/public/xzzf/observations/withdraw', body('li'))).json().error.code, 'XZZF_OBSERVATION_NOT_FOUND');
      assert.equal((await call('sfj', 'POST', '/api/public/xzzf/observations/withdraw', body('zhang'))).json().error.code, 'STAFF_NOT_CITIZEN');
      const detail = (await call('sfj', 'GET', `/api/cases/${second}`)).json() as { actions: Array<{ action: string }> };
      assert.deepEqual(detail.actions.map((a) => a.action), ['accept'], 'the office is never offered the holder’s withdrawal');
      const res = await call(null, 'POST', '/api/public/xzzf/observations/withdraw', body('zhang'));
      assert.equal(res.statusCode, 200, res.body);
      const mine = (await call(null, 'POST', '/api/public/xzzf/observations/mine', proof('zhang'))).json().items as Array<{ caseId: string; state: string; stateLabel: string }>;
      assert.deepEqual(mine.filter((i) => i.caseId === second).map((i) => [i.state, i.stateLabel]), [['withdrawn', '已撤回']]);
      assert.equal(await count(`select count(*)::int from case_clocks where case_id = '${second}' and stopped_at is null`), 0, 'its clock stops');
    });

    test('a neighbouring county’s office sees neither the register nor the case', async () => {
      assert.deepEqual((await call('neighbour-sfj', 'GET', '/api/xzzf/social-supervisors')).json().items, []);
      assert.equal((await call('neighbour-sfj', 'GET', `/api/cases/${caseId}`)).statusCode, 404);
      const listed = await call('sfj', 'GET', '/api/cases?caseType=xzzf_observation');
      assert.equal(listed.statusCode, 200, listed.body);
      assert.ok(listed.body.includes('139****1234') && !listed.body.includes('13905391234'), 'the case list shows the phone masked');
      assert.equal((await call('neighbour-sfj', 'POST', `/api/xzzf/social-supervisors/${card['li']!.id}/dismiss`, { reason: '越权' })).statusCode, 404);
    });

    test('dismissal ends the card at once and is in the record', async () => {
      const res = await call('sfj', 'POST', `/api/xzzf/social-supervisors/${card['li']!.id}/dismiss`, { reason: '本人申请辞去' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal((await call(null, 'GET', `/api/public/xzzf/supervisor-cards/${card['li']!.code}`)).json().inForce, false);
      const filed = await call(null, 'POST', '/api/public/xzzf/observations', observation(proof('li')));
      assert.equal(filed.json().error.code, 'XZZF_CARD_NOT_IN_FORCE');
      assert.equal((await call('sfj', 'POST', `/api/xzzf/social-supervisors/${card['li']!.id}/dismiss`, { reason: '再次' })).json().error.code, 'XZZF_SUPERVISOR_DISMISSED');
      assert.equal(await count(`select count(*)::int from security_events where kind = 'xzzf_supervisor_dismissed'`), 1);
    });

    test('figures count observations received, answered and answered on time; the record verifies', async () => {
      const res = await call('sfj', 'GET', '/api/figures/xzzf?from=2026-01-01&to=2026-12-31');
      assert.equal(res.statusCode, 200, res.body);
      const f = new Map((res.json().figures as Array<{ key: string; numerator: number; denominator: number | null }>).map((x) => [x.key, [x.numerator, x.denominator]]));
      assert.deepEqual([f.get('observationsReceived'), f.get('observationsAnswered'), f.get('observationsAnsweredOnTime')], [[2, null], [1, null], [1, 1]]);
      assert.deepEqual(f.get('decided'), [0, null], 'no observation counts as a decision');
      const audit = await verifyAudit(ctx.database);
      const ours = new Set((await ctx.database.backend.query(`select id from cases where case_type = 'xzzf_observation'`, [], 'object')).rows.map((r) => (r as { id: string }).id));
      assert.deepEqual(audit.findings.filter((f) => ours.has((f as { caseId?: string }).caseId ?? '')), []);
    });
  });
}
