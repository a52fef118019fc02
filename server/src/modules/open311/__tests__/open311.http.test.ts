import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { SYSTEM } from '../../../platform/actor.js';
import { erasePersonalData, verifyAudit } from '../../cases/index.js';
import { runOpen311Command } from '../index.js';

const LEAF = '010201'; // 城乡建设 / 城市建设和市政管理 / 园林绿化环卫
const LISTS = new Set(['service', 'request', 'error', 'attribute', 'endpoint', 'format', 'value']);
const xml = new XMLParser({ parseTagValue: false, ignoreDeclaration: true, isArray: (name) => LISTS.has(name) });
const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };

for (const backend of testBackends()) {
  describe(`Open311 GeoReport v2 on ${backend.name}`, () => {
    let ctx: TestContext;
    let key: string;
    const get = (url: string) => ctx.app.inject({ url });
    const post = (format: 'json' | 'xml', fields: Record<string, string>, headers: Record<string, string> = FORM) =>
      ctx.app.inject({ method: 'POST', url: `/open311/v2/requests.${format}`, headers, payload: new URLSearchParams(fields).toString() });
    const submitted = async (fields: Record<string, string>) => {
      const res = await post('json', { api_key: key, service_code: LEAF, ...fields });
      assert.equal(res.statusCode, 200, res.body);
      return res.json()[0].service_request_id as string;
    };
    const row = async (caseId: string) =>
      (await ctx.database.backend.query('select * from hotline_requests where case_id = $1', [caseId], 'object')).rows[0] as Record<string, unknown>;

    before(async () => {
      ctx = await createTestContext(backend.url, undefined, { open311RateLimitPerMinute: 1000 });
      key = /o311_\w+/.exec((await runOpen311Command(ctx.database, ['keys', 'create', '兰山区城管APP'], ctx.time.now())).output)![0];
      await runOpen311Command(ctx.database, ['keys', 'create', '微信小程序'], ctx.time.now());
    });
    after(async () => ctx?.close());

    test('discovery names the v2 endpoint at this server, with both formats, in JSON and XML', async () => {
      const json = await ctx.app.inject({ url: '/open311/discovery.json', headers: { host: 'open311.lanshan.example' } });
      assert.equal(json.statusCode, 200);
      assert.match(String(json.headers['content-type']), /^application\/json; charset=utf-8/);
      const doc = json.json();
      assert.equal(doc.endpoints[0].specification, 'http://wiki.open311.org/GeoReport_v2');
      assert.equal(doc.endpoints[0].url, 'http://open311.lanshan.example/open311/v2');
      assert.deepEqual(doc.endpoints[0].formats, ['text/xml', 'application/json']);
      for (const k of ['changeset', 'contact', 'key_service']) assert.ok(doc[k], k);
      const x = await get('/open311/v2/discovery.xml');
      assert.match(String(x.headers['content-type']), /^text\/xml; charset=utf-8/);
      assert.match(x.body, /^<\?xml version="1.0" encoding="utf-8"\?>\n<discovery>/);
      const parsed = xml.parse(x.body).discovery;
      assert.deepEqual(parsed.endpoints.endpoint[0].formats.format, ['text/xml', 'application/json']);
    });

    test('services are the taxonomy’s categories plus 00, the same in JSON and XML; a wrong jurisdiction is 404', async () => {
      const json = (await get('/open311/v2/services.json?jurisdiction_id=371302')).json() as Array<Record<string, unknown>>;
      const categories = (await ctx.database.backend.query('select count(*)::int from hotline_categories', [], 'array')).rows[0] as [number];
      assert.equal(json.length, categories[0] + 1);
      const leaf = json.find((s) => s.service_code === LEAF)!;
      assert.deepEqual(leaf, { service_code: LEAF, service_name: '园林绿化环卫', description: '城乡建设 / 城市建设和市政管理 / 园林绿化环卫', metadata: false, type: 'realtime', keywords: '城乡建设,城市建设和市政管理,园林绿化环卫', group: '城乡建设' });
      assert.ok(json.some((s) => s.service_code === '00'));
      const services = xml.parse((await get('/open311/v2/services.xml')).body).services.service as Array<Record<string, string>>;
      assert.equal(services.length, json.length);
      assert.deepEqual(services.find((s) => s.service_code === LEAF), { ...leaf, metadata: 'false' });
      for (const format of ['json', 'xml']) {
        const wrong = await get(`/open311/v2/services.${format}?jurisdiction_id=sfgov.org`);
        assert.equal(wrong.statusCode, 404);
        assert.match(wrong.body, /OPEN311_JURISDICTION_UNKNOWN/);
      }
      // "Optional" means an empty parameter is no parameter.
      assert.equal((await get('/open311/v2/services.json?jurisdiction_id=')).statusCode, 200);
    });

    test('a service definition has no attributes; an unknown service is 404 in the specification’s error list', async () => {
      assert.deepEqual((await get(`/open311/v2/services/${LEAF}.json`)).json(), { service_code: LEAF, attributes: [] });
      const x = xml.parse((await get(`/open311/v2/services/${LEAF}.xml`)).body).service_definition;
      assert.equal(x.service_code, LEAF);
      const unknown = await get('/open311/v2/services/999999.json');
      assert.equal(unknown.statusCode, 404);
      assert.deepEqual(unknown.json(), [{ code: 'OPEN311_SERVICE_UNKNOWN', description: '没有这个诉求类别（service_code）' }]);
      const unknownXml = await get('/open311/v2/services/999999.xml');
      assert.equal(xml.parse(unknownXml.body).errors.error[0].code, 'OPEN311_SERVICE_UNKNOWN');
      assert.equal((await get('/open311/v2/services.yaml')).statusCode, 404);
    });

    test('POST needs a key in force: missing or wrong is 403, before anything else is looked at', async () => {
      const missing = await post('xml', { service_code: 'nonsense' });
      assert.equal(missing.statusCode, 403);
      assert.equal(xml.parse(missing.body).errors.error[0].code, 'OPEN311_API_KEY_MISSING');
      // Its last character changed (to 0, or to 1 when it was 0), so never the key itself.
      const wrong = await post('json', { api_key: `${key.slice(0, -1)}${key.endsWith('0') ? '1' : '0'}`, service_code: LEAF, address_string: '柳青街道', description: '路灯不亮' });
      assert.equal(wrong.statusCode, 403);
      assert.equal(wrong.json()[0].code, 'OPEN311_API_KEY_INVALID');
      const before = (await ctx.database.backend.query('select count(*)::int from hotline_requests', [], 'array')).rows[0];
      assert.deepEqual((await ctx.database.backend.query('select count(*)::int from hotline_requests', [], 'array')).rows[0], before);
    });

    test('a POST becomes a citizen’s request on the hotline, channel open311 and the client’s name beside it', async () => {
      const res = await post('xml', {
        api_key: key, jurisdiction_id: '371302', service_code: LEAF, lat: '35.0621', long: '118.3563', address_string: '柳青街道沂蒙北路88号',
        email: 'zhang@example.cn', device_id: 'tt222111', account_id: 'u-42', first_name: '三', last_name: '张', phone: '138 1234 5678',
        description: '路灯坏了一个月，晚上很黑。', media_url: 'https://img.example.cn/1.jpg', 'attribute[UNKNOWN]': 'ignored',
      });
      assert.equal(res.statusCode, 200, res.body);
      const answer = xml.parse(res.body).service_requests.request[0];
      assert.match(answer.service_request_id, /^[0-9a-f-]{36}$/);
      assert.equal(answer.account_id, 'u-42');
      assert.match(answer.service_notice, /查询码 [0-9A-Z-]+，评价码 [0-9A-Z]{4}-[0-9A-Z]{4}/);
      const r = await row(answer.service_request_id);
      assert.equal(r.channel, 'open311');
      assert.equal(r.channel_client, '兰山区城管APP');
      assert.equal(r.category_code, LEAF);
      assert.equal(r.township_code, '371302004');
      assert.equal(r.requester_name, '张三');
      assert.equal(r.requester_phone, '13812345678');
      assert.equal(r.requester_email, 'zhang@example.cn');
      assert.equal(r.latitude, 35.0621);
      assert.equal(r.longitude, 118.3563);
      assert.equal(r.media_url, 'https://img.example.cn/1.jpg');
      assert.equal(r.address, '柳青街道沂蒙北路88号');
      // The device is never kept; the requester got their codes by SMS as well.
      assert.ok(!JSON.stringify(await row(answer.service_request_id)).includes('tt222111'));
      assert.equal(ctx.keySentTo('13812345678').length, 9);
      const opening = (await ctx.database.backend.query(`select payload from case_events where case_id = $1 and type = 'submitted'`, [answer.service_request_id], 'array')).rows[0] as [Record<string, unknown>];
      assert.equal(opening[0].channel, 'open311');
      assert.equal(opening[0].channelClient, '兰山区城管APP');
      const keys = (await ctx.database.backend.query('select client_name, last_used_at from open311_api_keys order by id', [], 'object')).rows as Array<{ client_name: string; last_used_at: Date | null }>;
      assert.ok(keys[0]!.last_used_at, 'the key is marked used');
      assert.equal(keys[1]!.last_used_at, null);
    });

    test('the place comes from address_id, a community named in the text, or answers a clear 400', async () => {
      const byId = await submitted({ address_id: '371302001001', description: '井盖丢了' });
      assert.equal((await row(byId)).village_code, '371302001001');
      const byCommunity = await submitted({ address_string: '后园社区东门', description: '垃圾没人清运' });
      assert.equal((await row(byCommunity)).village_code, '371302001003');
      // The county's own name is no township's.
      const nowhere = await post('json', { api_key: key, service_code: LEAF, address_string: '临沂市兰山区', lat: '35', long: '118', description: '路面坑洼' });
      assert.equal(nowhere.statusCode, 400);
      assert.equal(nowhere.json()[0].code, 'OPEN311_PLACE_UNKNOWN');
      const badId = await post('json', { api_key: key, service_code: LEAF, address_id: '110101001', description: '路面坑洼' });
      assert.equal(badId.json()[0].code, 'OPEN311_ADDRESS_ID_UNKNOWN');
    });

    test('every problem of a POST is answered at once, 404 first; nothing is stored', async () => {
      const count = async () => (await ctx.database.backend.query('select count(*)::int from hotline_requests', [], 'array')).rows[0];
      const before = await count();
      const res = await post('json', { api_key: key, service_code: '77', lat: '95', long: '118', email: 'not-an-address', media_url: 'javascript:alert(1)' });
      assert.equal(res.statusCode, 404);
      assert.deepEqual(res.json().map((e: { code: string }) => e.code), ['OPEN311_SERVICE_UNKNOWN', 'OPEN311_LAT_LONG_INVALID', 'OPEN311_DESCRIPTION_MISSING', 'OPEN311_EMAIL_INVALID', 'OPEN311_MEDIA_URL_INVALID']);
      const noPlace = await post('json', { api_key: key, service_code: LEAF, description: '路灯' });
      assert.deepEqual([noPlace.statusCode, noPlace.json()[0].code], [400, 'OPEN311_LOCATION_MISSING']);
      const phone = await post('json', { api_key: key, service_code: LEAF, address_string: '柳青街道', description: '路灯', phone: '12345' });
      assert.deepEqual([phone.statusCode, phone.json()[0].code], [400, 'OPEN311_PHONE_INVALID']);
      const body = await ctx.app.inject({ method: 'POST', url: `/open311/v2/requests.json?api_key=${key}`, headers: { 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x--' });
      assert.deepEqual([body.statusCode, body.json()[0].code], [400, 'OPEN311_BODY_INVALID']);
      assert.deepEqual(await count(), before);
    });

    test('a service code that lost its leading zero in a client’s XML reader is still found; 00 is left for the hotline to classify', async () => {
      assert.equal((await row(await submitted({ service_code: '10201', address_string: '柳青街道', description: '树倒了' }))).category_code, LEAF);
      assert.equal((await row(await submitted({ service_code: '00', address_string: '柳青街道', description: '不知道找谁' }))).category_code, null);
    });

    test('requests read back by id and in lists, in JSON and XML, with open/closed and the Chinese state', async () => {
      const id = await submitted({ address_string: '兰山街道', description: '公园长椅坏了' });
      const [one] = (await get(`/open311/v2/requests/${id}.json`)).json();
      assert.equal(one.service_request_id, id);
      assert.equal(one.status, 'open');
      assert.equal(one.status_notes, '待处理');
      assert.equal(one.service_code, LEAF);
      assert.equal(one.service_name, '园林绿化环卫');
      assert.equal(one.requested_datetime, '2026-03-02T09:00:00+08:00');
      assert.equal(one.address_id, '371302001');
      assert.ok(!('lat' in one), 'no point was given');
      const [asXml] = xml.parse((await get(`/open311/v2/requests/${id}.xml`)).body).service_requests.request;
      assert.equal(asXml.status_notes, '待处理');
      assert.equal(asXml.service_request_id, id);
      const missing = await get('/open311/v2/requests/00000000-0000-4000-8000-000000000000.json');
      assert.deepEqual([missing.statusCode, missing.json()[0].code], [404, 'OPEN311_REQUEST_NOT_FOUND']);
      assert.equal((await get('/open311/v2/requests/not-an-id.xml')).statusCode, 404);

      const list = (await get('/open311/v2/requests.json')).json() as Array<{ service_request_id: string; requested_datetime: string }>;
      assert.ok(list.some((r) => r.service_request_id === id));
      const byIds = (await get(`/open311/v2/requests.json?service_request_id=${id},nonsense,${id}&status=closed`)).json();
      assert.deepEqual(byIds.map((r: { service_request_id: string }) => r.service_request_id), [id], 'ids override the other filters');
      assert.equal((await get('/open311/v2/requests.json?status=closed')).json().length, 0);
      assert.ok((await get(`/open311/v2/requests.json?service_code=${LEAF}&status=open`)).json().length > 0);
      assert.equal((await get('/open311/v2/requests.json?service_code=999999')).json().length, 0);
      assert.ok((await get('/open311/v2/requests.json?service_code=00')).json().every((r: { service_code: string }) => r.service_code === '00'));
    });

    test('dates are W3C date-times with a zone, at most 90 days apart; the default is the last 90 days', async () => {
      const day = (q: string) => get(`/open311/v2/requests.json?${q}`);
      assert.ok((await day('start_date=2026-03-01T00:00:00Z&end_date=2026-03-03T00:00:00Z')).json().length > 0);
      // A `+` left unescaped arrives as a space, and is still read as the zone.
      assert.ok((await day('start_date=2026-03-02T08:00:00+08:00')).json().length > 0);
      assert.equal((await day('end_date=2026-03-01T00:00:00%2B08:00')).json().length, 0);
      for (const [q, code] of [
        ['start_date=yesterday', 'OPEN311_DATE_INVALID'],
        ['start_date=2026-03-01T00:00:00', 'OPEN311_DATE_INVALID'],
        ['start_date=2026-02-30T00:00:00Z', 'OPEN311_DATE_INVALID'],
        ['start_date=2026-03-05T00:00:00Z&end_date=2026-03-01T00:00:00Z', 'OPEN311_DATE_RANGE_INVALID'],
        ['start_date=2025-01-01T00:00:00Z&end_date=2026-03-01T00:00:00Z', 'OPEN311_DATE_RANGE_INVALID'],
        ['status=pending', 'OPEN311_STATUS_INVALID'],
      ]) {
        const res = await day(q!);
        assert.deepEqual([res.statusCode, res.json()[0].code], [400, code], q);
      }
      ctx.time.advance(100 * 86_400_000);
      try {
        assert.equal((await day('')).json().length, 0, 'requests older than 90 days are not in the default list');
      } finally {
        ctx.time.advance(-100 * 86_400_000);
      }
    });

    test('no one reads the requester’s name, phone, e-mail or device; reports (举报) show neither text nor place', async () => {
      const id = await submitted({
        first_name: '小明', last_name: '王', phone: '13900001111', email: 'wang@example.cn', device_id: 'device-9', lat: '35.1', long: '118.3',
        address_string: '金雀山街道王小明家门口', description: '我是王小明，电话13900001111，邮箱 wang@example.cn，身份证371302199001011234，门口下水道堵了。',
      });
      for (const format of ['json', 'xml']) {
        for (const url of [`/open311/v2/requests/${id}.${format}`, `/open311/v2/requests.${format}`]) {
          const body = (await get(url)).body;
          for (const secret of ['王小明', '13900001111', 'wang@example.cn', 'device-9', '371302199001011234']) assert.ok(!body.includes(secret), `${url} shows ${secret}`);
        }
      }
      const [shown] = (await get(`/open311/v2/requests/${id}.json`)).json();
      assert.match(shown.description, /我是王某，电话139\*\*\*\*1111，邮箱 w\*\*\*@example\.cn/);
      assert.equal(shown.address, '金雀山街道王某家门口');
      await ctx.database.backend.query(`update hotline_requests set request_type = '举报' where case_id = $1`, [id], 'object');
      const [report] = (await get(`/open311/v2/requests/${id}.json`)).json();
      assert.equal(report.description, null);
      assert.equal(report.address, '金雀山街道');
      assert.ok(!('lat' in report) && !('long' in report));
    });

    test('closed requests are closed; the unit handling one is the agency, its limit the expected time', async () => {
      const id = await submitted({ address_string: '兰山街道', description: '小区电梯坏了' });
      const housing = ctx.org.departmentIds.get('housing')!;
      const act = async (user: string, action: string, payload: Record<string, unknown> = {}) => {
        const res = await ctx.app.inject({ method: 'POST', url: `/api/requests/${id}/actions/${action}`, headers: await ctx.as(user), payload });
        assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
      };
      await act('operator', 'dispatch', { unitId: housing, requestType: '投诉', categoryCode: '011003' });
      let [r] = (await get(`/open311/v2/requests/${id}.json`)).json();
      assert.deepEqual([r.status, r.status_notes, r.agency_responsible], ['open', '待签收', '兰山区住房和城乡建设局']);
      assert.match(r.expected_datetime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      assert.match(r.service_notice, /前办结/);
      await act('housing', 'sign');
      await act('housing', 'contact', { note: '已联系' });
      await act('housing', 'reply', { reply: '已修好' });
      [r] = (await get(`/open311/v2/requests/${id}.json`)).json();
      assert.deepEqual([r.status, r.status_notes], ['open', '已答复待回访']);
      ctx.time.advance(3600_000);
      await act('operator', 'follow_up', { resolved: true, satisfaction: 'satisfied' });
      [r] = (await get(`/open311/v2/requests/${id}.xml`).then((res) => xml.parse(res.body).service_requests.request));
      assert.deepEqual([r.status, r.status_notes, r.updated_datetime], ['closed', '已办结', '2026-03-02T10:00:00+08:00']);
      assert.ok((await get('/open311/v2/requests.json?status=closed')).json().some((x: { service_request_id: string }) => x.service_request_id === id));
      ctx.time.advance(-3600_000);
    });

    test('the point and e-mail are personal data: the audit checks them, erasure removes them with the address', async () => {
      const id = await submitted({ lat: '35.07', long: '118.36', email: 'li@example.cn', first_name: '四', last_name: '李', address_string: '柳青街道某小区', description: '噪音扰民' });
      assert.deepEqual((await verifyAudit(ctx.database)).findings, []);
      await ctx.database.backend.query(`update hotline_requests set latitude = 1 where case_id = $1`, [id], 'object');
      assert.deepEqual((await verifyAudit(ctx.database)).findings.map((f) => [f.caseId, f.detail ?? f.reason]).filter(([c]) => c === id).length, 1, 'a point edited behind the record shows');
      await ctx.database.backend.query(`update hotline_requests set latitude = 35.07 where case_id = $1`, [id], 'object');
      await ctx.database.transaction((tx) => erasePersonalData(tx, { caseId: id, actor: SYSTEM, reason: 'request', at: ctx.time.now() }));
      const r = await row(id);
      assert.deepEqual([r.latitude, r.longitude, r.requester_email, r.requester_name, r.address], [null, null, null, null, null]);
      assert.equal(r.media_url, null, 'none was given');
      assert.deepEqual((await verifyAudit(ctx.database)).findings, []);
      const [shown] = (await get(`/open311/v2/requests/${id}.json`)).json();
      assert.equal(shown.address, '柳青街道');
      assert.ok(!('lat' in shown));
    });

    test('tokens: none is ever issued, so every token is 404', async () => {
      const res = await get('/open311/v2/tokens/12345.xml');
      assert.equal(res.statusCode, 404);
      assert.equal(xml.parse(res.body).errors.error[0].code, 'OPEN311_TOKEN_NOT_FOUND');
    });

    test('an unknown address under /open311 is the specification’s 404, never the web app or the platform’s shape', async () => {
      for (const url of ['/open311/v2/reports.json', '/open311/v3/services.xml', '/open311/v2/requests/%ZZ.json']) {
        const res = await get(url);
        assert.ok(res.statusCode === 404 || res.statusCode === 400, url);
        assert.ok(url.endsWith('.json') ? Array.isArray(res.json()) : xml.parse(res.body).errors.error.length === 1, url);
      }
      assert.equal(xml.parse((await get('/open311/v2/nothing')).body).errors.error[0].code, 'OPEN311_NOT_FOUND');
    });
  });
}

describe('Open311 keys: rate limits, revoking, administration', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext(null, undefined, { open311RateLimitPerMinute: 2 });
  });
  after(async () => ctx?.close());
  const post = (key: string) =>
    ctx.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: FORM, payload: new URLSearchParams({ api_key: key, service_code: LEAF, address_string: '柳青街道', description: '路灯不亮' }).toString() });

  test('an administrator issues a key shown once, lists keys without them, revokes; each in the security log', async () => {
    const admin = await ctx.as('admin');
    const created = await ctx.app.inject({ method: 'POST', url: '/api/admin/open311/keys', headers: admin, payload: { clientName: '兰山区12345微信小程序' } });
    assert.equal(created.statusCode, 201, created.body);
    const { id, key } = created.json() as { id: number; key: string };
    assert.match(key, /^o311_[0-9A-Z]{32}$/);
    const listed = await ctx.app.inject({ url: '/api/admin/open311/keys', headers: admin });
    assert.equal(listed.statusCode, 200);
    assert.ok(!listed.body.includes(key.slice(9)), 'the list never shows a key');
    assert.equal(listed.json().keys[0].clientName, '兰山区12345微信小程序');
    const stored = (await ctx.database.backend.query('select key_hash from open311_api_keys where id = $1', [id], 'array')).rows[0] as [string];
    assert.notEqual(stored[0], key);
    assert.ok(!stored[0].includes(key.slice(5)));
    assert.equal((await post(key)).statusCode, 200);

    for (const user of ['operator', 'dispatcher', 'town']) {
      const refused = await ctx.app.inject({ method: 'POST', url: '/api/admin/open311/keys', headers: await ctx.as(user), payload: { clientName: 'x' } });
      assert.equal(refused.statusCode, 403, user);
    }
    assert.equal((await ctx.app.inject({ url: '/api/admin/open311/keys' })).statusCode, 401);

    const revoked = await ctx.app.inject({ method: 'POST', url: `/api/admin/open311/keys/${id}/revoke`, headers: admin });
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.ok(revoked.json().revokedAt);
    assert.equal((await post(key)).statusCode, 403, 'a revoked key stops at once');
    const again = await ctx.app.inject({ method: 'POST', url: `/api/admin/open311/keys/${id}/revoke`, headers: admin });
    assert.deepEqual([again.statusCode, again.json().error.code], [409, 'OPEN311_KEY_REVOKED']);
    const nobody = await ctx.app.inject({ method: 'POST', url: '/api/admin/open311/keys/9999/revoke', headers: admin });
    assert.equal(nobody.statusCode, 404);

    const log = (await ctx.database.backend.query(`select kind, actor_user_id, details from security_events where kind like 'open311%' order by seq`, [], 'object')).rows as Array<{ kind: string; actor_user_id: number | null; details: { keyId: number } }>;
    assert.deepEqual(log.map((e) => e.kind), ['open311_key_created', 'open311_key_revoked']);
    assert.ok(log.every((e) => e.actor_user_id !== null && e.details.keyId === id));
    assert.ok(!JSON.stringify(log).includes(key.slice(9)), 'the log never holds a key');
  });

  test('the command line issues, lists and revokes, and the log says so', async () => {
    const created = await runOpen311Command(ctx.database, ['keys', 'create', '区', '城管APP'], ctx.time.now());
    assert.equal(created.exitCode, 0);
    const key = /^o311_[0-9A-Z]{32}$/m.exec(created.output)![0];
    const id = Number(/编号 (\d+)/.exec(created.output)![1]);
    assert.match((await runOpen311Command(ctx.database, ['keys', 'list'], ctx.time.now())).output, /区 城管APP/);
    assert.equal((await runOpen311Command(ctx.database, ['keys', 'revoke', String(id)], ctx.time.now())).exitCode, 0);
    assert.equal((await runOpen311Command(ctx.database, ['keys', 'revoke', String(id)], ctx.time.now())).exitCode, 2);
    assert.equal((await runOpen311Command(ctx.database, ['keys', 'create'], ctx.time.now())).exitCode, 2);
    assert.equal((await post(key)).statusCode, 403);
    const kinds = (await ctx.database.backend.query(`select kind, actor_user_id from security_events where kind like 'open311%' order by seq desc limit 2`, [], 'object')).rows;
    assert.deepEqual(kinds, [{ kind: 'open311_key_revoked', actor_user_id: null }, { kind: 'open311_key_created', actor_user_id: null }]);
  });

  test('each key has its own rate: past it 429 with Retry-After, and another key still submits', async () => {
    const keyOf = async (name: string) => /o311_\w+/.exec((await runOpen311Command(ctx.database, ['keys', 'create', name], ctx.time.now())).output)![0];
    const [a, b] = [await keyOf('A'), await keyOf('B')];
    assert.equal((await post(a)).statusCode, 200);
    assert.equal((await post(a)).statusCode, 200);
    const limited = await post(a);
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json()[0].code, 'OPEN311_RATE_LIMITED');
    assert.ok(Number(limited.headers['retry-after']) >= 1);
    assert.equal((await post(b)).statusCode, 200);
  });
});
