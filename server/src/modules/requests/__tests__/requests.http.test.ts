import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { createTestContext, TEST_PASSWORD, testBackends, type TestContext } from '../../../../test/test-context.js';
import { bombPng, exifTags, GPS_IFD_POINTER, isBlue, isRed, phoneJpeg, pixelAt, plainImage, PNG_SIGNATURE } from '../../../../test/test-images.js';

const TOWNSHIP = '371302001'; // 兰山街道
const VILLAGE = '371302001001';
const LEAF = '011003'; // 城乡建设/住房保障与房地产/物业服务 → housing, rx12345.general
const HOUR = 3600_000;

for (const backend of testBackends()) {
  describe(`接诉即办 over HTTP on ${backend.name}`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await createTestContext(backend.url);
    });
    after(async () => ctx?.close());

    const submit = async (payload: Record<string, unknown>) =>
      ctx.app.inject({ method: 'POST', url: '/api/public/requests', payload: { content: '小区电梯坏了一周，物业一直不修，老人上下楼很困难。', townshipCode: TOWNSHIP, ...payload } });
    const act = async (user: string, caseId: string, action: string, payload: Record<string, unknown> = {}) =>
      ctx.app.inject({ method: 'POST', url: `/api/requests/${caseId}/actions/${action}`, headers: await ctx.as(user), payload });
    const detail = async (user: string, caseId: string) =>
      ctx.app.inject({ method: 'GET', url: `/api/requests/${caseId}`, headers: await ctx.as(user) });
    const caseIdOf = async (code: string) =>
      (await ctx.database.backend.query('select case_id from hotline_requests where tracking_code = $1', [code], 'array')).rows[0] as [string];
    const eventCount = async (caseId: string) =>
      ((await ctx.database.backend.query('select count(*)::int from case_events where case_id = $1', [caseId], 'array')).rows[0] as [number])[0];

    test('a citizen submits, tracks, and after the answer rates it; staff carry it through', async () => {
      // A phone photo: sideways pixels with EXIF orientation, the camera's make and the GPS of the citizen's home.
      const sent = await phoneJpeg(800, 600);
      assert.ok(exifTags((await sharp(sent).metadata()).exif!).includes(GPS_IFD_POINTER));
      const photo = sent.toString('base64');
      const created = await submit({ name: '张三丰', phone: '13812345678', villageCode: VILLAGE, photo: { mimeType: 'image/jpeg', dataBase64: photo } });
      assert.equal(created.statusCode, 201, created.body);
      const { trackingCode, requesterKey } = created.json();
      assert.match(requesterKey, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      assert.equal(ctx.keySentTo('13812345678'), requesterKey, 'the key also goes to the phone given');
      assert.match(trackingCode, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
      const [caseId] = await caseIdOf(trackingCode);

      const tracked = await ctx.app.inject({ url: `/api/public/requests/${trackingCode.toLowerCase().replace(/-/g, '')}` });
      assert.equal(tracked.statusCode, 200);
      assert.equal(tracked.json().status, 'received');
      assert.equal(tracked.json().canEvaluate, false);

      // The operator classifies and dispatches to the housing bureau on a Monday morning.
      const housing = ctx.org.departmentIds.get('housing')!;
      assert.equal((await act('operator', caseId, 'dispatch', { unitId: housing, requestType: '投诉', categoryCode: LEAF, urgency: 'normal' })).statusCode, 200);
      const afterDispatch = (await detail('dispatcher', caseId)).json();
      assert.equal(afterDispatch.state, 'dispatched');
      // 5 working days from Mon 2026-03-02: due at the end of Mon 2026-03-09.
      assert.equal(afterDispatch.dispatches[0].dueAt, new Date('2026-03-10T00:00:00+08:00').toISOString());
      assert.equal(afterDispatch.dispatches[0].responseDueAt, new Date('2026-03-03T09:00:00+08:00').toISOString());

      // Another department cannot see it at all.
      assert.equal((await detail('other-dept', caseId)).statusCode, 404);
      assert.equal((await act('other-dept', caseId, 'sign')).statusCode, 404);

      ctx.time.advance(2 * HOUR);
      assert.equal((await act('housing', caseId, 'sign')).statusCode, 200);
      const seen = (await detail('housing', caseId)).json();
      assert.equal(seen.request.requesterPhone, '13812345678', 'the lead unit handler calls the requester back');
      assert.equal(seen.attachments.length, 1);
      const image = await ctx.app.inject({ url: seen.attachments[0].url, headers: await ctx.as('housing') });
      assert.equal(image.headers['content-type'], 'image/jpeg');
      assert.equal(image.headers['x-content-type-options'], 'nosniff');
      assert.equal(image.headers['content-disposition'], `inline; filename="photo-${seen.attachments[0].id}.jpg"`);
      assert.match(String(image.headers['content-security-policy']), /default-src 'none'.*sandbox/, 'opened on its own, it runs nothing');
      // Stored re-encoded: upright, and nothing of the camera's metadata, the GPS position least of all.
      const stored = await sharp(image.rawPayload).metadata();
      assert.deepEqual([stored.format, stored.width, stored.height], ['jpeg', 600, 800]);
      assert.deepEqual([stored.exif, stored.xmp, stored.icc, stored.orientation], [undefined, undefined, undefined, undefined]);
      assert.equal(image.rawPayload.includes('FazhiPhone'), false);
      assert.ok(isRed(await pixelAt(image.rawPayload, 300, 100)) && isBlue(await pixelAt(image.rawPayload, 300, 700)), 'turned upright');
      assert.equal(seen.attachments[0].size, image.rawPayload.length);
      // The opening event's hash is of the stored photo, so the chain vouches for what staff see.
      const [opening] = (await ctx.database.backend.query("select payload from case_events where case_id = $1 and type = 'submitted'", [caseId], 'array')).rows[0] as [{ photoSha256: string }];
      assert.equal(opening.photoSha256, createHash('sha256').update(image.rawPayload).digest('hex'));
      assert.equal((await ctx.app.inject({ url: seen.attachments[0].url, headers: await ctx.as('other-dept') })).statusCode, 404);
      const leaderView = (await detail('housing-leader', caseId)).json();
      assert.equal(leaderView.request.requesterPhone, '138****5678');
      assert.equal(leaderView.request.requesterName, '张**');
      assert.equal((await act('housing', caseId, 'contact', { note: '已电话联系' })).statusCode, 200);

      // Extension: requested by the unit, approved by the center: +5 working days from the same start.
      assert.equal((await act('housing', caseId, 'request_extension', { reason: '需要更换主板' })).statusCode, 200);
      assert.equal((await act('dispatcher', caseId, 'approve_extension')).statusCode, 200);
      const extended = (await detail('dispatcher', caseId)).json();
      assert.equal(extended.dispatches[0].dueAt, new Date('2026-03-17T00:00:00+08:00').toISOString());

      // Co-handling: the lead invites a township; the township sees the case.
      const townId = [...ctx.org.townshipIds.values()][0]!;
      assert.equal((await act('housing', caseId, 'invite_assist', { unitIds: [townId], note: '请协助入户核实' })).statusCode, 200);
      assert.equal((await detail('town', caseId)).statusCode, 200);

      ctx.time.advance(24 * HOUR);
      assert.equal((await act('housing', caseId, 'reply', { reply: '已督促物业更换电梯主板，电梯已恢复运行。' })).statusCode, 200);
      const replied = (await ctx.app.inject({ url: `/api/public/requests/${trackingCode}` })).json();
      assert.equal(replied.status, 'replied');
      assert.equal(replied.canEvaluate, true);
      assert.match(replied.reply.text, /电梯已恢复运行/);

      // The citizen is not satisfied: a rectification opens with its own deadline.
      const rated = await ctx.app.inject({ method: 'POST', url: `/api/public/requests/${trackingCode}/evaluation`, payload: { key: requesterKey, resolved: false, satisfaction: 'dissatisfied', comment: '电梯还是经常停' } });
      assert.equal(rated.statusCode, 201, rated.body);
      assert.equal(rated.json().status, 'rectifying');
      const again = await ctx.app.inject({ method: 'POST', url: `/api/public/requests/${trackingCode}/evaluation`, payload: { key: requesterKey, resolved: false, satisfaction: 'dissatisfied' } });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'ACTION_NOT_ALLOWED_IN_STATE');
      const rectifying = (await detail('dispatcher', caseId)).json();
      assert.ok(rectifying.evaluations[0].rectificationDueAt);

      assert.equal((await act('housing', caseId, 'contact', { note: '整改前再次联系诉求人' })).statusCode, 200);
      assert.equal((await act('housing', caseId, 'reply', { reply: '整改：已更换电梯控制柜并安排每周巡检。' })).statusCode, 200);
      assert.equal((await act('operator', caseId, 'follow_up', { resolved: true, satisfaction: 'satisfied', comment: '满意' })).statusCode, 200);
      const closed = (await detail('dispatcher', caseId)).json();
      assert.equal(closed.state, 'closed');
      assert.ok(closed.evaluations[0].rectifiedAt);
      assert.deepEqual(closed.timeline.map((e: { type: string }) => e.type), [
        'submitted', 'dispatch', 'sign', 'contact', 'request_extension', 'approve_extension', 'invite_assist', 'reply', 'citizen_evaluate', 'contact', 'reply', 'follow_up',
      ]);

      // A closed request can be reopened by the center.
      assert.equal((await act('dispatcher', caseId, 'reopen', { reason: '诉求人再次来电反映' })).statusCode, 200);
      assert.equal((await detail('dispatcher', caseId)).json().state, 'received');
    });

    test('a return goes to the dispatch center, which re-dispatches or rules who owns it', async () => {
      const { trackingCode } = (await submit({})).json();
      const [caseId] = await caseIdOf(trackingCode);
      const housing = ctx.org.departmentIds.get('housing')!;
      const townId = [...ctx.org.townshipIds.values()][0]!;
      await act('operator', caseId, 'dispatch', { unitId: housing, requestType: '投诉', categoryCode: LEAF });
      const returned = await act('housing', caseId, 'return', { reason: '属于属地管理事项' });
      assert.equal(returned.statusCode, 200);
      assert.equal((await detail('dispatcher', caseId)).json().state, 'returned');
      const signAgain = await act('housing', caseId, 'sign');
      assert.equal(signAgain.json().error.code, 'ACTION_NOT_ALLOWED_IN_STATE', 'a returned dispatch cannot be signed');
      assert.equal((await act('dispatcher', caseId, 'redispatch', { unitId: townId, reason: '按属地原则改派' })).statusCode, 200);
      assert.equal((await act('town', caseId, 'return', { reason: '应由住建部门负责' })).statusCode, 200);
      assert.equal((await act('dispatcher', caseId, 'rule_owner', { unitId: townId, ruling: '属地管理事项清单第12项，由街道办理' })).statusCode, 200);
      const d = (await detail('dispatcher', caseId)).json();
      assert.equal(d.state, 'dispatched');
      assert.deepEqual(d.dispatches.map((x: { status: string }) => x.status), ['returned', 'returned', 'pending']);
    });

    test('an illegal action is refused with a stable code and changes nothing', async () => {
      const { trackingCode } = (await submit({})).json();
      const [caseId] = await caseIdOf(trackingCode);
      const before = await eventCount(caseId);
      const reply = await act('operator', caseId, 'follow_up', { resolved: true, satisfaction: 'satisfied' });
      assert.equal(reply.statusCode, 409);
      assert.equal(reply.json().error.code, 'ACTION_NOT_ALLOWED_IN_STATE');
      const wrongRole = await act('housing', caseId, 'dispatch', { unitId: 2 });
      assert.equal(wrongRole.statusCode, 404, 'a unit that does not see the case learns nothing');
      const hugeUnit = await act('operator', caseId, 'dispatch', { unitId: 2 ** 31, requestType: '投诉', categoryCode: LEAF });
      assert.equal(hugeUnit.json().error.code, 'ACTION_INPUT_INVALID', 'a unit id beyond any row is refused before the database');
      const unclassified = await act('operator', caseId, 'dispatch', { unitId: ctx.org.departmentIds.get('housing')! });
      assert.equal(unclassified.json().error.code, 'NOT_CLASSIFIED');
      const badInput = await act('operator', caseId, 'answer_directly', { reply: '' });
      assert.equal(badInput.json().error.code, 'ACTION_INPUT_INVALID');
      const unknown = await act('operator', caseId, 'teleport', {});
      assert.equal(unknown.json().error.code, 'ACTION_UNKNOWN');
      assert.equal(await eventCount(caseId), before);
      assert.equal((await detail('dispatcher', caseId)).json().state, 'received');
    });

    test('bad input gets a Chinese message and a stable code, and stores nothing', async () => {
      const count = async () =>
        (await ctx.database.backend.query('select (select count(*)::int from hotline_requests), (select count(*)::int from hotline_attachments)', [], 'array')).rows[0] as [number, number];
      const before = await count();
      const jpeg = await phoneJpeg();
      const photo = (mimeType: string, bytes: Buffer) => ({ photo: { mimeType, dataBase64: bytes.toString('base64') } });
      const cases: Array<[Record<string, unknown>, number, string]> = [
        [{ content: '   ' }, 400, 'CONTENT_EMPTY'],
        [{ content: '长'.repeat(10_000) }, 400, 'CONTENT_TOO_LONG'],
        [{ townshipCode: '999999999' }, 400, 'REGION_UNKNOWN'],
        [{ villageCode: '371302999999' }, 400, 'REGION_UNKNOWN'],
        [{ categoryCode: '999999' }, 400, 'CATEGORY_UNKNOWN'],
        [{ phone: '12345' }, 400, 'PHONE_INVALID'],
        [{ photo: { mimeType: 'image/png', dataBase64: Buffer.from('not an image at all').toString('base64') } }, 415, 'PHOTO_NOT_IMAGE'],
        [{ photo: { mimeType: 'image/jpeg', dataBase64: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(5_300_000)]).toString('base64') } }, 413, 'PHOTO_TOO_LARGE'],
        [photo('image/png', Buffer.concat([PNG_SIGNATURE, Buffer.from('<script>alert(document.cookie)</script>')])), 415, 'PHOTO_NOT_IMAGE'],
        [photo('image/png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')), 415, 'PHOTO_NOT_IMAGE'],
        [photo('image/jpeg', jpeg.subarray(0, Math.floor(jpeg.length * 0.6))), 415, 'PHOTO_NOT_IMAGE'],
        [photo('image/png', bombPng(20_000, 20_000)), 413, 'PHOTO_TOO_MANY_PIXELS'],
        [{ townshipCode: 'abc' }, 400, 'VALIDATION_FAILED'],
        [{ unexpected: 1 }, 400, 'VALIDATION_FAILED'],
      ];
      for (const [payload, status, code] of cases) {
        const res = await submit(payload);
        assert.equal(res.statusCode, status, `${code}: ${res.body.slice(0, 200)}`);
        assert.equal(res.json().error.code, code);
        assert.match(res.json().error.message, /[\u4e00-\u9fa5]/, 'the message is in Chinese');
      }
      assert.deepEqual(await count(), before);
      for (const code of ['0000-0000-0000-0000', 'nonsense', 'A'.repeat(40)]) {
        const res = await ctx.app.inject({ url: `/api/public/requests/${code}` });
        assert.equal(res.statusCode, 404);
        assert.equal(res.json().error.code, 'REQUEST_NOT_FOUND');
      }
    });

    test('an operator records a call with a large photo: it is stored scaled down to 4096 px', async () => {
      const big = await plainImage('jpeg', 6000, 4000);
      const recorded = await ctx.app.inject({
        method: 'POST', url: '/api/requests', headers: await ctx.as('operator'),
        payload: { content: '路口井盖缺失，存在安全隐患。', townshipCode: TOWNSHIP, photo: { mimeType: 'image/jpeg', dataBase64: big.toString('base64') } },
      });
      assert.equal(recorded.statusCode, 201, recorded.body);
      const { attachments } = (await detail('dispatcher', recorded.json().caseId)).json();
      const image = await ctx.app.inject({ url: attachments[0].url, headers: await ctx.as('dispatcher') });
      const stored = await sharp(image.rawPayload).metadata();
      assert.deepEqual([stored.format, stored.width, stored.height], ['jpeg', 4096, 2731]);
    });

    test('staff endpoints need a session; web sessions need the CSRF token on writes', async () => {
      assert.equal((await ctx.app.inject({ url: '/api/requests' })).statusCode, 401);
      const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'operator', password: TEST_PASSWORD } });
      const cookie = login.headers['set-cookie'] as string;
      assert.match(cookie, /HttpOnly/i);
      const session = cookie.split(';')[0]!;
      const csrf = login.json().csrfToken;
      const body = { content: '路灯不亮', townshipCode: TOWNSHIP };
      const without = await ctx.app.inject({ method: 'POST', url: '/api/requests', headers: { cookie: session }, payload: body });
      assert.equal(without.statusCode, 403);
      assert.equal(without.json().error.code, 'CSRF_INVALID');
      const withToken = await ctx.app.inject({ method: 'POST', url: '/api/requests', headers: { cookie: session, 'x-csrf-token': csrf }, payload: body });
      assert.equal(withToken.statusCode, 201);
      const wrong = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'operator', password: 'nope' } });
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.json().error.code, 'LOGIN_FAILED');
    });

    test('the to-do list shows each role its own work with clocks', async () => {
      const { trackingCode } = (await submit({ content: '楼道灯坏了' })).json();
      const [caseId] = await caseIdOf(trackingCode);
      await act('operator', caseId, 'dispatch', { unitId: ctx.org.departmentIds.get('housing')!, requestType: '求助', categoryCode: LEAF });
      const todo = (await ctx.app.inject({ url: '/api/requests?view=todo', headers: await ctx.as('housing') })).json();
      const row = todo.items.find((i: { caseId: string }) => i.caseId === caseId);
      assert.ok(row, 'the dispatch is on the unit to-do list');
      assert.equal(row.clock.status, 'green');
      ctx.time.advance(10 * 24 * HOUR);
      const late = (await ctx.app.inject({ url: '/api/requests?view=todo', headers: await ctx.as('housing') })).json();
      assert.equal(late.items.find((i: { caseId: string }) => i.caseId === caseId).clock.status, 'red');
      const other = (await ctx.app.inject({ url: '/api/requests?view=all', headers: await ctx.as('other-dept') })).json();
      assert.equal(other.items.some((i: { caseId: string }) => i.caseId === caseId), false);
    });

    test('a page beyond any list is refused as bad input', async () => {
      const res = await ctx.app.inject({ url: '/api/requests?view=all&page=1e%2B308', headers: await ctx.as('dispatcher') });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.details[0].field, 'page');
    });

    test('the OpenAPI document is served', async () => {
      const res = await ctx.app.inject({ url: '/api/docs/json' });
      assert.equal(res.statusCode, 200);
      assert.ok(res.json().paths['/api/public/requests']);
    });
  });
}
