import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { freshDatabase, testBackends } from '../../../../test/test-context.js';
import type { Database } from '../../db/database.js';
import { installErrorHandling } from '../error-handler.js';

/** Each query makes PostgreSQL raise one data exception (SQLSTATE class 22) or a unique violation. */
const failing: Record<string, (db: Database) => Promise<unknown>> = {
  '22P02 invalid text representation': (d) => d.db.execute(sql`select ${'not-a-uuid'}::uuid`),
  '22003 numeric value out of range': (d) => d.db.execute(sql`select ${'99999999999'}::int`),
  '22007 invalid datetime format': (d) => d.db.execute(sql`select ${'yesterday-ish'}::date`),
  '22008 datetime field overflow': (d) => d.db.execute(sql`select ${'2026-02-30'}::date`),
  '22021 NUL in text': (d) => d.db.execute(sql`select ${'a\u0000b'}::text`),
  '22P05 NUL in jsonb': (d) => d.db.execute(sql`select ${'{"a":"\\u0000"}'}::jsonb`),
  '22001 string too long': (d) =>
    d.transaction(async (tx) => {
      await tx.execute(sql`create temporary table too_long (v varchar(3)) on commit drop`);
      await tx.execute(sql`insert into too_long values (${'abcdef'})`);
    }),
};

for (const backend of testBackends()) {
  describe(`database errors over HTTP (${backend.name})`, () => {
    let app: FastifyInstance;
    let database: Database;
    let drop: () => Promise<void>;
    before(async () => {
      ({ database, drop } = await freshDatabase(backend.url));
      app = Fastify();
      installErrorHandling(app);
      app.get('/fail/:name', async (request) => failing[(request.params as { name: string }).name]!(database));
      app.get('/duplicate', async () =>
        database.transaction(async (tx) => {
          await tx.execute(sql`create temporary table once (v int primary key) on commit drop`);
          await tx.execute(sql`insert into once values (1), (1)`);
        }),
      );
    });
    after(async () => {
      await app?.close();
      await drop?.();
    });

    test('a data exception the schemas let through is bad input (400), not a server fault', async () => {
      for (const name of Object.keys(failing)) {
        const res = await app.inject({ url: `/fail/${encodeURIComponent(name)}` });
        assert.equal(res.statusCode, 400, `${name}: ${res.body}`);
        assert.equal(res.json().error.code, 'VALIDATION_FAILED');
        assert.match(res.json().error.message, /[\u4e00-\u9fa5]/);
        assert.doesNotMatch(res.body, /select|uuid|jsonb/i, 'the database message is not shown');
      }
    });

    test('a unique violation raised through Drizzle is a conflict', async () => {
      const res = await app.inject({ url: '/duplicate' });
      assert.equal(res.statusCode, 409, res.body);
      assert.equal(res.json().error.code, 'CONFLICT');
    });
  });
}
