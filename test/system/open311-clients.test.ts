import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { repoPath } from '../../server/src/platform/repo-path.js';
import { startServerProcess, stopServerProcess, type ServerProcess } from '../../server/test/server-process.js';

// A county's 12345 platform as other systems see it: a real server, a key issued on its console,
// and two clients that know nothing of the server's code. One is written here from the GeoReport
// v2 and Service Discovery pages of wiki.open311.org alone; the other is Code for America's
// `open311` npm package, run unchanged (test/open311-stand-ins/README.md says why two of its
// dependencies are stand-ins). Each submits, reads and lists requests in JSON and in XML.

// ---------------------------------------------------------------------------------------------
// The specification, as schemas: the fields each answer has, the values the specification fixes.
// ---------------------------------------------------------------------------------------------
const text = { type: ['string', 'null'] };
const w3c = { type: 'string', format: 'date-time' };
const SPEC = {
  discovery: {
    type: 'object',
    required: ['changeset', 'contact', 'key_service', 'endpoints'],
    properties: {
      changeset: { type: 'string' }, contact: { type: 'string' }, key_service: { type: 'string' },
      endpoints: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['specification', 'url', 'changeset', 'type', 'formats'],
          properties: { specification: { type: 'string' }, url: { type: 'string', format: 'uri' }, changeset: { type: 'string' }, type: { enum: ['production', 'test'] }, formats: { type: 'array', items: { type: 'string' } } },
        },
      },
    },
  },
  services: {
    type: 'array',
    items: {
      type: 'object',
      required: ['service_code', 'service_name', 'metadata', 'type'],
      properties: { service_code: { type: 'string', minLength: 1 }, service_name: { type: 'string' }, description: text, metadata: { type: 'boolean' }, type: { enum: ['realtime', 'batch', 'blackbox'] }, keywords: text, group: text },
    },
  },
  definition: {
    type: 'object',
    required: ['service_code', 'attributes'],
    properties: {
      service_code: { type: 'string' },
      attributes: {
        type: 'array',
        items: {
          type: 'object',
          required: ['variable', 'code', 'datatype', 'required', 'order'],
          properties: { variable: { type: 'boolean' }, code: { type: 'string' }, datatype: { enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] }, required: { type: 'boolean' }, order: { type: 'integer', minimum: 1 } },
        },
      },
    },
  },
  created: {
    type: 'array',
    minItems: 1,
    maxItems: 1,
    items: {
      type: 'object',
      properties: { service_request_id: { type: 'string', minLength: 1 }, token: { type: 'string' }, service_notice: text, account_id: text },
      oneOf: [{ required: ['service_request_id'] }, { required: ['token'] }],
    },
  },
  requests: {
    type: 'array',
    items: {
      type: 'object',
      required: ['service_request_id', 'status', 'service_code', 'requested_datetime'],
      properties: {
        service_request_id: { type: 'string', minLength: 1 },
        status: { enum: ['open', 'closed'] },
        status_notes: text, service_name: text, service_code: { type: 'string', minLength: 1 },
        description: { type: ['string', 'null'], maxLength: 4000 },
        agency_responsible: text, service_notice: text,
        requested_datetime: w3c, updated_datetime: { anyOf: [w3c, { type: 'null' }] }, expected_datetime: { anyOf: [w3c, { type: 'null' }] },
        address: text, address_id: text, zipcode: text,
        lat: { type: 'number', minimum: -90, maximum: 90 }, long: { type: 'number', minimum: -180, maximum: 180 },
        media_url: { anyOf: [{ type: 'string', format: 'uri' }, { type: 'null' }] },
      },
    },
  },
  errors: {
    type: 'array',
    minItems: 1,
    items: { type: 'object', required: ['code', 'description'], properties: { code: { type: ['string', 'number'] }, description: { type: 'string', minLength: 1 } } },
  },
} as const;

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
function conforms(kind: keyof typeof SPEC, value: unknown): void {
  const validate = ajv.compile(SPEC[kind]);
  assert.ok(validate(value), `${kind} does not follow GeoReport v2: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(value).slice(0, 600)}`);
}

// ---------------------------------------------------------------------------------------------
// A client from the specification alone: fetch, URLSearchParams and an XML parser.
// ---------------------------------------------------------------------------------------------
type Format = 'json' | 'xml';
type Fields = Record<string, string>;
/** The containers the specification defines, and the element each holds. */
const CONTAINERS: Record<string, string> = { services: 'service', service_requests: 'request', errors: 'error', attributes: 'attribute', values: 'value', endpoints: 'endpoint', formats: 'format' };
const BOOLEANS = new Set(['metadata', 'variable', 'required']);
const NUMBERS = new Set(['lat', 'long', 'order']);

/** The specification's XML, read into the same tree its JSON has. */
function fromXml(xml: string): unknown {
  const parsed = new XMLParser({ parseTagValue: false, ignoreDeclaration: true, isArray: (name) => Object.values(CONTAINERS).includes(name) }).parse(xml) as Record<string, unknown>;
  const [root] = Object.keys(parsed);
  const convert = (name: string, value: unknown): unknown => {
    if (name in CONTAINERS) return value === '' ? [] : ((value as Record<string, unknown[]>)[CONTAINERS[name]!] ?? []).map((item) => convert(CONTAINERS[name]!, item));
    if (value === '') return null;
    if (typeof value === 'object' && value) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(k, v)]));
    if (BOOLEANS.has(name)) return value === 'true';
    if (NUMBERS.has(name)) return Number(value);
    return value;
  };
  return convert(root!, parsed[root!]);
}

class GeoReportError extends Error {
  constructor(readonly status: number, readonly errors: Array<{ code: string; description: string }>) {
    super(`${status}: ${JSON.stringify(errors)}`);
  }
}

class GeoReportClient {
  endpoint = '';
  constructor(readonly format: Format, readonly apiKey: string, readonly jurisdiction?: string) {}

  private async read(res: Response): Promise<unknown> {
    const type = res.headers.get('content-type') ?? '';
    assert.match(type, this.format === 'json' ? /^application\/json; charset=utf-8/i : /^text\/xml; charset=utf-8/i);
    const body = await res.text();
    if (this.format === 'xml') assert.match(body, /^<\?xml version="1\.0" encoding="utf-8"\?>/i);
    const value = this.format === 'json' ? JSON.parse(body) : fromXml(body);
    if (!res.ok) {
      conforms('errors', value);
      throw new GeoReportError(res.status, value as Array<{ code: string; description: string }>);
    }
    return value;
  }

  private url(path: string, query: Fields = {}): string {
    const params = new URLSearchParams({ ...(this.jurisdiction ? { jurisdiction_id: this.jurisdiction } : {}), ...query });
    return `${this.endpoint}/${path}.${this.format}${params.size ? `?${params}` : ''}`;
  }

  /** Another client of the same endpoint (another key or jurisdiction). */
  withEndpoint(endpoint: string): this {
    this.endpoint = endpoint;
    return this;
  }

  /** The discovery file gives the GeoReport v2 production endpoint. */
  async discover(discoveryUrl: string): Promise<unknown> {
    const document = (await this.read(await fetch(`${discoveryUrl}.${this.format}`))) as { endpoints: Array<{ specification: string; type: string; url: string; formats: string[] }> };
    conforms('discovery', document);
    const endpoint = document.endpoints.find((e) => e.specification === 'http://wiki.open311.org/GeoReport_v2' && e.type === 'production');
    assert.ok(endpoint, 'a production GeoReport v2 endpoint');
    assert.ok(endpoint.formats.includes(this.format === 'json' ? 'application/json' : 'text/xml'));
    this.endpoint = endpoint.url.replace(/\/$/, '');
    return document;
  }

  async services() {
    const services = await this.read(await fetch(this.url('services')));
    conforms('services', services);
    return services as Array<{ service_code: string; service_name: string; metadata: boolean; group: string }>;
  }

  async definition(code: string) {
    const definition = await this.read(await fetch(this.url(`services/${encodeURIComponent(code)}`)));
    conforms('definition', definition);
    return definition as { service_code: string; attributes: unknown[] };
  }

  async submit(fields: Fields) {
    const body = new URLSearchParams({ api_key: this.apiKey, ...(this.jurisdiction ? { jurisdiction_id: this.jurisdiction } : {}), ...fields });
    const res = await fetch(`${this.endpoint}/requests.${this.format}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body });
    const created = await this.read(res);
    conforms('created', created);
    return (created as Array<{ service_request_id: string; service_notice: string | null; account_id: string | null }>)[0]!;
  }

  async request(id: string) {
    const found = await this.read(await fetch(this.url(`requests/${encodeURIComponent(id)}`)));
    conforms('requests', found);
    return (found as RequestView[])[0]!;
  }

  async requests(query: Fields = {}) {
    const found = await this.read(await fetch(this.url('requests', query)));
    conforms('requests', found);
    return found as RequestView[];
  }
}

interface RequestView {
  service_request_id: string;
  status: string;
  status_notes: string | null;
  service_code: string;
  description: string | null;
  address: string | null;
  lat?: number;
  long?: number;
  media_url: string | null;
  requested_datetime: string;
}

// ---------------------------------------------------------------------------------------------
// The `open311` npm package, callbacks made promises.
// ---------------------------------------------------------------------------------------------
interface Open311Package {
  endpoint?: string;
  serviceDiscovery(options: Record<string, unknown>, callback: (err: unknown, data: unknown) => void): void;
  serviceList(callback: (err: unknown, data: unknown) => void): void;
  serviceDefinition(code: string, callback: (err: unknown, data: unknown) => void): void;
  submitRequest(data: Record<string, unknown>, callback: (err: unknown, data: unknown) => void): void;
  serviceRequest(id: string | string[] | Record<string, unknown>, ...rest: unknown[]): void;
}
const Open311 = createRequire(import.meta.url)('open311') as new (options: Record<string, unknown>) => Open311Package;
const call = <T>(run: (callback: (err: unknown, data: unknown) => void) => void) =>
  new Promise<T>((resolve, reject) => run((err, data) => (err ? reject(new Error(`open311 package: ${String(err)} ${String(data)}`)) : resolve(data as T))));

// ---------------------------------------------------------------------------------------------

const LEAF = '010201'; // 城乡建设 / 城市建设和市政管理 / 园林绿化环卫
const fazhi = (args: string[], env: Record<string, string>) => spawnSync(process.execPath, [repoPath('bin', 'fazhi.js'), ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });

describe('Open311 clients that know only the specification, against a running server', { timeout: 300_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-open311-'));
  const env = { FAZHI_DATA_DIR: dataDir, FAZHI_DEMO: '0' };
  let server: ServerProcess;
  let apiKey: string;

  before(async () => {
    assert.equal(fazhi(['org', 'init'], env).status, 0);
    const created = fazhi(['open311', 'keys', 'create', '兰山区城管APP'], env);
    assert.equal(created.status, 0, created.stdout + created.stderr);
    apiKey = /^o311_[0-9A-Z]{32}$/m.exec(created.stdout)![0];
    server = await startServerProcess(env);
  });
  after(async () => {
    if (server) await stopServerProcess(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  for (const format of ['json', 'xml'] as const) {
    test(`a client written from the specification discovers, lists services, submits, reads and lists in ${format.toUpperCase()}`, async () => {
      const client = new GeoReportClient(format, apiKey, '371302');
      await client.discover(`${server.url}/open311/discovery`);
      assert.equal(client.endpoint, `${server.url}/open311/v2`);

      const services = await client.services();
      const service = services.find((s) => s.service_code === LEAF)!;
      assert.equal(service.service_name, '园林绿化环卫');
      assert.equal(service.group, '城乡建设');
      if (service.metadata) assert.ok(Array.isArray((await client.definition(LEAF)).attributes));
      assert.deepEqual(await client.definition(LEAF), { service_code: LEAF, attributes: [] });

      const created = await client.submit({
        service_code: LEAF, lat: '35.0621', long: '118.3563', address_string: '柳青街道沂蒙北路88号', first_name: '三', last_name: '张',
        phone: '13812345678', email: 'zhang@example.cn', account_id: `acct-${format}`, description: `${format} 路灯坏了一个月，晚上很黑。`, media_url: 'https://img.example.cn/1.jpg',
      });
      assert.equal(created.account_id, `acct-${format}`);
      assert.ok(created.service_notice);

      const read = await client.request(created.service_request_id);
      assert.equal(read.service_request_id, created.service_request_id);
      assert.equal(read.status, 'open');
      assert.equal(read.status_notes, '待处理');
      assert.equal(read.service_code, LEAF);
      assert.equal(read.description, `${format} 路灯坏了一个月，晚上很黑。`);
      assert.deepEqual([read.lat, read.long, read.media_url], [35.0621, 118.3563, 'https://img.example.cn/1.jpg']);

      const listed = await client.requests({ status: 'open', service_code: LEAF });
      assert.ok(listed.some((r) => r.service_request_id === created.service_request_id));
      const start = new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');
      assert.ok((await client.requests({ start_date: start })).some((r) => r.service_request_id === created.service_request_id));
      assert.deepEqual((await client.requests({ service_request_id: created.service_request_id })).map((r) => r.service_request_id), [created.service_request_id]);
      assert.ok(!JSON.stringify(listed).includes('13812345678') && !JSON.stringify(listed).includes('zhang@example.cn'));

      // The specification's errors: 403 for the key, 404 for what does not exist, 400 otherwise.
      const refused = async (run: () => Promise<unknown>) => run().then(() => assert.fail('not refused'), (e: unknown) => e as GeoReportError);
      assert.equal((await refused(() => new GeoReportClient(format, 'o311_WRONG', '371302').withEndpoint(client.endpoint).submit({ service_code: LEAF, address_string: '柳青街道', description: 'x' }))).status, 403);
      assert.equal((await refused(() => client.submit({ service_code: '999999', address_string: '柳青街道', description: 'x' }))).status, 404);
      assert.equal((await refused(() => client.submit({ service_code: LEAF, description: 'x' }))).status, 400);
      assert.equal((await refused(() => client.requests({ start_date: 'yesterday' }))).status, 400);
      assert.equal((await refused(() => client.request('00000000-0000-4000-8000-000000000000'))).status, 404);
      assert.equal((await refused(() => new GeoReportClient(format, apiKey, 'sfgov.org').withEndpoint(client.endpoint).services())).status, 404);
    });
  }

  for (const format of ['json', 'xml'] as const) {
    test(`the open311 npm package, unchanged, discovers, submits, reads and lists in ${format.toUpperCase()}`, async () => {
      const city = new Open311({ discovery: `${server.url}/open311/discovery.${format}`, jurisdiction: '371302', apiKey, format });
      await call((cb) => city.serviceDiscovery({ cache: true }, cb));
      assert.equal(city.endpoint, `${server.url}/open311/v2/`);
      // Discovery picks JSON whenever it is offered (the package's choice): ask for each in turn.
      const client = new Open311({ endpoint: city.endpoint, jurisdiction: '371302', apiKey, format });

      const services = await call<Array<{ service_code: string | number; service_name: string }>>((cb) => client.serviceList(cb));
      assert.ok(services.length > 500);
      assert.ok(services.some((s) => s.service_name === '园林绿化环卫'));
      const definition = await call<{ service_code: string | number }>((cb) => client.serviceDefinition(LEAF, cb));
      assert.equal(String(definition.service_code).padStart(6, '0'), LEAF);

      // An XML reader that takes 010201 for a number hands back 10201: the server still knows it.
      const code = format === 'xml' ? String(services.find((s) => s.service_name === '园林绿化环卫')!.service_code) : LEAF;
      const created = await call<Array<{ service_request_id: string; service_notice: string }>>((cb) =>
        client.submitRequest({ service_code: code, address_string: '兰山街道后园社区', description: `open311 ${format} 垃圾桶满了没人清运`, first_name: '四', last_name: '李', attributes: { NONE: 'x' } }, cb));
      const id = created[0]!.service_request_id;
      assert.match(id, /^[0-9a-f-]{36}$/);
      assert.match(created[0]!.service_notice, /查询码/);

      const one = await call<Array<{ service_request_id: string; status: string; status_notes: string; requested_datetime: Date }>>((cb) => client.serviceRequest(id, cb));
      assert.equal(one[0]!.service_request_id, id);
      assert.equal(one[0]!.status, 'open');
      assert.equal(one[0]!.status_notes, '待处理');
      assert.ok(one[0]!.requested_datetime instanceof Date && !Number.isNaN(one[0]!.requested_datetime.getTime()));

      const open = await call<Array<{ service_request_id: string; description: string }>>((cb) => client.serviceRequest({ status: 'open' }, cb));
      const mine = open.find((r) => r.service_request_id === id)!;
      assert.equal(mine.description, `open311 ${format} 垃圾桶满了没人清运`);
      const byIds = await call<Array<{ service_request_id: string }>>((cb) => client.serviceRequest([id], {}, cb));
      assert.deepEqual(byIds.map((r) => r.service_request_id), [id]);
    });
  }
});
