import assert from 'node:assert/strict';
import { test } from 'node:test';
import { suggestPlace } from '../../routing/index.js';
import { newApiKey, normaliseApiKey } from '../rules/api-key.js';
import { field, parseForm } from '../rules/form-body.js';
import { redactForPublic } from '../rules/redact.js';
import { render } from '../rules/render.js';
import { findServiceCode, servicesOf } from '../rules/services.js';
import { open311Status } from '../rules/status.js';
import { fullName, placeOfAddressId, readSubmission } from '../rules/submission.js';
import { formatW3cDatetime, parseW3cDatetime } from '../rules/w3c-datetime.js';

const townships = new Map([
  ['371302001', { code: '371302001', name: '兰山街道', villages: new Map([['371302001003', '后园社区居民委员会']]) }],
  ['371302004', { code: '371302004', name: '柳青街道', villages: new Map([['371302004001', '柳青苑社区居民委员会']]) }],
]);
const categories = new Map([
  ['01', { code: '01', name: '城乡建设', level: 1, parentCode: null }],
  ['0102', { code: '0102', name: '城市建设和市政管理', level: 2, parentCode: '01' }],
  ['010201', { code: '010201', name: '园林绿化环卫', level: 3, parentCode: '0102' }],
]);

test('W3C date-times need a zone; a bare day is China’s; an unescaped + is read back', () => {
  assert.equal(parseW3cDatetime('2010-01-01T00:00:00Z')?.toISOString(), '2010-01-01T00:00:00.000Z');
  assert.equal(parseW3cDatetime('1994-11-05T08:15:30-05:00')?.toISOString(), '1994-11-05T13:15:30.000Z');
  assert.equal(parseW3cDatetime('2026-03-02T09:00+08:00')?.toISOString(), '2026-03-02T01:00:00.000Z');
  assert.equal(parseW3cDatetime('2026-03-02T09:00:00.5 08:00')?.toISOString(), '2026-03-02T01:00:00.500Z');
  assert.equal(parseW3cDatetime('2026-03-02')?.toISOString(), '2026-03-01T16:00:00.000Z');
  for (const bad of ['2026-03-02T09:00:00', '2026-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-03-02T24:00:00Z', 'now', '2026-03-02T09:00:00+15:00', '']) assert.equal(parseW3cDatetime(bad), null, bad);
  assert.equal(formatW3cDatetime(new Date('2026-03-02T01:00:00Z')), '2026-03-02T09:00:00+08:00');
});

test('a form keeps repeated keys and attribute[...] keys as sent, and no key reaches a prototype', () => {
  const form = parseForm('api_key=k&attribute%5BWHISPAWN%5D=1&attribute[X][]=a&attribute[X][]=b&__proto__=x&description=%E8%B7%AF+%E7%81%AF');
  assert.equal(form['attribute[WHISPAWN]'], '1');
  assert.deepEqual(form['attribute[X][]'], ['a', 'b']);
  assert.equal(form.description, '路 灯');
  assert.equal(({} as Record<string, unknown>).x, undefined);
  assert.equal(field(form, '__proto__'), 'x');
  assert.equal(field({ a: '  ' }, 'a'), undefined, 'blank is absent');
});

test('XML escapes what people type and drops what XML cannot hold; JSON is the same tree', () => {
  const value = [{ service_code: '01', description: 'a<b & "c"\u0001', metadata: false, lat: undefined }];
  assert.equal(render('xml', 'services', value), '<?xml version="1.0" encoding="utf-8"?>\n<services>\n  <service>\n    <service_code>01</service_code>\n    <description>a&lt;b &amp; &quot;c&quot;</description>\n    <metadata>false</metadata>\n  </service>\n</services>\n');
  assert.deepEqual(JSON.parse(render('json', 'services', value)), [{ service_code: '01', description: 'a<b & "c"', metadata: false }]);
  assert.equal(render('xml', 'errors', []), '<?xml version="1.0" encoding="utf-8"?>\n<errors></errors>\n');
});

test('services: one per category with its path and level-1 group, plus 00; a code read as a number is found again', () => {
  const services = servicesOf(categories);
  assert.deepEqual(services.map((s) => [s.service_code, s.group, s.description]), [
    ['01', '城乡建设', '城乡建设'], ['0102', '城乡建设', '城乡建设 / 城市建设和市政管理'], ['010201', '城乡建设', '城乡建设 / 城市建设和市政管理 / 园林绿化环卫'], ['00', '其他', services[3]!.description],
  ]);
  assert.equal(findServiceCode(categories, '10201'), '010201');
  assert.equal(findServiceCode(categories, '1'), '01');
  assert.equal(findServiceCode(categories, '0'), '00');
  assert.equal(findServiceCode(categories, '102011'), null);
});

test('closed is closed; everything else, an answer awaiting its follow-up included, is open', () => {
  assert.equal(open311Status('closed'), 'closed');
  for (const s of ['received', 'dispatched', 'handling', 'returned', 'replied', 'rectifying', 'merged']) assert.equal(open311Status(s), 'open');
});

test('publishing hides numbers, e-mail addresses and the requester’s own name', () => {
  assert.equal(redactForPublic('欧阳明说：电话 0539-8123456，手机13812345678，邮箱 ouyang@qq.com', '欧阳明'), '欧某说：电话 0539-812****，手机138****5678，邮箱 o***@qq.com');
  assert.equal(redactForPublic('路灯不亮', null), '路灯不亮');
});

test('a POST’s fields: names in Chinese order, the place by address_id, every problem at once', () => {
  assert.equal(fullName('三', '张'), '张三');
  assert.equal(fullName('John', 'Smith'), 'John Smith');
  assert.deepEqual(placeOfAddressId(townships, '371302001003'), { townshipCode: '371302001', villageCode: '371302001003' });
  assert.deepEqual(placeOfAddressId(townships, '371302004'), { townshipCode: '371302004' });
  assert.equal(placeOfAddressId(townships, '371302004999'), null);
  const ok = readSubmission({ service_code: '010201', lat: '35.06', long: '118.35', description: ' 路灯 ', phone: '+86 138-1234-5678', first_name: '三', last_name: '张' }, categories, townships, 5000);
  assert.deepEqual(ok.submission, { categoryCode: '010201', content: '路灯', name: '张三', phone: '13812345678', latitude: 35.06, longitude: 118.35 });
  const bad = readSubmission({ lat: '35.06', long: 'east', description: 'x'.repeat(11) }, categories, townships, 10);
  assert.deepEqual(bad.errors.map((e) => e.code), ['OPEN311_SERVICE_CODE_MISSING', 'OPEN311_LAT_LONG_INVALID', 'OPEN311_DESCRIPTION_TOO_LONG']);
});

test('routing finds a township named in an address, but not in the county’s own name', () => {
  const place = (text: string) => suggestPlace({ text, townshipCode: null, villageCode: null }, { townships }).townshipCode;
  assert.equal(place('临沂市兰山区柳青街道沂蒙路'), '371302004');
  assert.equal(place('兰山区人民广场'), null);
  assert.equal(place('兰山街道'), '371302001');
  assert.equal(place('后园社区门口'), '371302001');
});

test('API keys: 160 random bits in a form that is checked before any lookup', () => {
  const key = newApiKey();
  assert.equal(normaliseApiKey(` ${key} `), key);
  assert.notEqual(newApiKey(), key);
  assert.equal(normaliseApiKey(key.toLowerCase()), null);
  assert.equal(normaliseApiKey(`${key}0`), null);
});
