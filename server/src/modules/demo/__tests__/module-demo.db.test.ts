import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freshDatabase, testBackends } from '../../../../test/test-context.js';
import { todoCases, verifyAudit } from '../../cases/index.js';
import { actorLoader } from '../seed-module-cases.js';
import { verifyFigureSources } from '../../figures/index.js';
import type { Database } from '../../../platform/db/database.js';
import { seedDemo } from '../index.js';
import { expiringCertificates } from '../../enforcement/index.js';
import { isValidCreditCode } from '../../../platform/credit-code.js';

// The demo county runs every module: reconsiderations at each stage of the law and lawsuits
// against its organs, walked through their workflows by the people who would act, and a
// knowledge base kept by its units and published by the 12345 center.
// Every limit of the scripts falls within the years the holiday calendar knows.
const NOW = new Date('2026-09-18T16:00:00+08:00');

for (const backend of testBackends()) {
  describe(`the demo's 行政复议 and 行政应诉 on ${backend.name}`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    const rows = async (sql: string) => (await database.backend.query(sql, [], 'object')).rows as Array<Record<string, unknown>>;

    before(async () => {
      ({ database, drop } = await freshDatabase(backend.url));
      await seedDemo(database, { requests: 0, now: NOW, seed: 1 });
    });
    after(async () => drop?.());

    test('reconsiderations stand at every stage, each as its script left it', async () => {
      const states = (await rows(`select state from cases where case_type = 'xzfy_case'`)).map((r) => r.state as string).sort();
      assert.deepEqual(states, ['accepted', 'applied', 'closed', 'closed', 'committee', 'not_accepted', 'settling', 'supplementing', 'suspended', 'withdrawn']);
      const [published] = await rows(`select count(*)::int as n from case_documents d join cases c on c.id = d.case_id where c.case_type = 'xzfy_case' and c.state = 'closed' and d.status = 'final'`);
      assert.equal(published!.n, 2, 'two served decisions are published');
    });

    test('lawsuits: one linked to the reconsideration it came from, one judged with the head in court', async () => {
      const [linked] = await rows(`select count(*)::int as n from case_links where kind = 'sued_after_review'`);
      assert.equal(linked!.n, 1);
      const hearings = await rows(`select head_appeared from xzss_hearings where held_on is not null order by held_on`);
      assert.deepEqual(hearings.map((h) => h.head_appeared), [false, true]);
    });

    test('the record of every demo case verifies', async () => {
      const report = await verifyAudit(database, { witnessFile: null });
      assert.deepEqual(report.findings, []);
    });

    test('a row altered behind the platform’s back is named before it changes a published rate', async () => {
      await database.backend.query(`update xzfy_cases set decision_key = 'uphold' where decision_key = 'revoke'`, [], 'object');
      await database.backend.query(`update xzss_hearings set head_appeared = true where head_appeared = false`, [], 'object');
      const sources = await verifyFigureSources(database);
      assert.deepEqual(sources.differences.map((d) => `${d.module} ${d.field}`).sort(), ['xzfy decision_key', 'xzss hearings']);
      const audit = await verifyAudit(database, { witnessFile: null });
      assert.deepEqual(audit.findings.map((f) => f.reason), ['projection_mismatch', 'projection_mismatch']);
      await database.backend.query(`update xzfy_cases set decision_key = 'revoke' where decision_key = 'uphold' and case_id in (select case_id from case_events where type = 'decide' and payload->'input'->>'decision' = 'revoke')`, [], 'object');
      await database.backend.query(`update xzss_hearings set head_appeared = false where held_on = (select min(held_on) from xzss_hearings)`, [], 'object');
      assert.deepEqual((await verifyFigureSources(database)).differences, []);
    });

    test('the knowledge base: published entries, two expired into their owners’ to-do, one awaiting publication, one draft', async () => {
      const states = await rows(`select c.state, e.expired_reason, count(*)::int as n from kb_entries e join cases c on c.id = e.case_id group by 1, 2 order by 1, 2`);
      assert.deepEqual(states.map((r) => `${r.state}:${r.expired_reason ?? '-'}:${r.n}`), ['draft:-:1', 'expired:review:1', 'expired:validity:1', 'published:-:21', 'submitted:-:1']);
      const actorOf = await actorLoader(database);
      const todo = async (username: string) => (await todoCases(database.db, await actorOf(username), { caseType: 'kb_entry' }, NOW)).items.map((i) => `${i.title} ${i.clock?.status}`);
      assert.deepEqual(await todo('dept-trafficPolice'), ['驾驶证快到期了，怎么换证？ red']);
      assert.deepEqual(await todo('dept-medicalInsurance'), ['城乡居民医保每年什么时候交、怎么交？ red']);
      assert.deepEqual(await todo('kb-admin'), ['住宅专项维修资金怎么申请使用？ green'], 'the submitted entry waits for the publisher');
      // The 教育局's entry is due for review in a fortnight: it has joined its owner's to-do, still in service.
      assert.deepEqual(await todo('dept-education'), ['外地户口的孩子在兰山上小学，需要什么条件？ yellow']);
    });

    test('the 行政执法 registers: subjects with officers, certificates near expiry, one suspended, enterprises with valid codes, matters', async () => {
      const [counts] = await rows(`select (select count(*)::int from xzzf_subjects) as subjects, (select count(*)::int from xzzf_officers) as officers,
        (select count(*)::int from xzzf_objects where kind = 'enterprise') as enterprises, (select count(*)::int from xzzf_objects where kind = 'individual') as individuals,
        (select count(*)::int from xzzf_matters) as matters, (select count(*)::int from xzzf_matters where first_offence_exempt) as first_offence,
        (select count(*)::int from xzzf_matters where jsonb_array_length(discretion) > 0) as benchmarked`);
      assert.deepEqual(counts, { subjects: 11, officers: 27, enterprises: 30, individuals: 4, matters: 53, first_offence: 9, benchmarked: 40 });
      const codes = (await rows(`select credit_code from xzzf_objects where kind = 'enterprise'`)).map((r) => r.credit_code as string);
      assert.ok(codes.every(isValidCreditCode), 'every invented enterprise has a valid 统一社会信用代码');
      const [suspended] = await rows(`select count(*)::int as n from xzzf_certificates where status = 'suspended'`);
      assert.equal(suspended!.n, 1);
      const expiring = await expiringCertificates(database.db, 'all', '2026-09-18', 60);
      assert.deepEqual(expiring.flatMap((s) => s.certificates.map((c) => `${s.subjectName} ${c.officerName} ${c.daysLeft}`)), [
        '兰山区综合行政执法局 郭海燕 18', '临沂市生态环境局兰山分局 周敏 59', '兰山区市场监督管理局 王磊 45',
      ]);
      // Each is in its subject's to-do as a reminder, its clock to the certificate's last day.
      const reminders = await rows(`select r.officer_name, r.valid_to, c.state, c.organ_unit_id = s.unit_id as subjects_own
          from xzzf_certificate_reminders r join cases c on c.id = r.case_id join xzzf_subjects s on s.id = r.subject_id order by r.valid_to`);
      assert.deepEqual(reminders.map((r) => [r.officer_name, r.valid_to, r.state, r.subjects_own]), [
        ['郭海燕', '2026-10-06', 'open', true], ['王磊', '2026-11-02', 'open', true], ['周敏', '2026-11-16', 'open', true],
      ]);
    });

    test('涉企检查: the 市场监管局’s plan of the last three weeks stands drawn, two of its three inspections recorded by their drawn officers', async () => {
      const plans = await rows(`select p.title, p.status, p.first_day, p.last_day, (select count(*)::int from xzjc_inspections i where i.plan_id = p.id) as drawn from xzjc_plans p`);
      assert.deepEqual(plans.map((p) => [p.title, p.status, p.first_day, p.last_day, p.drawn]), [['2026年电梯等特种设备使用单位双随机抽查', 'drawn', '2026-08-29', '2026-09-17', 3]]);
      const done = await rows(`select result, inspected_on = planned_on as on_its_day, inspected_by = officer_ids as by_the_drawn from xzjc_inspections where status = 'done' order by inspected_on, id`);
      assert.deepEqual(done.map((d) => [d.result, d.on_its_day, d.by_the_drawn]), [['no_problem', true, true], ['problems', true, true]]);
    });

    test('行政处罚 cases stand at every stage, each as its script left it, with their numbered documents', async () => {
      const states = await rows(`select state, count(*)::int as n from cases where case_type = 'xzcf_case' group by state order by state`);
      assert.deepEqual(Object.fromEntries(states.map((r) => [r.state, r.n])), {
        clue: 1, closed: 3, enforcing: 1, executing: 2, filing: 1, hearing: 1, investigating: 1, legal_review: 1, no_penalty: 1, not_filed: 1, suspended: 1, transferred: 1,
      });
      const [archived] = await rows(`select x.case_number, x.decision_number, x.surcharge_fen::int as surcharge, x.published_on is not null as published,
          (select count(*)::int from case_documents d where d.case_id = x.case_id and d.status = 'final') as documents
        from xzcf_cases x where x.summary = '发布虚假广告宣传保健功能'`);
      assert.equal(archived!.surcharge, 0);
      assert.equal(archived!.published, true);
      assert.equal(archived!.documents, 7, '立案审批表, 告知书, 听证通知书, 法制审核意见书, 决定书, 送达回证, 结案报告');
      assert.match(String(archived!.case_number), /^区市场监管局立字〔2026〕\d+号$/);
    });

    test('案卷评查: one campaign published with its 优案 and 差案 and a rectification, one under way in the experts\' to-do', async () => {
      const campaigns = await rows(`select title, published_on is not null as published from xzzf_review_campaigns order by id`);
      assert.deepEqual(campaigns.map((c) => [c.title, c.published]), [['2026年上半年行政处罚案卷评查', true], ['2026年下半年行政处罚案卷评查', false]]);
      const graded = await rows(`select r.grade, r.score_tenths, c.state from xzzf_file_reviews r join cases c on c.id = r.case_id
        where r.campaign_id = (select min(id) from xzzf_review_campaigns) and c.state = 'published' order by r.score_tenths desc`);
      // 94 (95, 93), 78 (80, 76) and 53.5 (55, 52), as data/file-reviews.json scores them.
      assert.deepEqual(graded.map((g) => [g.grade, g.score_tenths]), [['excellent', 940], ['ordinary', 780], ['poor', 535]]);
      const [rectification] = await rows(`select count(*)::int as n from xzzf_supervision_opinions where findings like '%典型差案%'`);
      assert.equal(rectification!.n, 1);
      const current = await rows(`select c.state, count(*)::int as n from xzzf_file_reviews r join cases c on c.id = r.case_id
        where r.campaign_id = (select max(id) from xzzf_review_campaigns) group by c.state order by c.state`);
      const byState = Object.fromEntries(current.map((r) => [r.state, r.n]));
      assert.equal(byState.verified, 1);
      assert.ok((byState.scoring ?? 0) >= 1, 'files wait in the experts\' to-do');
    });

    test('社会监督员: three appointed, one since dismissed; their observations answered, in hand and just received', async () => {
      const people = await rows(`select name, status from xzzf_social_supervisors order by id`);
      assert.deepEqual(people.map((p) => [p.name, p.status]), [['孙立华', 'active'], ['周敏', 'active'], ['刘长河', 'dismissed']]);
      const states = await rows(`select c.state, o.answer is not null as answered, o.subject_reply is not null as explained from xzzf_observations o join cases c on c.id = o.case_id order by o.received_on`);
      assert.deepEqual(states.map((r) => [r.state, r.answered, r.explained]), [['answered', true, true], ['handling', false, false], ['received', false, false]]);
    });

    test('the module accounts hold their roles for the right units', async () => {
      const grants = await rows(`select u.username, g.role from role_grants g join users u on u.id = g.user_id where u.username in ('xzfy-handler', 'xzfy-head') order by 1, 2`);
      assert.deepEqual(grants.map((g) => `${g.username} ${g.role}`), [
        'xzfy-handler xzfy.handler', 'xzfy-handler xzss.coordinator', 'xzfy-handler xzss.handler', 'xzfy-head xzfy.head',
      ]);
    });
  });
}

describe('the demo loaded in December, before the holiday calendar knows the next year', () => {
  test('loads: a case whose limit would fall in the unknown year stays where it stood', async () => {
    const { database, drop } = await freshDatabase(null);
    try {
      await seedDemo(database, { requests: 0, now: new Date('2026-12-05T10:00:00+08:00'), seed: 1 });
      const rows = (await database.backend.query(`select count(*)::int as n from cases where case_type in ('xzfy_case', 'xzss_case')`, [], 'object')).rows as Array<{ n: number }>;
      assert.equal(rows[0]!.n, 14);
    } finally {
      await drop();
    }
  });
});
