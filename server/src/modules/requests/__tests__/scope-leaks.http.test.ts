import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import JSZip from 'jszip';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';

// Defect 1 of the hardening review: a township read the codes and titles of requests outside its
// subtree through the dashboard's drill-down, its Excel export and the duplicates list; with a
// code anyone can read the request on the public page. Every list, export and count now takes
// in only the requests the reader could open one by one.

const LEAF = '011003'; // 物业服务 → housing
const SECRET_TEXT = '锦绣花园小区三号楼下水道堵塞，污水漫到路面，气味很大。';

for (const backend of testBackends()) {
  describe(`lists, exports and counts stay in scope on ${backend.name}`, () => {
    let ctx: TestContext;
    let townUnit: number;
    let township: string;
    let hidden: { caseId: string; trackingCode: string };
    let ownCase: string;

    const get = async (user: string, url: string) => ctx.app.inject({ url, headers: await ctx.as(user) });
    const act = async (user: string, caseId: string, action: string, payload: Record<string, unknown> = {}) => {
      const res = await ctx.app.inject({ method: 'POST', url: `/api/requests/${caseId}/actions/${action}`, headers: await ctx.as(user), payload });
      assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
    };
    const submit = async (content: string) => {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/requests', headers: await ctx.as('operator'), payload: { content, townshipCode: township, requestType: '投诉', categoryCode: LEAF } });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { caseId: string; trackingCode: string };
    };

    before(async () => {
      ctx = await createTestContext(backend.url);
      townUnit = [...ctx.org.townshipIds.values()][0]!;
      township = [...ctx.org.townshipIds.entries()].find(([, id]) => id === townUnit)![0];
      // In the township's place but never sent to it: waiting at the center.
      hidden = await submit(SECRET_TEXT);
      // The same problem, sent to the township: the one it may open.
      ownCase = (await submit('锦绣花园三号楼下水道又堵了，污水漫出来了，请尽快疏通。')).caseId;
      await act('dispatcher', ownCase, 'dispatch', { unitId: townUnit });
    });
    after(async () => ctx?.close());

    test('the drill-down of requests awaiting dispatch lists none the township may not open, and its count agrees', async () => {
      const list = await get('town', '/api/stats/cases?kind=awaitingDispatch');
      assert.equal(list.statusCode, 200, list.body);
      assert.ok(!list.body.includes(hidden.trackingCode), 'no code of a request the township never received');
      assert.equal(list.json().total, 0);
      const today = new Date(ctx.time.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
      const dashboard = await get('town', `/api/stats/dashboard?from=${today}&to=${today}`);
      assert.equal(dashboard.statusCode, 200, dashboard.body);
      assert.equal(dashboard.json().live.awaitingDispatch, 0, 'the count behind the list is the list');
      // The center sees it, and a unit above the township's own is out of reach.
      const center = await get('dispatcher', '/api/stats/cases?kind=awaitingDispatch');
      assert.ok(center.body.includes(hidden.trackingCode));
      assert.equal((await get('town', `/api/stats/cases?kind=awaitingDispatch&unitId=${ctx.org.governmentId}`)).statusCode, 404);
    });

    test('the drill-down export carries no code the township may not open', async () => {
      const res = await get('town', '/api/stats/cases/export.xlsx?kind=awaitingDispatch');
      assert.equal(res.statusCode, 200);
      const zip = await JSZip.loadAsync(res.rawPayload);
      const sheets = await Promise.all(Object.keys(zip.files).filter((f) => f.endsWith('.xml')).map((f) => zip.file(f)!.async('string')));
      assert.ok(!sheets.some((xml) => xml.includes(hidden.trackingCode)), 'the export leaks a tracking code');
      assert.ok(!sheets.some((xml) => xml.includes('锦绣花园小区三号楼')), 'the export leaks a title');
    });

    test('the duplicates beside a request name only requests the reader may open', async () => {
      const town = await get('town', `/api/requests/${ownCase}/suggestions`);
      assert.equal(town.statusCode, 200, town.body);
      assert.ok(!town.body.includes(hidden.trackingCode), 'the township learns of a request it was never sent');
      const operator = await get('operator', `/api/requests/${ownCase}/suggestions`);
      assert.ok(operator.json().duplicates.some((d: { caseId: string }) => d.caseId === hidden.caseId), 'the center still sees the repeat');
    });

    test('the request list, search and hotspots of a township hold only what it received', async () => {
      const list = await get('town', `/api/requests?view=all&q=${encodeURIComponent('下水道')}`);
      assert.deepEqual(list.json().items.map((i: { caseId: string }) => i.caseId), [ownCase]);
      assert.equal((await get('town', `/api/requests/${hidden.caseId}`)).statusCode, 404);
      const hot = (await get('town', '/api/hotspots')).json();
      const counted = hot.groups.reduce((sum: number, g: { thisWeek: number }) => sum + g.thisWeek, 0);
      assert.equal(counted, 1, 'the township counts the one request it received');
      const centerHot = (await get('dispatcher', '/api/hotspots')).json();
      assert.equal(centerHot.groups.reduce((sum: number, g: { thisWeek: number }) => sum + g.thisWeek, 0), 2);
    });
  });
}
