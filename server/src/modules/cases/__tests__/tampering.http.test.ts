import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { eventHash, ensureFirstCheckpoint, makeCheckpoint, verifyAudit, type AuditFinding } from '../index.js';

// Defect 7 of the hardening review: verification missed truncating a case and winding its head
// back, recomputing a whole chain, deleting a whole case, and editing a request's state, text or
// reply in place. Each is done here behind the platform's back, and each is named.

const TOWNSHIP = '371302001';
const LEAF = '011003';
const MINUTE = 60_000;

for (const backend of testBackends()) {
  describe(`audit verify names every kind of tampering on ${backend.name}`, () => {
    let ctx: TestContext;
    let dir: string;
    let witnessFile: string;
    const cases: string[] = [];
    const sql = async (text: string, params: unknown[] = []) => (await ctx.database.backend.query(text, params, 'object')).rows as Array<Record<string, any>>;
    const verify = () => verifyAudit(ctx.database, { witnessFile });
    const act = async (user: string, caseId: string, action: string, payload: Record<string, unknown> = {}) => {
      const res = await ctx.app.inject({ method: 'POST', url: `/api/requests/${caseId}/actions/${action}`, headers: await ctx.as(user), payload });
      assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
    };
    const has = (findings: AuditFinding[], reason: string, caseId?: string) => findings.some((f) => f.reason === reason && (!caseId || f.caseId === caseId));
    /** A checkpoint covers what was written before the one before it: two in a row cover all. */
    const seal = async () => {
      for (let i = 0; i < 2; i++) {
        ctx.time.advance(2 * MINUTE);
        assert.ok(await makeCheckpoint(ctx.database, ctx.time.now(), { witnessFile, minIntervalMs: MINUTE }));
      }
    };

    before(async () => {
      ctx = await createTestContext(backend.url);
      dir = mkdtempSync(join(tmpdir(), 'fazhi-tamper-'));
      witnessFile = join(dir, 'fazhi-checkpoints.jsonl');
      await ensureFirstCheckpoint(ctx.database, ctx.time.now(), { witnessFile });
      const housing = ctx.org.departmentIds.get('housing')!;
      for (let i = 0; i < 9; i++) {
        const res = await ctx.app.inject({
          method: 'POST', url: '/api/requests', headers: await ctx.as('operator'),
          payload: { content: `第${i}件：小区电梯坏了`, title: `电梯故障${i}`, name: '王女士', phone: `1390000000${i}`, townshipCode: TOWNSHIP, requestType: '投诉', categoryCode: LEAF },
        });
        const caseId = res.json().caseId as string;
        await act('dispatcher', caseId, 'dispatch', { unitId: housing });
        await act('housing', caseId, 'sign');
        await act('housing', caseId, 'contact', { note: '已电话联系王女士' });
        await act('housing', caseId, 'reply', { reply: `已修复第${i}台电梯。` });
        cases.push(caseId);
      }
      await seal();
    });
    after(async () => {
      await ctx?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('an honest record verifies, with the checkpoint covering every event', async () => {
      const report = await verify();
      assert.deepEqual(report.findings, []);
      assert.equal(report.latestCheckpoint?.coveredEvents, report.events);
      assert.ok(report.checkpoints >= 3);
    });

    test('an event edited in place', async () => {
      await sql(`update case_events set payload = jsonb_set(payload, '{input,reply}', '"未修复"') where case_id = $1 and type = 'reply'`, [cases[0]]);
      assert.ok(has((await verify()).findings, 'event_edited', cases[0]));
    });

    test('a chain recomputed from the edit on, without the key', async () => {
      const events = await sql('select * from case_events where case_id = $1 order by seq', [cases[1]]);
      let prev = '0'.repeat(64);
      for (const e of events) {
        const payload = e.type === 'reply' ? { ...e.payload, input: { reply: '已全部修复，无需再处理。' } } : e.payload;
        const hash = eventHash(prev, { caseId: e.case_id, seq: e.seq, type: e.type, at: new Date(e.at), actorUserId: e.actor_user_id, actorUnitId: e.actor_unit_id, actorRole: e.actor_role, payload });
        await sql('update case_events set payload = $3, prev_hash = $4, hash = $5 where case_id = $1 and seq = $2', [e.case_id, e.seq, JSON.stringify(payload), prev, hash]);
        prev = hash;
      }
      await sql('update cases set last_hash = $2 where id = $1', [cases[1], prev]);
      await sql('update hotline_requests set reply_text = $2 where case_id = $1', [cases[1], '已全部修复，无需再处理。']);
      assert.ok(has((await verify()).findings, 'event_forged', cases[1]));
    });

    test('a case cut short with its head wound back', async () => {
      const seq = Number((await sql('select last_seq from cases where id = $1', [cases[2]]))[0]!.last_seq);
      const hash = (await sql('select hash from case_events where case_id = $1 and seq = $2', [cases[2], seq - 1]))[0]!.hash;
      await sql('delete from case_events where case_id = $1 and seq = $2', [cases[2], seq]);
      await sql(`update cases set last_seq = $2, last_hash = $3, state = 'handling' where id = $1`, [cases[2], seq - 1, hash]);
      const findings = (await verify()).findings;
      assert.ok(has(findings, 'case_truncated', cases[2]), JSON.stringify(findings));
      assert.ok(has(findings, 'events_missing'));
    });

    test('a whole case deleted with its events and rows', async () => {
      for (const table of ['case_events', 'hotline_dispatches', 'case_clocks', 'case_personal_data', 'case_requester_keys']) await sql(`delete from ${table} where case_id = $1`, [cases[3]]);
      await sql('delete from hotline_requests where case_id = $1', [cases[3]]);
      await sql('delete from cases where id = $1', [cases[3]]);
      assert.ok(has((await verify()).findings, 'case_deleted', cases[3]));
    });

    test('a state, a text, a reply, a requester and a count the figures use edited in their rows', async () => {
      await sql(`update cases set state = 'closed' where id = $1`, [cases[4]]);
      await sql(`update hotline_requests set lead_dispatches = 1, reopened = true where case_id = $1`, [cases[8]]);
      await sql(`update hotline_requests set content = '内容已被改写' where case_id = $1`, [cases[5]]);
      await sql(`update hotline_requests set reply_text = '答复已被改写' where case_id = $1`, [cases[6]]);
      await sql(`update hotline_requests set requester_phone = '13700000000' where case_id = $1`, [cases[7]]);
      const findings = (await verify()).findings;
      assert.ok(has(findings, 'state_mismatch', cases[4]), JSON.stringify(findings));
      const field = (caseId: string) => findings.find((f) => f.caseId === caseId && f.reason === 'projection_mismatch')?.field;
      assert.equal(field(cases[5]!), 'content');
      assert.equal(field(cases[6]!), 'reply_text');
      assert.equal(field(cases[7]!), 'requesterPhone');
      assert.equal(field(cases[8]!), 'reopened', 'one dispatch, as the events say: only the reopening is false');
    });

    test('a personal value kept beside the record, changed', async () => {
      await sql(`update case_personal_data set value = '已联系李先生' where case_id = $1 and field = 'note'`, [cases[8]]);
      assert.ok(has((await verify()).findings, 'personal_data_mismatch', cases[8]));
    });

    test('the latest checkpoint deleted, and the security log edited and cut', async () => {
      const seq = Number((await sql('select max(seq) as seq from audit_checkpoints'))[0]!.seq);
      await sql('delete from audit_checkpoints where seq = $1', [seq]);
      // The log cut back to before what the remaining checkpoint saw.
      const seen = Number((await sql('select security_seq from audit_checkpoints order by seq desc limit 1'))[0]!.security_seq);
      await sql('delete from security_events where seq >= $1', [seen]);
      await sql('delete from security_events where seq = (select min(seq) + 1 from security_events)');
      const findings = (await verify()).findings;
      assert.ok(findings.some((f) => f.reason === 'checkpoint_missing' && f.seq === seq), JSON.stringify(findings.filter((f) => !f.caseId)));
      assert.ok(has(findings, 'security_log_entry_missing'));
      assert.ok(has(findings, 'security_log_truncated'));
    });
  });
}
