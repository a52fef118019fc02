import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';

// 行政复议's own routes: an application recorded at the counter and one sent online with a
// file, the applicant following it with the query code, the decision published with the
// applicant's name redacted, and a neighbouring county's officer who learns nothing of this
// county's cases through any route, generic or the module's own.
const T0 = new Date('2026-03-02T09:00:00+08:00');
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n');
const NEIGHBOUR = { government: 9100, department: 9101 };

for (const backend of testBackends()) {
  describe(`行政复议 routes on ${backend.name}`, () => {
    let ctx: TestContext;
    let townId: number;
    let counterCase: { caseId: string; queryCode: string };

    let nextUser = 900;
    // Written directly: the county's administrator may not create accounts in a neighbouring county.
    const makeStaff = async (username: string, unitId: number, grants: Array<{ role: string; unitId: number }>) => {
      const id = ++nextUser;
      await ctx.database.backend.query(
        `insert into users (id, username, display_name, password_hash, role, unit_id, scope_unit_id)
         select $1, $2, $2, password_hash, 'staff', $3, $3 from users where username = 'admin'`,
        [id, username, unitId],
        'object',
      );
      for (const g of grants) await ctx.database.backend.query('insert into role_grants (user_id, role, unit_id) values ($1, $2, $3)', [id, g.role, g.unitId], 'object');
    };
    const call = async (method: 'GET' | 'POST', url: string, user: string | null, payload?: unknown) =>
      ctx.app.inject({ method, url, headers: user ? await ctx.as(user) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
    const count = async (table: string) => ((await ctx.database.backend.query(`select count(*)::int from ${table}`, [], 'array')).rows[0] as [number])[0];
    const application = {
      channel: 'counter', applicantKind: 'citizen', applicantName: '张三', contestedAct: '责令限期拆除决定', field: '城乡建设', claims: '请求撤销该决定',
    };

    before(async () => {
      ctx = await createTestContext(backend.url, T0);
      townId = [...ctx.org.townshipIds.values()][0]!;
      // A neighbouring county: its own government (a reconsideration organ) and a department.
      await ctx.database.backend.query(
        `insert into units (id, parent_id, path, name, kind) values ($1, null, $2, '邻县人民政府', 'government'), ($3, $1, $4, '邻县司法局', 'department')`,
        [NEIGHBOUR.government, `/${NEIGHBOUR.government}/`, NEIGHBOUR.department, `/${NEIGHBOUR.government}/${NEIGHBOUR.department}/`],
        'object',
      );
      const justice = ctx.org.departmentIds.get('justice')!;
      await makeStaff('xzfy-handler', justice, [{ role: 'xzfy.handler', unitId: ctx.org.governmentId }]);
      await makeStaff('town-legal', townId, [{ role: 'xzfy.respondent', unitId: townId }]);
      await makeStaff('neighbour-handler', NEIGHBOUR.department, [
        { role: 'xzfy.handler', unitId: NEIGHBOUR.government }, { role: 'xzss.coordinator', unitId: NEIGHBOUR.government },
      ]);
      await makeStaff('xzss-coordinator', justice, [{ role: 'xzss.coordinator', unitId: ctx.org.governmentId }]);
      await makeStaff('town-litigation', townId, [{ role: 'xzss.handler', unitId: townId }]);
    });
    after(async () => ctx?.close());

    test('the counter records an application for the handler’s organ; others may not', async () => {
      const recorded = await call('POST', '/api/xzfy/applications', 'xzfy-handler', { ...application, respondentUnitId: townId, receivedOn: '2026-02-27' });
      assert.equal(recorded.statusCode, 201, recorded.body);
      counterCase = recorded.json();
      assert.match(counterCase.queryCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

      const before = await count('xzfy_cases');
      const asRespondent = await call('POST', '/api/xzfy/applications', 'town-legal', { ...application, respondentUnitId: townId });
      assert.equal(asRespondent.statusCode, 403);
      assert.equal(asRespondent.json().error.code, 'XZFY_ORGAN_NOT_HELD');
      const forAnotherOrgan = await call('POST', '/api/xzfy/applications', 'neighbour-handler', { ...application, organUnitId: ctx.org.governmentId, respondentUnitId: townId });
      assert.equal(forAnotherOrgan.json().error.code, 'XZFY_ORGAN_NOT_HELD');
      const hotlineOperator = await call('POST', '/api/xzfy/applications', 'operator', application);
      assert.equal(hotlineOperator.statusCode, 403);
      const respondentElsewhere = await call('POST', '/api/xzfy/applications', 'neighbour-handler', { ...application, respondentUnitId: townId });
      assert.equal(respondentElsewhere.json().error.code, 'XZFY_RESPONDENT_UNKNOWN', 'a respondent must be under the organ');
      assert.equal(await count('xzfy_cases'), before, 'nothing refused was recorded');
    });

    test('the public form lists each organ with the units under it, not a neighbour’s', async () => {
      const res = await call('GET', '/api/public/xzfy/organs', null);
      assert.equal(res.statusCode, 200);
      const organs = res.json().organs as Array<{ id: number; respondents: Array<{ id: number }> }>;
      const county = organs.find((o) => o.id === ctx.org.governmentId)!;
      assert.ok(county.respondents.some((r) => r.id === townId));
      assert.ok(!county.respondents.some((r) => r.id === NEIGHBOUR.department));
      assert.deepEqual(organs.find((o) => o.id === NEIGHBOUR.government)!.respondents.map((r) => r.id), [NEIGHBOUR.department]);
    });

    test('an application sent online keeps its file in the record; a bad file or a staff session records nothing', async () => {
      const body = {
        organUnitId: ctx.org.governmentId, applicantKind: 'citizen', applicantName: '李四', respondentUnitId: townId,
        contestedAct: '不予登记决定', claims: '请求撤销', files: [{ name: '决定书.pdf', mediaType: 'application/pdf', contentBase64: PDF.toString('base64') }],
      };
      const [cases, files] = [await count('xzfy_cases'), await count('case_attachments')];
      const bad = await call('POST', '/api/public/xzfy/applications', null, { ...body, files: [{ name: 'x.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('MZ not a pdf').toString('base64') }] });
      assert.equal(bad.statusCode, 415, bad.body);
      assert.equal(bad.json().error.code, 'ATTACHMENT_CONTENT_MISMATCH');
      const staff = await call('POST', '/api/public/xzfy/applications', 'xzfy-handler', body);
      assert.equal(staff.json().error.code, 'STAFF_NOT_CITIZEN');
      assert.deepEqual([await count('xzfy_cases'), await count('case_attachments')], [cases, files]);

      const sent = await call('POST', '/api/public/xzfy/applications', null, body);
      assert.equal(sent.statusCode, 201, sent.body);
      assert.deepEqual(Object.keys(sent.json()), ['queryCode'], 'the applicant gets the code and nothing else');
      const progress = await call('GET', `/api/public/xzfy/cases/${sent.json().queryCode}`, null);
      assert.equal(progress.json().stateLabel, '待审查受理');
      const [row] = (await ctx.database.backend.query(
        `select x.channel, (select count(*)::int from case_attachments a where a.case_id = x.case_id) as files,
                (select count(*)::int from case_events e where e.case_id = x.case_id and e.type = 'attachment_added') as recorded
           from xzfy_cases x where x.query_code = $1`, [sent.json().queryCode], 'object')).rows as Array<Record<string, unknown>>;
      assert.deepEqual(row, { channel: 'online', files: 1, recorded: 1 });
    });

    test('the applicant follows the case by its code; the decision is published once served, the name redacted', async () => {
      const { caseId, queryCode } = counterCase;
      const act = async (action: string, input: Record<string, unknown>, user = 'xzfy-handler') => {
        const res = await call('POST', `/api/cases/${caseId}/actions/${action}`, user, input);
        assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
      };
      await act('ask_supplement', { items: '请补充提交拆除决定书复印件' });
      // The form offers the open 补正 notice by its days, not an id to type.
      const detail = await call('GET', `/api/cases/${caseId}`, 'xzfy-handler');
      const receive = (detail.json().actions as Array<{ action: string; input: { properties: Record<string, any> } }>).find((a) => a.action === 'receive_supplement')!;
      const supplement = receive.input.properties.supplementId;
      assert.equal(supplement['x-kind'], 'choice');
      assert.equal(supplement.enum.length, 1);
      assert.match(supplement['x-labels'][supplement.enum[0]], /^2026-03-02 发出的补正通知（补正期限至 2026-03-16）$/);
      await act('receive_supplement', { supplementId: supplement.enum[0] });
      await act('accept', { procedure: 'ordinary' });
      await act('decide', { decision: 'revoke', basis: '《中华人民共和国行政复议法》第六十四条', reasoning: '张三提交的证据表明，被申请人未听取陈述申辩。联系电话13812345678。' });

      const decided = (await call('GET', `/api/public/xzfy/cases/${queryCode}`, null)).json();
      assert.equal(decided.conclusion, '撤销');
      assert.equal(decided.decisionDocumentId, null, 'not published before it is served');
      assert.deepEqual((await call('GET', '/api/public/xzfy/decisions', null)).json().total, 0);

      await act('serve', { servedOn: '2026-03-03' });
      const progress = (await call('GET', `/api/public/xzfy/cases/${queryCode.toLowerCase()}`, null)).json();
      assert.equal(progress.stateLabel, '已结案');
      assert.match(progress.caseNumber, /^兰政复〔2026〕\d+号$/);
      assert.deepEqual(progress.steps.map((s: { label: string }) => s.label), ['收到申请', '通知补正', '收到补正材料', '受理', '作出复议决定', '送达决定书']);
      assert.equal(progress.steps[0].on, '2026-02-27');
      assert.ok(!JSON.stringify(progress).includes('张三'), 'the progress page names no one');

      const list = (await call('GET', '/api/public/xzfy/decisions', null)).json();
      assert.equal(list.total, 1);
      assert.equal(list.items[0].documentId, progress.decisionDocumentId);
      assert.match(list.items[0].number, /^兰政复决字〔2026〕第\d+号$/);
      const text = JSON.stringify((await call('GET', `/api/public/xzfy/decisions/${progress.decisionDocumentId}`, null)).json());
      assert.ok(text.includes('申请人：张某'), text);
      assert.ok(text.includes('张某提交的证据'), 'the name is redacted in the reasoning too');
      assert.ok(!text.includes('张三') && !text.includes('13812345678') && text.includes('138****5678'), text);
      // The staff copy is the document as issued.
      const documents = (await call('GET', `/api/cases/${caseId}/documents`, 'xzfy-handler')).json().documents;
      assert.equal(documents[0].fields.applicant, '张三');
    });

    test('unknown codes and unpublished documents are not found', async () => {
      assert.equal((await call('GET', '/api/public/xzfy/cases/AAAA-BBBB-CCCC', null)).json().error.code, 'XZFY_CASE_NOT_FOUND');
      const [draft] = (await ctx.database.backend.query(`select id from case_documents where status = 'draft' limit 1`, [], 'array')).rows as Array<[string]>;
      const unknown = draft?.[0] ?? '00000000-0000-4000-8000-000000000000';
      assert.equal((await call('GET', `/api/public/xzfy/decisions/${unknown}`, null)).json().error.code, 'XZFY_DECISION_NOT_FOUND');
    });

    test('a lawsuit is recorded by the sued organ’s handler or the county’s coordinator, linked to the reconsideration it came from', async () => {
      const lawsuit = {
        defendantUnitId: townId, courtName: '兰山区人民法院', courtCaseNumber: '（2026）鲁1302行初12号', cause: '不服行政复议决定', plaintiffName: '王五', servedOn: '2026-03-02',
      };
      const byTown = await call('POST', '/api/xzss/lawsuits', 'town-litigation', lawsuit);
      assert.equal(byTown.statusCode, 201, byTown.body);
      const byCoordinator = await call('POST', '/api/xzss/lawsuits', 'xzss-coordinator', { ...lawsuit, courtCaseNumber: '（2026）鲁1302行初13号', fromReviewCaseId: counterCase.caseId });
      assert.equal(byCoordinator.json().error.code, 'CASE_NOT_FOUND', 'the coordinator does not see reconsideration cases: it cannot link one');
      const neighbour = await call('POST', '/api/xzss/lawsuits', 'neighbour-handler', lawsuit);
      assert.equal(neighbour.json().error.code, 'XZSS_DEFENDANT_NOT_HELD');
      const detail = (await call('GET', `/api/cases/${byTown.json().caseId}`, 'town-litigation')).json();
      assert.equal(detail.clocks[0].dueAt, new Date('2026-03-17T24:00:00+08:00').toISOString(), 'fifteen days from service: 03-17');
    });

    test('a neighbouring county’s handler learns nothing of this county’s cases through any route', async () => {
      const { caseId } = counterCase;
      const who = 'neighbour-handler';
      const search = (await call('GET', '/api/cases?caseType=xzfy_case', who)).json();
      assert.equal(search.total, 0);
      const byCode = (await call('GET', `/api/cases?caseType=xzfy_case&q=${encodeURIComponent('兰政复')}`, who)).json();
      assert.equal(byCode.total, 0);
      assert.equal((await call('GET', '/api/cases/todo?module=xzfy', who)).json().items.length, 0);
      assert.equal((await call('GET', '/api/cases/todo?caseType=xzss_case', who)).json().items.length, 0);
      for (const url of [`/api/cases/${caseId}`, `/api/cases/${caseId}/attachments`, `/api/cases/${caseId}/documents`]) {
        const res = await call('GET', url, who);
        assert.equal(res.statusCode, 404, url);
        assert.equal(res.json().error.code, 'CASE_NOT_FOUND', url);
      }
      const action = await call('POST', `/api/cases/${caseId}/actions/issue_opinion`, who, { kind: 'opinion', unitId: NEIGHBOUR.department, content: '…' });
      assert.equal(action.json().error.code, 'CASE_NOT_FOUND');
      const upload = await call('POST', `/api/cases/${caseId}/attachments`, who, { name: 'a.pdf', mediaType: 'application/pdf', contentBase64: PDF.toString('base64') });
      assert.equal(upload.json().error.code, 'CASE_NOT_FOUND');
      const draft = await call('POST', `/api/cases/${caseId}/documents`, who, { template: 'xzfy.decision', fields: {} });
      assert.equal(draft.json().error.code, 'CASE_NOT_FOUND');
      const exported = await call('GET', '/api/cases/export.xlsx?caseType=xzfy_case', who);
      assert.equal(exported.statusCode, 200);
      assert.ok(!exported.rawPayload.includes(Buffer.from('兰政复')), 'the export holds none of this county’s case numbers');
      const figures = await call('GET', '/api/cases?caseType=xzss_case', who);
      assert.equal(figures.json().total, 0, 'nor its lawsuits');
      const lawsuitLink = await call('POST', '/api/xzss/lawsuits', who, {
        defendantUnitId: NEIGHBOUR.department, courtName: '某法院', courtCaseNumber: '（2026）行初1号', cause: '不服', plaintiffName: '赵六', servedOn: '2026-03-02', fromReviewCaseId: caseId,
      });
      assert.equal(lawsuitLink.json().error.code, 'CASE_NOT_FOUND', 'nor link a lawsuit to it');
    });
  });
}
