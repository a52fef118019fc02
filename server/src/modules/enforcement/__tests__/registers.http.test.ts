import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { assertCertifiedOfficers, officerCanAct, revealIdNumber, runEnforcementCommand, appendObjectHistory, findMatter, PENALTY_CASE_TYPE } from '../index.js';
import { openCase } from '../../cases/index.js';

// The registers through their routes, as the people who keep and read them would use them: the
// 司法局's supervisor registers subjects, a subject's administrator its officers and certificates,
// officers their objects; a neighbouring county and another subject see none of it.
const MATTER_HEADER = '事项编码,事项名称,事项类别,执法领域,实施主体,法律依据,权责清单编码,首违不罚,轻微不罚,不罚清单事项,违法情节,情节描述,罚款下限（元）,罚款上限（元）,其他处罚';

for (const backend of testBackends()) {
  describe(`行政执法's registers on ${backend.name}`, () => {
    let ctx: TestContext;
    let h: Record<string, Record<string, string>>;
    let marketId: number;
    let ecologyId: number;
    let townId: number;
    const ids: Record<string, number> = {};
    const count = async (table: string) => Number(((await ctx.database.backend.query(`select count(*)::int from ${table}`, [], 'array')).rows[0] as [number])[0]);
    const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => ctx.app.inject({ method, url, headers: h[who], ...(payload ? { payload } : {}) });

    before(async () => {
      // 2026-03-02, a Monday.
      ctx = await createTestContext(backend.url);
      marketId = ctx.org.departmentIds.get('market')!;
      ecologyId = ctx.org.departmentIds.get('ecology')!;
      townId = [...ctx.org.townshipIds.values()][0]!;
      const justice = ctx.org.departmentIds.get('justice')!;
      await ctx.makeStaff('sfj-supervisor', justice, [{ role: 'xzzf.supervisor', unitId: ctx.org.governmentId }]);
      await ctx.makeStaff('market-admin', marketId, [{ role: 'xzzf.subject_admin', unitId: marketId }]);
      await ctx.makeStaff('market-officer', marketId, [{ role: 'xzzf.officer', unitId: marketId }]);
      await ctx.makeStaff('ecology-officer', ecologyId, [{ role: 'xzzf.officer', unitId: ecologyId }]);
      // A neighbouring county: its own government and department, beside this county's tree.
      await ctx.database.backend.query(`insert into units (id, parent_id, path, name, kind) values (90001, null, '/90001/', '罗庄区人民政府', 'government'), (90002, 90001, '/90001/90002/', '罗庄区市场监督管理局', 'department')`, [], 'object');
      // Outside the county administrator's tree, so written as that county's own administrator would have.
      await ctx.database.backend.query(`insert into users (id, username, display_name, password_hash, role, unit_id, scope_unit_id) select 95001, 'neighbour-officer', '邻县执法人员', password_hash, 'staff', 90002, 90002 from users where username = 'admin'`, [], 'object');
      await ctx.database.backend.query(`insert into role_grants (user_id, role, unit_id) values (95001, 'xzzf.officer', 90002)`, [], 'object');
      h = {};
      for (const who of ['sfj-supervisor', 'market-admin', 'market-officer', 'ecology-officer', 'neighbour-officer', 'housing']) h[who] = await ctx.as(who);
    });
    after(async () => ctx?.close());

    test('the supervisor registers subjects; nobody else may, and a bad subject is refused with its code', async () => {
      const subject = (over: object) => ({
        unitId: marketId, name: '兰山区市场监督管理局', kind: 'organ', basisText: '兰山区市场监督管理局职能配置、内设机构和人员编制规定', basisArticle: '《中华人民共和国行政处罚法》第十八条',
        regionCodes: ['371302'], fields: ['market'], ...over,
      });
      const created = await call('sfj-supervisor', 'POST', '/api/xzzf/subjects', subject({}));
      assert.equal(created.statusCode, 201, created.body);
      ids.market = created.json().id;
      ids.ecology = (await call('sfj-supervisor', 'POST', '/api/xzzf/subjects', subject({ unitId: ecologyId, name: '临沂市生态环境局兰山分局', fields: ['ecology'] }))).json().id;
      const team = await call('sfj-supervisor', 'POST', '/api/xzzf/subjects', subject({ unitId: townId, name: '某街道综合行政执法队', kind: 'township_team', fields: ['urban', 'market'] }));
      assert.equal(team.statusCode, 201, team.body);

      const refused = async (who: string, over: object, status: number, code: string) => {
        const before = await count('xzzf_subjects');
        const res = await call(who, 'POST', '/api/xzzf/subjects', subject({ name: '新主体', ...over }));
        assert.equal(res.statusCode, status, res.body);
        assert.equal(res.json().error.code, code);
        assert.equal(await count('xzzf_subjects'), before, 'nothing written');
      };
      await refused('market-admin', {}, 403, 'XZZF_NOT_SUPERVISOR');
      await refused('sfj-supervisor', { name: '兰山区市场监督管理局' }, 409, 'XZZF_SUBJECT_NAME_TAKEN');
      await refused('sfj-supervisor', { unitId: 90002 }, 403, 'XZZF_NOT_SUPERVISOR');
      await refused('sfj-supervisor', { unitId: ctx.org.centerId }, 400, 'XZZF_UNIT_UNKNOWN');
      await refused('sfj-supervisor', { kind: 'entrusted' }, 400, 'XZZF_ENTRUSTING_INVALID');
      await refused('sfj-supervisor', { regionCodes: ['999999'] }, 400, 'XZZF_REGION_UNKNOWN');
      await refused('sfj-supervisor', { fields: ['space'] }, 400, 'VALIDATION_FAILED');
      await refused('housing', {}, 403, 'FORBIDDEN');
      const entrusted = await call('sfj-supervisor', 'POST', '/api/xzzf/subjects', subject({ name: '兰山区市场监管综合执法大队', kind: 'entrusted', entrustedById: ids.market }));
      assert.equal(entrusted.statusCode, 201, entrusted.body);

      const [log] = (await ctx.database.backend.query(`select details from security_events where kind = 'xzzf_subject_created' order by seq limit 1`, [], 'object')).rows as Array<{ details: { name: string } }>;
      assert.equal(log!.details.name, '兰山区市场监督管理局');
    });

    test('each reader sees the subjects of their own subtree; the supervisor every one', async () => {
      const names = async (who: string) => ((await call(who, 'GET', '/api/xzzf/subjects')).json().items as Array<{ name: string }>).map((s) => s.name).sort();
      assert.deepEqual(await names('ecology-officer'), ['临沂市生态环境局兰山分局']);
      assert.deepEqual(await names('market-officer'), ['兰山区市场监督管理局', '兰山区市场监管综合执法大队']);
      assert.equal((await names('sfj-supervisor')).length, 4);
      assert.deepEqual(await names('neighbour-officer'), []);
    });

    test('a subject changed as a whole: the log keeps what changed and what it was; others may not change it', async () => {
      const body = {
        unitId: ecologyId, name: '临沂市生态环境局兰山分局', kind: 'organ', basisText: '临沂市生态环境局兰山分局职能配置规定', basisArticle: '《中华人民共和国环境保护法》第十条',
        regionCodes: ['371302'], fields: ['ecology'],
      };
      assert.equal((await call('market-admin', 'PUT', `/api/xzzf/subjects/${ids.ecology}`, body)).json().error.code, 'XZZF_SUBJECT_NOT_FOUND', 'another subject’s people do not see it');
      assert.equal((await call('ecology-officer', 'PUT', `/api/xzzf/subjects/${ids.ecology}`, body)).json().error.code, 'XZZF_NOT_SUPERVISOR');
      assert.equal((await call('neighbour-officer', 'PUT', `/api/xzzf/subjects/${ids.ecology}`, body)).statusCode, 404);
      const res = await call('sfj-supervisor', 'PUT', `/api/xzzf/subjects/${ids.ecology}`, body);
      assert.equal(res.statusCode, 200, res.body);
      const [log] = (await ctx.database.backend.query(`select details from security_events where kind = 'xzzf_subject_updated'`, [], 'object')).rows as Array<{ details: { changed: string[]; before: Record<string, string> } }>;
      assert.deepEqual(log!.details.changed, ['basisText', 'basisArticle']);
      assert.equal(log!.details.before.basisArticle, '《中华人民共和国行政处罚法》第十八条');
    });

    test('the subject administrator registers officers with certificates; another subject sees none and changes none', async () => {
      const officer = (name: string, number: string, over: object = {}) =>
        call('market-admin', 'POST', '/api/xzzf/officers', { subjectId: ids.market, name, certificate: { number, issuer: '山东省人民政府', fields: ['market'], validFrom: '2023-05-01', validTo: '2028-04-30', ...over } });
      ids.zhang = (await officer('张伟', '37130001001')).json().id;
      ids.li = (await officer('李娜', '37130001002')).json().id;
      // Ends 2026-05-01: 60 days after Monday 2026-03-02 (29 + 30 + 1).
      ids.wang = (await officer('王磊', '37130001003', { validTo: '2026-05-01' })).json().id;
      ids.zhao = (await officer('赵静', '37130001004', { validTo: '2026-05-02' })).json().id;

      const before = await count('xzzf_officers');
      const bad = await officer('刘洋', '37130001005', { fields: ['ecology'] });
      assert.equal(bad.json().error.code, 'XZZF_FIELD_NOT_HELD');
      assert.equal((await officer('刘洋', '37130001001')).json().error.code, 'XZZF_CERTIFICATE_NUMBER_TAKEN');
      assert.equal((await officer('刘洋', '37130001006', { validTo: '2023-04-30' })).json().error.code, 'XZZF_CERTIFICATE_DATES');
      const ids2 = (await ctx.database.backend.query(`select id, username from users where username in ('market-officer', 'ecology-officer')`, [], 'object')).rows as Array<{ id: number; username: string }>;
      const userOf = (name: string) => ids2.find((u) => u.username === name)!.id;
      const link = (userId: number) => call('market-admin', 'POST', '/api/xzzf/officers', { subjectId: ids.market, name: '关联账号', userId });
      assert.equal((await link(userOf('ecology-officer'))).json().error.code, 'XZZF_USER_UNKNOWN', 'another unit’s account');
      assert.equal((await link(987_654)).json().error.code, 'XZZF_USER_UNKNOWN');
      assert.equal(await count('xzzf_officers'), before, 'a refused certificate leaves no officer behind');

      const foreign = await call('ecology-officer', 'POST', '/api/xzzf/officers', { subjectId: ids.market, name: '冒名', certificate: { number: 'X1', issuer: 'X', fields: ['market'], validFrom: '2023-01-01', validTo: '2027-01-01' } });
      assert.equal(foreign.statusCode, 404);
      assert.equal(foreign.json().error.code, 'XZZF_SUBJECT_NOT_FOUND');
      assert.equal((await call('market-officer', 'POST', '/api/xzzf/officers', { subjectId: ids.market, name: '自己' })).json().error.code, 'XZZF_NOT_SUBJECT_ADMIN');
      assert.equal((await call('ecology-officer', 'GET', `/api/xzzf/officers?subjectId=${ids.market}`)).statusCode, 404);

      const listed = (await call('market-officer', 'GET', `/api/xzzf/officers?subjectId=${ids.market}`)).json().items as Array<{ name: string; certificates: Array<{ daysLeft: number; inForce: boolean }> }>;
      assert.deepEqual(listed.map((o) => `${o.name} ${o.certificates[0]!.daysLeft} ${o.certificates[0]!.inForce}`), ['张伟 790 true', '李娜 790 true', '王磊 60 true', '赵静 61 true']);
    });

    test('expiry warnings list the certificates ending within 60 days, by subject', async () => {
      const res = (await call('market-admin', 'GET', '/api/xzzf/certificates/expiring')).json();
      assert.equal(res.today, '2026-03-02');
      assert.deepEqual(res.subjects.map((s: { subjectName: string; certificates: Array<{ officerName: string; daysLeft: number }> }) => `${s.subjectName}: ${s.certificates.map((c) => `${c.officerName} ${c.daysLeft}`).join(', ')}`), ['兰山区市场监督管理局: 王磊 60']);
      assert.deepEqual((await call('ecology-officer', 'GET', '/api/xzzf/certificates/expiring')).json().subjects, []);
      const cli = await runEnforcementCommand(ctx.database, ['expiring', '--days', '61'], ctx.time.now());
      assert.match(cli.output, /王磊.*剩 60 天/);
      assert.match(cli.output, /赵静.*剩 61 天/);
    });

    test('two different officers each holding a certificate in force for the field, or the act is refused', async () => {
      const refusal = async (officerIds: number[], day: string, field = 'market') => {
        try {
          await assertCertifiedOfficers(ctx.database.db, officerIds, day, field);
          return 'allowed';
        } catch (error) {
          assert.ok(error instanceof AppError && error.code === 'XZZF_OFFICERS_NOT_CERTIFIED');
          return (error.details as { problems: Array<{ officerId: number | null; reason: string }> }).problems.map((p) => `${p.officerId ?? '-'}:${p.reason}`).join(' ');
        }
      };
      assert.equal(await refusal([ids.zhang!, ids.li!], '2026-03-02'), 'allowed');
      assert.equal(await refusal([ids.zhang!, ids.zhang!], '2026-03-02'), `${ids.zhang}:same_officer -:too_few`);
      assert.equal(await refusal([ids.zhang!, ids.wang!], '2026-05-01'), 'allowed', 'the last day of 王磊’s certificate');
      assert.equal(await refusal([ids.zhang!, ids.wang!], '2026-05-02'), `${ids.wang}:expired`);
      assert.equal(await refusal([ids.zhang!, ids.li!], '2026-03-02', 'ecology'), `${ids.zhang}:field_not_covered ${ids.li}:field_not_covered`);
      assert.equal(await refusal([ids.zhang!, 999_999], '2026-03-02'), '999999:unknown_officer');
      // A subject no longer in use: its officers act for no one.
      await ctx.database.backend.query(`update xzzf_subjects set status = 'inactive' where id = $1`, [ids.market], 'object');
      assert.equal(await refusal([ids.zhang!, ids.li!], '2026-03-02'), `${ids.zhang}:subject_inactive ${ids.li}:subject_inactive`);
      assert.equal(await officerCanAct(ctx.database.db, ids.zhang!, '2026-03-02', 'market'), false);
      await ctx.database.backend.query(`update xzzf_subjects set status = 'active' where id = $1`, [ids.market], 'object');

      // 李娜's certificate is suspended (暂扣) by the subject's administrator: she may not act until it is restored.
      const [cert] = (await ctx.database.backend.query(`select id from xzzf_certificates where number = '37130001002'`, [], 'array')).rows as Array<[number]>;
      assert.equal((await call('ecology-officer', 'POST', `/api/xzzf/certificates/${cert![0]}/status`, { status: 'suspended', reason: '越权' })).statusCode, 404);
      assert.equal((await call('market-admin', 'POST', `/api/xzzf/certificates/${cert![0]}/status`, { status: 'suspended', reason: '涉嫌违法违纪，暂扣执法证' })).statusCode, 200);
      assert.equal(await officerCanAct(ctx.database.db, ids.li!, '2026-03-02', 'market'), false);
      assert.equal(await refusal([ids.zhang!, ids.li!], '2026-03-02'), `${ids.li}:suspended`);
      await call('market-admin', 'POST', `/api/xzzf/certificates/${cert![0]}/status`, { status: 'revoked', reason: '查实违法，吊销' });
      const again = await call('market-admin', 'POST', `/api/xzzf/certificates/${cert![0]}/status`, { status: 'valid', reason: '恢复' });
      assert.equal(again.json().error.code, 'XZZF_CERTIFICATE_FINAL');
      const kinds = (await ctx.database.backend.query(`select details->>'to' as "to" from security_events where kind = 'xzzf_certificate_status_changed' order by seq`, [], 'object')).rows as Array<{ to: string }>;
      assert.deepEqual(kinds.map((k) => k.to), ['suspended', 'revoked']);
    });

    test('objects: enterprises by a valid credit code, people by a valid number kept masked, keyed and sealed', async () => {
      const register = (who: string, body: object) => call(who, 'POST', '/api/xzzf/objects', body);
      const before = await count('xzzf_objects');
      const badCode = await register('market-officer', { kind: 'enterprise', name: '兰山区某商贸有限公司', creditCode: '91110000600037341M' });
      assert.equal(badCode.statusCode, 400);
      assert.equal(badCode.json().error.code, 'XZZF_CREDIT_CODE_INVALID');
      assert.equal((await register('market-officer', { kind: 'individual', name: '张某某', idNumber: '110105194912310021' })).json().error.code, 'XZZF_ID_NUMBER_INVALID');
      assert.equal(await count('xzzf_objects'), before);

      const company = await register('market-officer', { kind: 'enterprise', name: '兰山区某商贸有限公司', creditCode: '91110000600037341l', legalRepresentative: '周某' });
      assert.equal(company.statusCode, 201, company.body);
      ids.company = company.json().id;
      const duplicate = await register('ecology-officer', { kind: 'enterprise', name: '另一个名字', creditCode: '91110000600037341L' });
      assert.equal(duplicate.statusCode, 409);
      assert.equal(duplicate.json().error.details.objectId, ids.company);
      const person = await register('market-officer', { kind: 'individual', name: '张某某', idNumber: '11010519491231002x' });
      assert.equal(person.statusCode, 201, person.body);
      ids.person = person.json().id;

      const row = (await ctx.database.backend.query(`select * from xzzf_objects where id = $1`, [ids.person], 'object')).rows[0] as Record<string, unknown>;
      assert.equal(row.id_number_masked, '110105********002X');
      assert.ok(!JSON.stringify(row).includes('11010519491231002X'), 'the whole number is in no column');
      assert.equal(await revealIdNumber(ctx.database.db, ids.person!), '11010519491231002X');

      const search = async (who: string, q: string) => ((await call(who, 'GET', `/api/xzzf/objects?q=${encodeURIComponent(q)}`)).json().items as Array<{ id: number }>).map((o) => o.id);
      assert.deepEqual(await search('ecology-officer', '11010519491231002X'), [ids.person], 'found by the whole number');
      assert.deepEqual(await search('ecology-officer', '9111000060'), [ids.company], 'by the beginning of the credit code');
      assert.deepEqual(await search('ecology-officer', '商贸'), [ids.company], 'by name');
      assert.deepEqual(await search('ecology-officer', '110105'), [], 'not by a part of a number');
      assert.deepEqual(await search('neighbour-officer', '商贸'), [], 'another county’s register');
      assert.equal((await call('neighbour-officer', 'GET', `/api/xzzf/objects/${ids.company}`)).statusCode, 404);
      assert.equal((await register('housing', { kind: 'enterprise', name: 'X', creditCode: '91440300708461136T' })).statusCode, 403);
    });

    test('an object’s history shows every subject’s entries, the case only to that subject’s readers', async () => {
      await ctx.database.transaction(async (tx) => {
        await appendObjectHistory(tx, { objectId: ids.company!, kind: 'inspection', refId: 'insp-1', subjectId: ids.market!, day: '2026-02-10', summary: '食品经营日常检查' }, ctx.time.now());
        await appendObjectHistory(tx, { objectId: ids.company!, kind: 'case', refId: 'case-1', subjectId: ids.ecology!, day: '2026-02-20', summary: '废气超标排放' }, ctx.time.now());
        await appendObjectHistory(tx, { objectId: ids.company!, kind: 'case', refId: 'case-1', subjectId: ids.ecology!, day: '2026-02-20', summary: '废气超标排放' }, ctx.time.now());
      });
      const history = async (who: string) => ((await call(who, 'GET', `/api/xzzf/objects/${ids.company}`)).json().history as Array<{ kind: string; refId: string | null; subjectName: string }>)
        .map((e) => `${e.kind} ${e.subjectName} ${e.refId ?? '-'}`);
      assert.deepEqual(await history('market-officer'), ['case 临沂市生态环境局兰山分局 -', 'inspection 兰山区市场监督管理局 insp-1']);
      assert.deepEqual(await history('sfj-supervisor'), ['case 临沂市生态环境局兰山分局 case-1', 'inspection 兰山区市场监督管理局 insp-1']);
    });

    test('a person\'s data leaves the register on their request, by an administrator, once no case against them is open', async () => {
      h.admin = await ctx.as('admin');
      const erase = (who: string, id: number) => call(who, 'POST', `/api/xzzf/objects/${id}/erase`, { note: '本人书面申请' });
      const openCaseId = randomUUID();
      await ctx.database.transaction(async (tx) => {
        await openCase(tx, { caseId: openCaseId, caseType: PENALTY_CASE_TYPE, actor: { role: 'system' }, at: ctx.time.now(), organUnitId: marketId, payload: {} });
        await appendObjectHistory(tx, { objectId: ids.person!, kind: 'case', refId: openCaseId, subjectId: ids.market!, day: '2026-02-25', summary: '张某某无照经营' }, ctx.time.now());
      });
      assert.equal((await erase('market-officer', ids.person!)).json().error.code, 'XZZF_NOT_ERASER');
      assert.equal((await erase('admin', ids.company!)).json().error.code, 'XZZF_OBJECT_NOT_PERSON');
      const blocked = await erase('admin', ids.person!);
      assert.equal(blocked.statusCode, 409);
      assert.equal(blocked.json().error.code, 'XZZF_OBJECT_HAS_OPEN_CASES');
      assert.equal(((await ctx.database.backend.query(`select name from xzzf_objects where id = $1`, [ids.person], 'object')).rows[0] as { name: string }).name, '张某某', 'nothing changed');

      // The case ends: now the person's data goes.
      await ctx.database.backend.query(`update cases set state = 'closed' where id = $1`, [openCaseId], 'object');
      const done = await erase('admin', ids.person!);
      assert.equal(done.statusCode, 200, done.body);
      assert.deepEqual(done.json(), { erased: true });
      const row = (await ctx.database.backend.query(`select * from xzzf_objects where id = $1`, [ids.person], 'object')).rows[0] as Record<string, unknown>;
      assert.deepEqual([row.name, row.address, row.id_number_masked, row.id_number_key, row.id_number_sealed], ['张某', null, null, null, null]);
      const summaries = (await ctx.database.backend.query(`select summary from xzzf_object_history where object_id = $1`, [ids.person], 'object')).rows.map((r) => (r as { summary: string }).summary);
      assert.deepEqual(summaries, ['张某无照经营']);
      const search = await call('ecology-officer', 'GET', `/api/xzzf/objects?q=${encodeURIComponent('11010519491231002X')}`);
      assert.deepEqual(search.json().items, [], 'the number finds nobody');
      const logged = (await ctx.database.backend.query(`select details::text as d from security_events where kind = 'xzzf_object_erased'`, [], 'object')).rows as Array<{ d: string }>;
      assert.equal(logged.length, 1);
      assert.ok(!logged[0]!.d.includes('张某某'), 'the log keeps the act, not the name');
      assert.deepEqual((await erase('admin', ids.person!)).json(), { erased: false }, 'twice: nothing left to erase');
    });

    test('matters: a file with a bad row imports nothing; a good one is read by its subject’s people only', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'xzzf-'));
      const bad = join(dir, 'bad.csv');
      writeFileSync(bad, `${MATTER_HEADER}\nSC-001,对经营超过保质期食品的处罚,行政处罚,市场监管,兰山区市场监督管理局,《中华人民共和国食品安全法》第一百二十四条,,,,,一般,货值较小,50000,100000,没收违法所得\nSC-002,x,行政处罚,市场监管,不存在的局,依据,,,,,,,,,\n`);
      const refused = await runEnforcementCommand(ctx.database, ['import-matters', '--from', bad], ctx.time.now());
      assert.equal(refused.exitCode, 1);
      assert.match(refused.output, /第 3 行：没有名为「不存在的局」的执法主体/);
      assert.equal(await count('xzzf_matters'), 0);

      const good = join(dir, 'good.csv');
      writeFileSync(good, `\ufeff${MATTER_HEADER}\n`
        + 'SC-001,对经营超过保质期食品的处罚,行政处罚,市场监管,兰山区市场监督管理局,《中华人民共和国食品安全法》第一百二十四条,,是,,初次经营临期标示不清的食品并及时改正,轻微,货值不足二千元且及时改正,,,警告\n'
        + 'SC-001,,,,,,,,,,一般,货值二千元以上不足一万元,50000,100000,没收违法所得\n'
        + 'SC-001,,,,,,,,,,较重,货值一万元以上,100000,150000,没收违法所得\n'
        + 'HJ-001,对超标排放大气污染物的处罚,行政处罚,生态环境,临沂市生态环境局兰山分局,《中华人民共和国大气污染防治法》第九十九条,,,,,一般,超标不足一倍,100000,500000,\n');
      const imported = await runEnforcementCommand(ctx.database, ['import-matters', '--from', good], ctx.time.now());
      assert.equal(imported.exitCode, 0, imported.output);
      const matters = async (who: string) => ((await call(who, 'GET', '/api/xzzf/matters')).json().items as Array<{ code: string; id: number }>);
      assert.deepEqual((await matters('market-officer')).map((m) => m.code), ['SC-001']);
      assert.deepEqual((await matters('sfj-supervisor')).map((m) => m.code), ['HJ-001', 'SC-001']);
      const hj = (await matters('sfj-supervisor')).find((m) => m.code === 'HJ-001')!;
      assert.equal((await call('market-officer', 'GET', `/api/xzzf/matters/${hj.id}`)).statusCode, 404);
      const sc = await findMatter(ctx.database.db, 'SC-001');
      assert.equal(sc?.firstOffenceExempt, true);
      assert.deepEqual(sc?.discretion.map((r) => `${r.circumstance} ${r.fineMin ?? '-'}–${r.fineMax ?? '-'} ${r.otherPenalties.join('、')}`), ['minor -–- 警告', 'ordinary 50000–100000 没收违法所得', 'serious 100000–150000 没收违法所得']);
      const [log] = (await ctx.database.backend.query(`select details from security_events where kind = 'xzzf_matters_imported'`, [], 'object')).rows as Array<{ details: { count: number; by: string } }>;
      assert.deepEqual([log!.details.count, log!.details.by], [2, 'command line']);

      // From the pages: the supervisor only, for the subjects they read; a bad file changes nothing.
      const upload = (who: string, csv: string) => call(who, 'POST', '/api/xzzf/matters/import', { fileName: 'matters.csv', dataBase64: Buffer.from(csv).toString('base64') });
      const changed = `${MATTER_HEADER}\nSC-001,对经营超过保质期食品的处罚,行政处罚,市场监管,兰山区市场监督管理局,《中华人民共和国食品安全法》第一百二十四条,,否,,,一般,货值较小,50000,100000,\n`;
      assert.equal((await upload('market-admin', changed)).json().error.code, 'XZZF_NOT_SUPERVISOR');
      const badFile = await upload('sfj-supervisor', `${MATTER_HEADER}\nSC-009,x,行政处罚,市场监管,兰山区市场监督管理局,依据,,,,,一般,情节,9,1,\n`);
      assert.equal(badFile.statusCode, 400);
      assert.deepEqual(badFile.json().error.details.problems, ['第 2 行：罚款下限大于上限']);
      const uploaded = await upload('sfj-supervisor', changed);
      assert.deepEqual(uploaded.json(), { count: 1, added: 0, changed: 1 });
      assert.equal((await findMatter(ctx.database.db, 'SC-001'))?.firstOffenceExempt, false);
      assert.equal(await count('xzzf_matters'), 2);
    });

    test('a department merged into another takes its subjects with it', async () => {
      const housing = ctx.org.departmentIds.get('housing')!;
      const merged = await ctx.app.inject({ method: 'POST', url: `/api/admin/units/${ecologyId}/merge`, headers: await ctx.as('admin'), payload: { intoUnitId: housing } });
      assert.equal(merged.statusCode, 200, merged.body);
      const [row] = (await ctx.database.backend.query(`select unit_id from xzzf_subjects where id = $1`, [ids.ecology], 'array')).rows as Array<[number]>;
      assert.equal(row![0], housing);
    });
  });
}
