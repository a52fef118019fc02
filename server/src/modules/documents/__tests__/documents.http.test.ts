import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { phoneJpeg } from '../../../../test/test-images.js';
import { openCase, performAction } from '../../cases/index.js';
import { findUnit, findUserByUsername } from '../../orgs/index.js';
import { ATTACHMENT_MAX_BYTES } from '../rules/attachment-content.js';
import { docxText } from './docx-text.js';
import { FIELDS, TEST_CASE_TYPE, TEST_DECISION, TEST_MODULE } from './test-case-type.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n');
const pdfBody = (name = '申请书.pdf') => ({ name, mediaType: 'application/pdf', contentBase64: PDF.toString('base64') });

for (const backend of testBackends()) {
  describe(`documents routes on ${backend.name}`, () => {
    let ctx: TestContext;
    let caseId: string;
    let attachmentId: string;
    let documentId: string;

    const call = async (user: string | null, method: 'GET' | 'POST', url: string, payload?: unknown) =>
      ctx.app.inject({ method, url, headers: user ? await ctx.as(user) : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
    const count = async (table: string) => ((await ctx.database.backend.query(`select count(*)::int as n from ${table}`, [], 'object')).rows[0] as { n: number }).n;

    before(async () => {
      ctx = await createTestContext(backend.url, new Date('2026-03-02T09:00:00+08:00'));
      // The test module's roles: the bureau's own people for the bureau, the county leader for the county, another bureau for itself.
      const housing = ctx.org.departmentIds.get('housing')!;
      const other = (await findUserByUsername(ctx.database.db, 'other-dept'))!;
      for (const [username, role, unitId] of [['housing', 'handler', housing], ['housing-leader', 'unit_leader', housing], ['leader', 'unit_leader', ctx.org.governmentId], ['other-dept', 'handler', other.unitId]] as const) {
        const user = (await findUserByUsername(ctx.database.db, username))!;
        await ctx.database.backend.query('insert into role_grants (user_id, role, unit_id) values ($1, $2, $3)', [user.id, `${TEST_MODULE}.${role}`, unitId], 'object');
      }
      // A case run by the housing bureau: its handler and leader work on it, the county's
      // leader sees it from above without acting, another bureau sees nothing of it.
      caseId = randomUUID();
      await ctx.database.transaction((tx) =>
        openCase(tx, { caseId, caseType: TEST_CASE_TYPE.name, actor: { role: 'citizen' }, at: ctx.time.now(), organUnitId: ctx.org.departmentIds.get('housing')!, payload: {} }));
      const added = await call('housing', 'POST', `/api/cases/${caseId}/attachments`, pdfBody());
      assert.equal(added.statusCode, 201, added.body);
      attachmentId = added.json().attachmentId;
      const drafted = await call('housing-leader', 'POST', `/api/cases/${caseId}/documents`, { template: TEST_DECISION.id, fields: FIELDS });
      assert.equal(drafted.statusCode, 201, drafted.body);
      documentId = drafted.json().documentId;
    });
    after(async () => ctx?.close());

    const routes = () => [
      ['POST', `/api/cases/${caseId}/attachments`, pdfBody()],
      ['GET', `/api/cases/${caseId}/attachments`],
      ['GET', `/api/cases/${caseId}/attachments/${attachmentId}`],
      ['GET', `/api/cases/${caseId}/documents`],
      ['POST', `/api/cases/${caseId}/documents`, { template: TEST_DECISION.id, fields: FIELDS }],
      ['GET', `/api/cases/${caseId}/documents/${documentId}`],
    ] as Array<['GET' | 'POST', string, unknown?]>;

    test('someone without the case in scope gets 404 on every route, exactly as for a case that does not exist', async () => {
      const [attachments, documents, events] = [await count('case_attachments'), await count('case_documents'), await count('case_events')];
      for (const [method, url, body] of routes()) {
        const res = await call('other-dept', method, url, body);
        assert.equal(res.statusCode, 404, `${method} ${url}: ${res.body}`);
        assert.equal(res.json().error.code, 'CASE_NOT_FOUND');
        const unknown = await call('other-dept', method, url.replace(caseId, randomUUID()), body);
        assert.deepEqual(unknown.json(), res.json(), `${method} ${url}: out of scope looks like unknown`);
      }
      assert.deepEqual([await count('case_attachments'), await count('case_documents'), await count('case_events')], [attachments, documents, events]);
    });

    test('citizens and anonymous callers are not served', async () => {
      for (const [method, url, body] of routes()) {
        assert.equal((await call(null, method, url, body)).statusCode, 401, `${method} ${url}`);
      }
      assert.equal((await call(null, 'GET', `/api/document-templates?caseType=${TEST_CASE_TYPE.name}`)).statusCode, 401);
    });

    test('seeing a case is not working on it: drafting and adding files follow the workflow', async () => {
      const draft = await call('housing', 'POST', `/api/cases/${caseId}/documents`, { template: TEST_DECISION.id, fields: FIELDS });
      assert.equal(draft.statusCode, 403, draft.body);
      assert.equal(draft.json().error.code, 'DOCUMENT_DRAFT_FORBIDDEN');
      const fromAbove = await call('leader', 'POST', `/api/cases/${caseId}/attachments`, pdfBody());
      assert.equal(fromAbove.statusCode, 403, fromAbove.body);
      assert.equal(fromAbove.json().error.code, 'ATTACHMENT_ADD_FORBIDDEN');
      // The county's leader may still read the case's file.
      assert.equal((await call('leader', 'GET', `/api/cases/${caseId}/attachments`)).statusCode, 200);
    });

    test('bad files are refused with their code and nothing is stored', async () => {
      const before = [await count('case_attachments'), await count('case_events')];
      const jpeg = await phoneJpeg();
      const cases: Array<[object, number, string]> = [
        [{ name: 'a.svg', mediaType: 'image/svg+xml', contentBase64: Buffer.from('<svg/>').toString('base64') }, 415, 'ATTACHMENT_TYPE_NOT_ALLOWED'],
        [{ name: 'a.doc', mediaType: 'application/msword', contentBase64: PDF.toString('base64') }, 415, 'ATTACHMENT_TYPE_NOT_ALLOWED'],
        [{ name: '程序.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('MZ\x90\x00\x03 a program').toString('base64') }, 415, 'ATTACHMENT_CONTENT_MISMATCH'],
        [{ name: 'photo.png', mediaType: 'image/png', contentBase64: jpeg.toString('base64') }, 415, 'ATTACHMENT_CONTENT_MISMATCH'],
        [{ name: 'broken.jpg', mediaType: 'image/jpeg', contentBase64: jpeg.subarray(0, 200).toString('base64') }, 415, 'PHOTO_NOT_IMAGE'],
        [{ name: 'big.pdf', mediaType: 'application/pdf', contentBase64: Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_MAX_BYTES)]).toString('base64') }, 413, 'ATTACHMENT_TOO_LARGE'],
        [{ name: 'a.pdf', mediaType: 'application/pdf', contentBase64: '%%%not base64%%%' }, 400, 'ATTACHMENT_NOT_BASE64'],
        [{ name: 'a.pdf', mediaType: 'application/pdf' }, 400, 'VALIDATION_FAILED'],
      ];
      for (const [body, status, code] of cases) {
        const res = await call('housing', 'POST', `/api/cases/${caseId}/attachments`, body);
        assert.equal(res.statusCode, status, `${code}: ${res.body.slice(0, 300)}`);
        assert.equal(res.json().error.code, code);
        assert.match(res.json().error.message, /[\u4e00-\u9fff]/);
      }
      assert.deepEqual([await count('case_attachments'), await count('case_events')], before);
    });

    test('a file is listed with its hash and downloaded under its own name, never sniffed', async () => {
      ctx.time.advance(60_000);
      const photo = await call('housing', 'POST', `/api/cases/${caseId}/attachments`, { name: '现场照片.jpg', mediaType: 'image/jpeg', contentBase64: (await phoneJpeg()).toString('base64') });
      assert.equal(photo.statusCode, 201, photo.body);
      const list = (await call('housing', 'GET', `/api/cases/${caseId}/attachments`)).json().attachments as Array<{ id: string; fileName: string; sha256: string; url: string }>;
      assert.deepEqual(list.map((a) => a.fileName), ['现场照片.jpg', '申请书.pdf']);
      const pdf = await call('housing', 'GET', list[1]!.url);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.headers['x-content-type-options'], 'nosniff');
      assert.equal(pdf.headers['content-disposition'], `attachment; filename="___.pdf"; filename*=UTF-8''${encodeURIComponent('申请书.pdf')}`);
      assert.deepEqual(pdf.rawPayload, PDF);
      const image = await call('housing', 'GET', list[0]!.url);
      assert.equal(image.headers['content-type'], 'image/jpeg');
      assert.match(String(image.headers['content-disposition']), /^inline; /);
      assert.ok(!image.rawPayload.includes('FazhiPhone'), 'no EXIF is served');
      const missing = await call('housing', 'GET', `/api/cases/${caseId}/attachments/${randomUUID()}`);
      assert.equal(missing.json().error.code, 'ATTACHMENT_NOT_FOUND');
    });

    test('a draft needs its required fields and a template of the case type', async () => {
      const missing = await call('housing-leader', 'POST', `/api/cases/${caseId}/documents`, { template: TEST_DECISION.id, fields: { applicant: '张某某' } });
      assert.equal(missing.statusCode, 400);
      assert.equal(missing.json().error.code, 'DOCUMENT_FIELDS_MISSING');
      assert.equal(missing.json().error.message, '文书缺少必填项：被申请人、复议请求、决定结果');
      const unknown = await call('housing-leader', 'POST', `/api/cases/${caseId}/documents`, { template: 'xzfy.nothing', fields: {} });
      assert.equal(unknown.json().error.code, 'DOCUMENT_TEMPLATE_UNKNOWN');
      const wrongKind = await call('housing-leader', 'POST', `/api/cases/${caseId}/documents`, { template: TEST_DECISION.id, fields: { ...FIELDS, fine: 'a lot' } });
      assert.equal(wrongKind.statusCode, 400);
      assert.deepEqual(wrongKind.json().error.details.map((p: { field: string }) => p.field), ['fine']);
    });

    test('the issued document is listed first, numbered, and its Word file opens; after it no draft is taken', async () => {
      const leader = await findUserByUsername(ctx.database.db, 'housing-leader');
      const unitPath = (await findUnit(ctx.database.db, leader!.unitId))!.path;
      const actor = {
        role: 'unit_leader' as const, userId: leader!.id, unitId: leader!.unitId, scopeUnitId: leader!.scopeUnitId, scopePath: (await findUnit(ctx.database.db, leader!.scopeUnitId))!.path, displayName: leader!.displayName,
        grants: [{ role: `${TEST_MODULE}.unit_leader`, unitId: leader!.unitId, unitPath }],
      };
      ctx.time.set(new Date('2026-12-05T10:00:00+08:00'));
      const latest = (await call('housing-leader', 'GET', `/api/cases/${caseId}/documents`)).json().documents[0].id as string;
      const decided = await ctx.database.transaction((tx) => performAction(tx, { caseId, action: 'decide', actor, input: { documentId: latest }, now: ctx.time.now() }));
      const facts = decided.facts.decision as { documentId: string; number: string };
      assert.equal(facts.number, '区住建局复决字〔2026〕第1号');

      const documents = (await call('housing', 'GET', `/api/cases/${caseId}/documents`)).json().documents as Array<{ id: string; status: string; version: number; number: string | null; templateLabel: string; url: string }>;
      assert.deepEqual(documents.map((d) => [d.status, d.version, d.number]), [['final', 2, facts.number], ['draft', 1, null]]);
      assert.equal(documents[0]!.templateLabel, '行政复议决定书');
      const file = await call('housing', 'GET', documents[0]!.url);
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      assert.ok(String(file.headers['content-disposition']).endsWith(`filename*=UTF-8''${encodeURIComponent(`行政复议决定书（${facts.number}）.docx`).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`));
      const text = await docxText(file.rawPayload);
      for (const expected of [facts.number, '申请人：张某某', '本机关决定：撤销。', '兰山区住房和城乡建设局', '二〇二六年十二月五日']) assert.ok(text.includes(expected), `the document lacks ${expected}`);

      const again = await call('housing-leader', 'POST', `/api/cases/${caseId}/documents`, { template: TEST_DECISION.id, fields: FIELDS });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'DOCUMENT_FINAL');
    });

    test('pages read a case type\'s templates and their fields', async () => {
      const res = await call('housing', 'GET', `/api/document-templates?caseType=${TEST_CASE_TYPE.name}`);
      assert.equal(res.statusCode, 200);
      const [template] = res.json().templates;
      assert.equal(template.label, '行政复议决定书');
      assert.deepEqual(template.actions, ['decide', 'decide_directly']);
      assert.deepEqual(template.fields.find((f: { name: string }) => f.name === 'outcome'), { name: 'outcome', label: '决定结果', kind: 'choice', required: true, options: ['维持', '撤销', '变更', '确认违法'] });
      assert.deepEqual((await call('housing', 'GET', '/api/document-templates?caseType=hotline')).json(), { templates: [] });
    });
  });
}
