import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { freshDatabaseUrl } from './fresh-database-url.js';
import { buildApp } from '../src/app.js';
import { hashPassword } from '../src/modules/auth/index.js';
import { insertUsers, readDemoCounty, readDivisions, seedOrganisation, type SeededOrganisation } from '../src/modules/orgs/index.js';
import { seedTaxonomy } from '../src/modules/requests/index.js';
import type { StaffRole } from '../src/platform/actor.js';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import type { AppConfig } from '../src/platform/http/context.js';
import { installKeyring, keyringFromSecret } from '../src/platform/keyring.js';
import { capturingSms } from '../src/platform/sms.js';
import { fixedTime } from '../src/platform/time.js';

export const TEST_PASSWORD = 'Tp#Lanshan-2026x';

// Every test process seals events and checks requesters' keys with a key of its own.
export const TEST_KEYRING = keyringFromSecret(randomBytes(32));
installKeyring(TEST_KEYRING);

/** The databases a suite runs on: always the embedded one, PostgreSQL when a server is given. */
export function testBackends(): Array<{ name: string; url: string | null }> {
  const url = process.env.FAZHI_TEST_DATABASE_URL;
  return [{ name: 'PGlite', url: null }, ...(url ? [{ name: 'PostgreSQL', url }] : [])];
}

/**
 * A fresh, empty database: in-memory PGlite, or a new database on the PostgreSQL server;
 * migrated to this release unless told otherwise (a restore builds its own schema).
 */
export async function freshDatabase(url: string | null, options: { migrate?: boolean } = {}): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (!url) {
    const database = await openDatabase({ dataDir: null });
    if (options.migrate !== false) await migrate(database);
    return { database, drop: () => database.close() };
  }
  const target = await freshDatabaseUrl(url);
  const database = await openDatabase({ url: target.url });
  if (options.migrate !== false) await migrate(database);
  return {
    database,
    drop: async () => {
      await database.close();
      await target.drop();
    },
  };
}

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  time: ReturnType<typeof fixedTime>;
  org: SeededOrganisation;
  /** Text messages the app sent (to requesters' phones). */
  sms: ReturnType<typeof capturingSms>;
  /** The requester key in the last text message sent to this phone. */
  keySentTo(phone: string): string;
  /** Signs in now and returns the bearer header for that user. */
  as(username: string): Promise<Record<string, string>>;
  /**
   * A 工作人员 account at the unit with module roles granted for units, made by the administrator
   * through the API as a county would (the test password, no forced change).
   */
  makeStaff(username: string, unitId: number, grants: Array<{ role: string; unitId: number }>): Promise<number>;
  close(): Promise<void>;
}

/** The demo county's organisation with one user per role, and an app on it. Requests: none. */
export async function createTestContext(
  url: string | null,
  start = new Date('2026-03-02T09:00:00+08:00'),
  config: Partial<AppConfig> = {},
): Promise<TestContext> {
  const { database, drop } = await freshDatabase(url);
  const time = fixedTime(start);
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const org = await database.transaction(async (tx) => {
    const seeded = await seedOrganisation(tx, readDivisions('371302'), readDemoCounty());
    await seedTaxonomy(tx, (key) => seeded.departmentIds.get(key) ?? null);
    const user = (username: string, role: StaffRole, unitId: number, scopeUnitId = unitId) => ({ username, displayName: username, role, unitId, scopeUnitId, passwordHash });
    const housing = seeded.departmentIds.get('housing')!;
    const firstDept = [...seeded.departmentIds.values()].find((id) => id !== housing)!;
    const townId = [...seeded.townshipIds.values()][0]!;
    await insertUsers(tx, [
      user('operator', 'operator', seeded.centerId, seeded.governmentId),
      user('dispatcher', 'dispatcher', seeded.centerId, seeded.governmentId),
      user('supervisor', 'supervisor', seeded.centerId, seeded.governmentId),
      user('housing', 'handler', housing),
      user('housing-leader', 'unit_leader', housing),
      user('other-dept', 'handler', firstDept),
      user('town', 'handler', townId),
      user('leader', 'unit_leader', seeded.governmentId),
      user('admin', 'admin', seeded.governmentId),
    ]);
    return seeded;
  });
  const sms = capturingSms();
  const app = await buildApp({ database, time, config: { intakeRateLimitPerMinute: 10_000, webDist: null, secureCookies: false, sms, ...config } });
  const context: TestContext = {
    app,
    database,
    time,
    org,
    sms,
    keySentTo(phone) {
      const text = sms.sent.filter((m) => m.phone === phone).at(-1)?.text ?? '';
      const key = /评价码\s*([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)?.[1];
      if (!key) throw new Error(`no requester key was sent to ${phone}`);
      return key;
    },
    async as(username) {
      // A fresh sign-in each time: tests move the clock back and forth, and sessions live on that clock.
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.body}`);
      return { authorization: `Bearer ${res.json().token}` };
    },
    async makeStaff(username, unitId, grants) {
      const admin = await context.as('admin');
      const created = await app.inject({ method: 'POST', url: '/api/admin/users', headers: admin, payload: { username, displayName: username, role: 'staff', unitId } });
      if (created.statusCode !== 201) throw new Error(`create ${username}: ${created.body}`);
      const id = created.json().id as number;
      await database.backend.query('update users set password_hash = (select password_hash from users where username = $1), must_change_password = false where id = $2', ['admin', id], 'object');
      const granted = await app.inject({ method: 'PUT', url: `/api/admin/users/${id}/grants`, headers: admin, payload: { grants } });
      if (granted.statusCode !== 200) throw new Error(`grant ${username}: ${granted.body}`);
      return id;
    },
    async close() {
      await app.close();
      await drop();
    },
  };
  return context;
}
