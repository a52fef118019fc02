import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../app.js';
import { freshDatabase, testBackends } from '../../../../test/test-context.js';
import type { Database } from '../../../platform/db/database.js';
import { fixedTime } from '../../../platform/time.js';
import { DEMO_PASSWORD, seedDemo } from '../../demo/index.js';
import { featurize } from '../rules/features.js';
import { trainFromRows } from '../operations/train-classifier.js';
import { scoreModel } from '../operations/model-candidates.js';

// Retraining as an administrator decides it: a candidate trained on the older answered requests,
// its figures and those of the model in use on the same newest requests, switched on only when
// confirmed, and the model it replaced restorable. The demo county's history is the data.

test('held-out figures: first suggestion, first three, macro-F1', () => {
  const rows = Array.from({ length: 30 }, (_, i) => ({ text: i % 3 === 0 ? `路灯不亮第${i}盏` : i % 3 === 1 ? `饭店油烟扰民${i}` : `工地夜间施工噪声${i}`, label: String(i % 3) }));
  const model = trainFromRows(rows, { epochs: 5, features: { segmenter: 'none', hashBits: 10 } });
  const figures = scoreModel(model, rows);
  assert.equal(figures.top3, 1, 'three labels: always among the first three');
  assert.ok(figures.accuracy > 0.9, String(figures.accuracy));
  // A relabelling that sends every answer to one label is scored as such.
  const merged = scoreModel(model, rows.map((r) => ({ ...r, label: '0' })), () => '0');
  assert.equal(merged.accuracy, 1);
  assert.ok(featurize('x', model.settings));
});

for (const backend of testBackends()) {
  describe(`retraining with a held-out comparison on ${backend.name}`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let app: FastifyInstance;
    const now = new Date('2026-11-20T10:00:00+08:00');
    const time = fixedTime(now);
    const sessions = new Map<string, Record<string, string>>();
    const as = async (username: string) => {
      if (!sessions.has(username)) {
        const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
        assert.equal(res.statusCode, 200, res.body);
        sessions.set(username, { authorization: `Bearer ${res.json().token}` });
      }
      return sessions.get(username)!;
    };
    const call = async (method: 'GET' | 'POST', url: string, user = 'admin') => app.inject({ method, url, headers: await as(user) });
    const statuses = async () =>
      ((await database.backend.query('select kind, status, id from routing_models order by kind, status', [], 'object')).rows as Array<{ kind: string; status: string; id: string }>);

    before(async () => {
      ({ database, drop } = await freshDatabase(backend.url));
      await seedDemo(database, { requests: 160, now });
      app = await buildApp({ database, time, config: { intakeRateLimitPerMinute: 10_000, webDist: null, secureCookies: false, demo: true } });
    });
    after(async () => {
      await app?.close();
      await drop?.();
    });

    test('nothing to switch or restore before a retraining', async () => {
      assert.equal((await call('POST', '/api/admin/routing/candidate/activate')).json().error.code, 'NO_CANDIDATE');
      assert.equal((await call('POST', '/api/admin/routing/models/restore')).json().error.code, 'NO_PREVIOUS_MODEL');
      const overview = (await call('GET', '/api/admin/routing/models')).json();
      assert.deepEqual(overview.models.map((m: { status: string }) => m.status).sort(), ['active', 'active'], 'the demo trained the models in use');
      assert.equal(overview.candidate, null);
    });

    test('a candidate is trained and scored beside the model in use on the same newest requests; dispatch still uses the old one', async () => {
      const before = await statuses();
      const res = await call('POST', '/api/admin/routing/candidate');
      assert.equal(res.statusCode, 200, res.body);
      const { candidate } = res.json();
      assert.ok(candidate.unit, 'a unit model');
      for (const kind of ['unit', 'category'] as const) {
        const e = candidate[kind];
        if (!e) continue;
        assert.ok(e.heldOut >= 5 && e.trainRows > e.heldOut, JSON.stringify(e));
        for (const figures of [e.candidate, e.current]) {
          assert.ok(figures, `${kind}: both models scored`);
          assert.ok(figures.accuracy >= 0 && figures.accuracy <= figures.top3 && figures.top3 <= 1, JSON.stringify(figures));
        }
        // The model in use was trained on everything, the held-out rows included: the page says so.
        assert.equal(e.currentMayHaveSeen, e.heldOut);
      }
      assert.ok(new Date(candidate.heldOutFrom) < now);
      assert.equal(candidate.heldOutBy, 'newest', 'nothing was answered since the demo trained the models in use');
      const after = await statuses();
      assert.deepEqual(after.filter((m) => m.status === 'active'), before.filter((m) => m.status === 'active'), 'the models in use are untouched');
      assert.ok(after.some((m) => m.status === 'candidate'));
      assert.deepEqual((await call('GET', '/api/admin/routing/models')).json().candidate, candidate);
      const [entry] = (await database.backend.query(`select details from security_events where kind = 'routing_candidate_trained'`, [], 'array')).rows as Array<[{ figures: { unit: { candidate: { accuracy: number } } } }]>;
      assert.equal(entry![0].figures.unit.candidate.accuracy, Number(candidate.unit.candidate.accuracy.toFixed(4)));
    });

    test('switched on only when confirmed; the model replaced can be restored', async () => {
      const before = await statuses();
      const candidateIds = before.filter((m) => m.status === 'candidate').map((m) => m.id).sort();
      const activeIds = before.filter((m) => m.status === 'active').map((m) => m.id).sort();
      const suggestion = async () => {
        const [row] = (await database.backend.query(`select case_id from hotline_requests order by received_at desc limit 1`, [], 'array')).rows as Array<[string]>;
        return (await call('GET', `/api/requests/${row![0]}/suggestions`, 'dispatcher')).json().historyModel.trainedAt;
      };
      const usedBefore = await suggestion();

      const activated = await call('POST', '/api/admin/routing/candidate/activate');
      assert.equal(activated.statusCode, 200, activated.body);
      const afterSwitch = await statuses();
      assert.deepEqual(afterSwitch.filter((m) => m.status === 'active').map((m) => m.id).sort(), candidateIds);
      assert.deepEqual(afterSwitch.filter((m) => m.status === 'previous').map((m) => m.id).sort(), activeIds);
      assert.equal(await suggestion(), usedBefore, 'trained at the same demo moment: the clock is frozen');

      const restored = await call('POST', '/api/admin/routing/models/restore');
      assert.equal(restored.statusCode, 200, restored.body);
      const afterRestore = await statuses();
      assert.deepEqual(afterRestore.filter((m) => m.status === 'active').map((m) => m.id).sort(), activeIds);
      assert.deepEqual(afterRestore.filter((m) => m.status === 'previous').map((m) => m.id).sort(), candidateIds, 'and can be switched back again');

      const kinds = ((await database.backend.query(`select kind from security_events where kind like 'routing%' order by seq`, [], 'array')).rows as Array<[string]>).map(([k]) => k);
      assert.deepEqual(kinds, ['routing_candidate_trained', 'routing_model_activated', 'routing_model_restored']);
    });

    test('a candidate may be discarded; township administrators and others are refused', async () => {
      assert.equal((await call('POST', '/api/admin/routing/candidate')).statusCode, 200);
      assert.equal((await call('POST', '/api/admin/routing/candidate/discard')).statusCode, 200);
      assert.ok(!(await statuses()).some((m) => m.status === 'candidate'));
      assert.equal((await call('POST', '/api/admin/routing/candidate', 'dispatcher')).statusCode, 403);
      await database.backend.query(`update users set role = 'admin' where username = 'town-001'`, [], 'object');
      sessions.delete('town-001');
      const refused = await call('POST', '/api/admin/routing/candidate', 'town-001');
      assert.equal(refused.json().error.code, 'COUNTY_ADMIN_ONLY');
    });

    test('requests answered since the models in use were trained are the held-out ones: neither model saw them', async () => {
      time.set(new Date(now.getTime() + 3600_000));
      // Sessions live on the clock: an hour later everyone signs in again.
      sessions.clear();
      const housing = ((await database.backend.query(`select id from units where key = 'housing'`, [], 'array')).rows[0] as [number])[0];
      const step = async (user: string, caseId: string, action: string, payload: object) => {
        const res = await app.inject({ method: 'POST', url: `/api/requests/${caseId}/actions/${action}`, headers: await as(user), payload });
        assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
      };
      for (let i = 0; i < 12; i++) {
        const created = await app.inject({ method: 'POST', url: '/api/requests', headers: await as('operator'), payload: { content: `小区物业第${i}次不修电梯，业主出行困难。`, requestType: '投诉', categoryCode: '011003' } });
        const { caseId } = created.json();
        await step('dispatcher', caseId, 'dispatch', { unitId: housing });
        await step('dept-housing', caseId, 'sign', {});
        await step('dept-housing', caseId, 'reply', { reply: '已督促物业维修电梯。' });
      }
      const { candidate } = (await call('POST', '/api/admin/routing/candidate')).json();
      assert.equal(candidate.heldOutBy, 'answered_since_current');
      assert.equal(candidate.unit.heldOut, 12);
      assert.equal(candidate.unit.currentMayHaveSeen, 0);
      assert.ok(candidate.unit.current, 'the model in use scored on them too');
    });
  });
}
