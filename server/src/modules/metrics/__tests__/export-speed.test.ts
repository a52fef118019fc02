import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestContext, type TestContext } from '../../../../test/test-context.js';
import { at } from './hand-county.js';

const OPEN_REQUESTS = 10_000;
const EXTRA_UNITS = 500;
const LIMIT_MS = 5_000;

// Large tables written straight into the database (the engine's path is measured by the
// intake bench): 10,000 open dispatches for the drill-down, 500 more units for the ranking.
describe('large Excel exports on PGlite', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext(null, at('2026-03-20T09:00:00'));
    const housing = ctx.org.departmentIds.get('housing')!;
    const now = ctx.time.now().toISOString();
    const q = (sql: string, params: unknown[] = []) => ctx.database.backend.query(sql, params, 'object');
    await q(
      `insert into cases (id, case_type, state, owner_unit_id, region_code, last_seq, last_hash, created_at, updated_at)
       select md5('case' || i)::uuid, 'hotline_request', 'dispatched', $1, '371302001', 0, 'x', $2::timestamptz - i * interval '1 minute', $2::timestamptz
         from generate_series(1, ${OPEN_REQUESTS}) i`,
      [housing, now],
    );
    await q(
      `insert into hotline_requests (case_id, tracking_code, channel, request_type, category_code, title, content, township_code, received_at)
       select md5('case' || i)::uuid, 'T' || lpad(i::text, 8, '0'), 'phone', '投诉', '011003', '第' || i || '号诉求：小区路灯不亮', '小区路灯不亮，夜间出行不便', '371302001',
              $1::timestamptz - i * interval '1 minute'
         from generate_series(1, ${OPEN_REQUESTS}) i`,
      [now],
    );
    await q(
      `insert into hotline_dispatches (id, case_id, unit_id, role, status, dispatched_at, response_due_at, due_at)
       select md5('dispatch' || i)::uuid, md5('case' || i)::uuid, $1, 'lead', 'pending', $2::timestamptz - i * interval '1 minute',
              $2::timestamptz - i * interval '1 minute' + interval '1 day', $2::timestamptz + (i % 20 - 10) * interval '1 day'
         from generate_series(1, ${OPEN_REQUESTS}) i`,
      [housing, now],
    );
    const gov = (await q(`select path from units where id = $1`, [ctx.org.governmentId])).rows[0] as { path: string };
    await q(
      `insert into units (id, parent_id, path, name, kind)
       select 100000 + i, $1, $2 || (100000 + i) || '/', '测试单位' || i, 'department' from generate_series(1, ${EXTRA_UNITS}) i`,
      [ctx.org.governmentId, gov.path],
    );
  });
  after(async () => ctx?.close());

  const timed = async (url: string) => {
    const headers = await ctx.as('leader');
    const started = performance.now();
    const res = await ctx.app.inject({ url, headers });
    const ms = performance.now() - started;
    assert.equal(res.statusCode, 200, res.body);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return { ms, rows: book.worksheets[0]!.rowCount, bytes: res.rawPayload.length };
  };

  test(`the drill-down export of ${OPEN_REQUESTS} open requests takes well under ${LIMIT_MS / 1000} s`, async (t) => {
    const { ms, rows, bytes } = await timed(`/api/stats/cases/export.xlsx?unitId=${ctx.org.governmentId}&kind=open`);
    t.diagnostic(`drill-down export: ${OPEN_REQUESTS} rows, ${(bytes / 1024).toFixed(0)} KiB in ${ms.toFixed(0)} ms`);
    assert.equal(rows, OPEN_REQUESTS + 3);
    assert.ok(ms < LIMIT_MS, `${ms} ms`);
  });

  test(`the ranking export of ${EXTRA_UNITS}+ units takes well under ${LIMIT_MS / 1000} s`, async (t) => {
    const { ms, rows } = await timed(`/api/stats/export/ranking.xlsx?unitId=${ctx.org.governmentId}&from=2026-01-01&to=2026-03-31`);
    t.diagnostic(`ranking export: ${rows - 4} units in ${ms.toFixed(0)} ms`);
    assert.ok(rows > EXTRA_UNITS);
    assert.ok(ms < LIMIT_MS, `${ms} ms`);
  });
});
