import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { freshDatabase, testBackends } from '../../../../test/test-context.js';
import { phoneJpeg } from '../../../../test/test-images.js';
import type { Actor } from '../../../platform/actor.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { openCase, performAction, verifyAudit } from '../../cases/index.js';
import { addAttachment, bindAttachments, draftDocument, issueDocument, issueDocumentFromFields, stageAttachment, verifyDocuments } from '../index.js';
import { docxText } from './docx-text.js';
import { FIELDS, TEST_CASE_TYPE, TEST_DECISION, TEST_MODULE } from './test-case-type.js';

const LANSHAN = 1; // short name 兰政
const LUOZHUANG = 2; // no short name: its name numbers its documents
const leader = (unitId = LANSHAN): Actor => ({
  role: 'staff', userId: 7, unitId, scopeUnitId: unitId, scopePath: `/${unitId}/`, displayName: '李局长',
  grants: [{ role: `${TEST_MODULE}.unit_leader`, unitId, unitPath: `/${unitId}/` }],
});
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n');

const rejectsWith = (code: string) => (e: unknown) => e instanceof AppError && e.code === code;

for (const backend of testBackends()) {
  describe(`case documents and attachments on ${backend.name}`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    const query = async <T>(sql: string, params: unknown[] = []) => (await database.backend.query(sql, params, 'object')).rows as T[];

    before(async () => {
      ({ database, drop } = await freshDatabase(backend.url));
      await database.backend.query(
        `insert into units (id, path, name, short_name, kind) values (1, '/1/', '临沂市兰山区人民政府', '兰政', 'government'), (2, '/2/', '临沂市罗庄区人民政府', null, 'government')`,
        [],
        'object',
      );
    });
    after(async () => drop?.());

    const open = async (organUnitId = LANSHAN, at = new Date('2026-03-02T09:00:00+08:00')) => {
      const caseId = randomUUID();
      await database.transaction((tx) => openCase(tx, { caseId, caseType: TEST_CASE_TYPE.name, actor: { role: 'citizen' }, at, organUnitId, payload: {} }));
      return caseId;
    };
    // Issuing is a workflow action's effect: the action's event records the document.
    const decideIn = async (tx: Db, caseId: string, at: Date, organUnitId = LANSHAN) =>
      (await performAction(tx, { caseId, action: 'decide_directly', actor: leader(organUnitId), input: { fields: FIELDS }, now: at })).facts as { number: string; documentId: string };
    const issueNow = (caseId: string, at: Date, organUnitId = LANSHAN) => database.transaction((tx) => decideIn(tx, caseId, at, organUnitId));
    const events = (caseId: string) => query<{ seq: number; type: string; payload: Record<string, unknown> }>('select seq, type, payload from case_events where case_id = $1 order by seq', [caseId]);

    test('numbers run on per organ and year, start again in a new year, and the organ short name leads them', async () => {
      const numbers: string[] = [];
      for (const [organ, at] of [
        [LANSHAN, '2026-03-02T09:00:00+08:00'],
        [LANSHAN, '2026-06-01T09:00:00+08:00'],
        [LUOZHUANG, '2026-06-01T10:00:00+08:00'],
        [LANSHAN, '2026-12-31T23:30:00+08:00'],
        // 2027-01-01 00:30 in China (still 2026 in UTC): the first number of 2027.
        [LANSHAN, '2027-01-01T00:30:00+08:00'],
        [LUOZHUANG, '2027-01-02T10:00:00+08:00'],
      ] as const) {
        numbers.push((await issueNow(await open(organ), new Date(at), organ)).number);
      }
      assert.deepEqual(numbers, [
        '兰政复决字〔2026〕第1号',
        '兰政复决字〔2026〕第2号',
        '临沂市罗庄区人民政府复决字〔2026〕第1号',
        '兰政复决字〔2026〕第3号',
        '兰政复决字〔2027〕第1号',
        '临沂市罗庄区人民政府复决字〔2027〕第1号',
      ]);
    });

    test('a number taken by a transaction that rolls back is handed out again: no gaps', async () => {
      const at = new Date('2028-05-01T09:00:00+08:00');
      await assert.rejects(
        database.transaction(async (tx) => {
          await decideIn(tx, await openIn(tx, at), at);
          throw new Error('rolled back after the number was taken');
        }),
        /rolled back/,
      );
      assert.equal((await issueNow(await open(LANSHAN, at), at)).number, '兰政复决字〔2028〕第1号');
    });

    async function openIn(tx: Db, at: Date) {
      const caseId = randomUUID();
      await openCase(tx, { caseId, caseType: TEST_CASE_TYPE.name, actor: { role: 'citizen' }, at, organUnitId: LANSHAN, payload: {} });
      return caseId;
    }

    test('two issues at once get consecutive numbers: the second waits for the first', async () => {
      const at = new Date('2029-04-01T09:00:00+08:00');
      const [a, b] = [await open(LANSHAN, at), await open(LANSHAN, at)];
      let allocated!: () => void;
      let release!: () => void;
      const firstHasNumber = new Promise<void>((r) => (allocated = r));
      const gate = new Promise<void>((r) => (release = r));
      const first = database.transaction(async (tx) => {
        const facts = await decideIn(tx, a, at);
        allocated();
        await gate; // holds the sequence's row lock while the second transaction asks
        return facts;
      });
      await firstHasNumber;
      const second = issueNow(b, at);
      if (database.kind === 'postgres') {
        // The second transaction is really running, blocked on the first's row lock.
        for (let i = 0; i < 200; i++) {
          const [w] = await query<{ n: number }>(`select count(*)::int as n from pg_locks where not granted`);
          if (w!.n > 0) break;
          await new Promise((r) => setTimeout(r, 10));
        }
        assert.ok((await query<{ n: number }>(`select count(*)::int as n from pg_locks where not granted`))[0]!.n > 0, 'the second issue waits on the first');
      }
      release();
      const numbers = [(await first).number, (await second).number];
      assert.deepEqual(numbers, ['兰政复决字〔2029〕第1号', '兰政复决字〔2029〕第2号']);
      // Many at once: every number once, none skipped.
      const many = await Promise.all(Array.from({ length: 8 }, async () => issueNow(await open(LANSHAN, at), at)));
      assert.deepEqual(many.map((f) => Number(/第(\d+)号/.exec(f.number)![1])).sort((x, y) => x - y), [3, 4, 5, 6, 7, 8, 9, 10]);
    });

    test('drafts are versions; the action issues the latest, numbered and frozen, with its hash in the chain', async () => {
      const caseId = await open();
      const at = new Date('2026-12-05T10:00:00+08:00');
      const draft = (fields: Record<string, unknown>) => database.transaction((tx) => draftDocument(tx, { caseId, template: TEST_DECISION.id, fields, actor: leader(), organUnitId: LANSHAN, at }));
      const v1 = await draft({ ...FIELDS, outcome: '维持' });
      const v2 = await draft(FIELDS);
      assert.deepEqual([v1.version, v2.version], [1, 2]);
      await assert.rejects(
        database.transaction((tx) => performAction(tx, { caseId, action: 'decide', actor: leader(), input: { documentId: v1.documentId }, now: at })),
        rejectsWith('DOCUMENT_NOT_LATEST'),
      );
      const decided = await database.transaction((tx) => performAction(tx, { caseId, action: 'decide', actor: leader(), input: { documentId: v2.documentId }, now: at }));
      const facts = decided.facts.decision as { documentId: string; number: string; version: number; sha256: string };
      assert.equal(facts.version, 3);
      assert.match(facts.number, /^兰政复决字〔2026〕第\d+号$/);

      const chain = await events(caseId);
      assert.deepEqual(chain.map((e) => e.type), ['applied', 'document_drafted', 'document_drafted', 'decide']);
      assert.deepEqual(chain[2]!.payload, { documentId: v2.documentId, template: 'test.decision', version: 2, sha256: v2.sha256 });
      const [stored] = await query<{ status: string; number: string; bytes: Uint8Array; issued_at: Date }>('select status, number, bytes, issued_at from case_documents where id = $1', [facts.documentId]);
      assert.equal(stored!.status, 'final');
      assert.equal(sha256(stored!.bytes), facts.sha256);

      // The .docx opens, and carries the number, the filled fields and the date in Chinese.
      const text = await docxText(stored!.bytes);
      for (const expected of [facts.number, '行政复议决定书', '申请人：张某某', '请求退还已缴纳的罚款。', '人民币5000元', '本机关决定：撤销。', '临沂市兰山区人民政府', '二〇二六年十二月五日']) {
        assert.ok(text.includes(expected), `the document lacks ${expected}`);
      }
      assert.ok((await docxText((await query<{ bytes: Uint8Array }>('select bytes from case_documents where id = $1', [v1.documentId]))[0]!.bytes)).includes('兰政复决字〔2026〕第　　号'), 'a draft has no sequence');

      // Final means final: no new draft, no second issue, by either path.
      await assert.rejects(draft(FIELDS), rejectsWith('DOCUMENT_FINAL'));
      await assert.rejects(database.transaction((tx) => issueDocument(tx, { caseId, documentId: facts.documentId, organUnitId: LANSHAN, actor: leader(), at })), rejectsWith('DOCUMENT_FINAL'));
      await assert.rejects(database.transaction((tx) => issueDocument(tx, { caseId, documentId: v2.documentId, organUnitId: LANSHAN, actor: leader(), at })), rejectsWith('DOCUMENT_FINAL'));
      await assert.rejects(database.transaction((tx) => issueDocumentFromFields(tx, { caseId, template: TEST_DECISION.id, fields: FIELDS, organUnitId: LANSHAN, actor: leader(), at })), rejectsWith('DOCUMENT_FINAL'));
      assert.equal((await query<{ n: number }>('select count(*)::int as n from case_documents where case_id = $1', [caseId]))[0]!.n, 3);
    });

    test('a draft missing a required field is refused and nothing is written', async () => {
      const caseId = await open();
      await assert.rejects(
        database.transaction((tx) => draftDocument(tx, { caseId, template: TEST_DECISION.id, fields: { applicant: '张某某' }, actor: leader(), organUnitId: LANSHAN, at: new Date() })),
        (e: unknown) => e instanceof AppError && e.code === 'DOCUMENT_FIELDS_MISSING' && e.message === '文书缺少必填项：被申请人、复议请求、决定结果',
      );
      await assert.rejects(
        database.transaction((tx) => draftDocument(tx, { caseId, template: 'test.unknown', fields: FIELDS, actor: leader(), organUnitId: LANSHAN, at: new Date() })),
        rejectsWith('DOCUMENT_TEMPLATE_UNKNOWN'),
      );
      assert.equal((await events(caseId)).length, 1);
    });

    test('an attachment\'s hash is in the chain, the chain stays sound, and images lose their metadata', async () => {
      const caseId = await open();
      const at = new Date('2026-03-03T09:00:00+08:00');
      const pdf = await database.transaction((tx) => addAttachment(tx, { caseId, actor: leader(), name: '申请书.pdf', mediaType: 'application/pdf', contentBase64: PDF.toString('base64'), at }));
      assert.equal(pdf.sha256, sha256(PDF));
      const photo = await phoneJpeg();
      const image = await database.transaction((tx) => addAttachment(tx, { caseId, actor: leader(), name: '现场.jpg', mediaType: 'image/jpeg', bytes: photo, at }));
      const [stored] = await query<{ bytes: Uint8Array; size: number }>('select bytes, size from case_attachments where id = $1', [image.attachmentId]);
      assert.ok(!Buffer.from(stored!.bytes).includes('FazhiPhone'), 'the camera\'s EXIF is gone');
      assert.equal(sha256(stored!.bytes), image.sha256);

      const added = (await events(caseId)).filter((e) => e.type === 'attachment_added');
      assert.deepEqual(added.map((e) => e.payload), [
        { attachmentId: pdf.attachmentId, mediaType: 'application/pdf', size: PDF.length, sha256: pdf.sha256 },
        { attachmentId: image.attachmentId, mediaType: 'image/jpeg', size: stored!.size, sha256: image.sha256 },
      ]);
      assert.deepEqual((await verifyAudit(database)).findings, []);
      assert.deepEqual((await verifyDocuments(database)).findings, []);
    });

    test('a staged upload is bound to its case only with its token, once, and its hash is recorded', async () => {
      const at = new Date('2026-03-04T09:00:00+08:00');
      const staged = await database.transaction((tx) => stageAttachment(tx, { name: '身份证明.pdf', mediaType: 'application/pdf', bytes: PDF, at }));
      const other = await database.transaction((tx) => stageAttachment(tx, { name: '材料.txt', mediaType: 'text/plain', contentBase64: Buffer.from('补充材料').toString('base64'), at }));
      const caseId = await open();
      const citizen: Actor = { role: 'citizen' };
      await assert.rejects(database.transaction((tx) => bindAttachments(tx, caseId, [staged.attachmentId], [other.token], citizen, at)), rejectsWith('ATTACHMENT_STAGING_INVALID'));
      const bound = await database.transaction((tx) => bindAttachments(tx, caseId, [staged.attachmentId, other.attachmentId], [staged.token, other.token], citizen, at));
      assert.deepEqual(bound.map((b) => b.sha256), [staged.sha256, other.sha256]);
      const [event] = (await events(caseId)).filter((e) => e.type === 'attachments_bound');
      assert.deepEqual((event!.payload.attachments as Array<{ sha256: string }>).map((a) => a.sha256), [staged.sha256, other.sha256]);
      // A token works once: the upload now belongs to its case.
      const again = await open();
      await assert.rejects(database.transaction((tx) => bindAttachments(tx, again, [staged.attachmentId], [staged.token], citizen, at)), rejectsWith('ATTACHMENT_STAGING_INVALID'));
      assert.deepEqual((await verifyDocuments(database)).findings, []);
    });

    test('audit verify names files changed, slipped in or removed behind the platform\'s back', async () => {
      const caseId = await open();
      const at = new Date('2026-07-01T09:00:00+08:00');
      const attachment = await database.transaction((tx) => addAttachment(tx, { caseId, actor: leader(), name: '证据.pdf', mediaType: 'application/pdf', bytes: PDF, at }));
      const drafted = await database.transaction((tx) => draftDocument(tx, { caseId, template: TEST_DECISION.id, fields: FIELDS, actor: leader(), organUnitId: LANSHAN, at }));
      const issued = await database.transaction((tx) => performAction(tx, { caseId, action: 'decide', actor: leader(), input: { documentId: drafted.documentId }, now: at }));
      const final = issued.facts.decision as { documentId: string };
      assert.deepEqual((await verifyDocuments(database)).findings, []);

      await query(`update case_attachments set bytes = $2 where id = $1`, [attachment.attachmentId, Buffer.from('%PDF-1.7 forged')]);
      await query(`update case_documents set bytes = bytes || '\\x00'::bytea where id = $1`, [drafted.documentId]);
      await query(`update case_documents set number = '兰政复决字〔2026〕第999号' where id = $1`, [final.documentId]);
      const slipped = randomUUID();
      await query(`insert into case_attachments (id, case_id, file_name, media_type, size, sha256, bytes, added_at) values ($1, $2, 'x.pdf', 'application/pdf', 3, $3, '\\x414243'::bytea, now())`, [slipped, caseId, sha256(Buffer.from('ABC'))]);
      const found = (await verifyDocuments(database)).findings.filter((f) => f.caseId === caseId);
      assert.deepEqual(found.map((f) => [f.reason, f.seq]).sort(), [
        ['attachment_altered', 2],
        ['attachment_unrecorded', undefined],
        ['document_altered', 3],
        ['document_altered', 4],
      ].sort());
      // The event chain itself is untouched: only the files' check sees this.
      assert.deepEqual((await verifyAudit(database)).findings, []);

      await query(`delete from case_documents where id = $1`, [final.documentId]);
      assert.ok((await verifyDocuments(database)).findings.some((f) => f.reason === 'document_missing' && f.caseId === caseId && f.detail.includes(final.documentId)));
    });
  });
}
