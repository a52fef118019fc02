import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';
import { repoPath } from './platform/repo-path.js';
import { smsFromConfig } from './platform/sms.js';
import { systemTime, type TimeSource } from './platform/time.js';
import { CLI_TEXT } from './cli.strings.js';
import { installHolidayFile } from './modules/clock/index.js';
import { openPlatformKeyring } from './modules/audit/index.js';
import { ensureFirstCheckpoint, eraseExpiredPersonalData, makeCheckpoint, moduleJobRunner, sweepClocks } from './modules/cases/index.js';
import { DEMO_PASSWORD, seedDemoIfEmpty, type DemoAccount } from './modules/demo/index.js';

export interface ServerOptions {
  port: number;
  host: string;
  dataDir: string;
  /** The platform's secret key (seals the record, checks requesters' keys); kept outside the database. */
  keyFile: string;
  databaseUrl: string | null;
  demo: boolean;
  demoRequests: number;
  /** Reverse proxies allowed to name the client (FAZHI_TRUSTED_PROXIES, comma-separated addresses or CIDR ranges). */
  trustedProxies: string[];
  time?: TimeSource;
  log?: (line: string) => void;
  /** Seconds between clock sweeps (automatic urging). */
  sweepSeconds: number;
  /** Seconds between audit checkpoints (FAZHI_AUDIT_CHECKPOINT_SECONDS); one a minute bounds what can vanish unseen. */
  checkpointSeconds: number;
  /** Days after a case ends that its personal data is erased (FAZHI_PERSONAL_DATA_RETENTION_DAYS; 0 keeps it). */
  retentionDays: number;
  logger?: boolean;
  /** The county's holiday file for years the calendar package does not know yet (docs/holidays.md). */
  holidaysFile?: string | null;
}

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  close(): Promise<void>;
}

export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerOptions {
  const dataDir = env.FAZHI_DATA_DIR ?? './data';
  return {
    port: Number(env.PORT ?? 8080),
    // Reachable from this machine only, unless the operator says otherwise (README: behind a proxy).
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    keyFile: env.FAZHI_KEY_FILE ?? join(dataDir, 'fazhi.key'),
    databaseUrl: env.DATABASE_URL || null,
    demo: env.FAZHI_DEMO !== '0',
    trustedProxies: (env.FAZHI_TRUSTED_PROXIES ?? '').split(',').map((p) => p.trim()).filter(Boolean),
    demoRequests: Number(env.FAZHI_DEMO_REQUESTS ?? 400),
    sweepSeconds: Number(env.FAZHI_SWEEP_SECONDS ?? 60),
    checkpointSeconds: Number(env.FAZHI_AUDIT_CHECKPOINT_SECONDS ?? 60),
    retentionDays: Number(env.FAZHI_PERSONAL_DATA_RETENTION_DAYS ?? 1095),
    logger: env.FAZHI_LOG === '1',
    holidaysFile: env.FAZHI_HOLIDAYS_FILE || null,
  };
}

/** The witness of the audit checkpoints this server makes: a file beside the platform key (FAZHI_AUDIT_WITNESS_FILE). */
export function witnessFileFor(keyFile: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.FAZHI_AUDIT_WITNESS_FILE ?? join(dirname(keyFile), 'fazhi-checkpoints.jsonl');
}

/** Opens the database, migrates, seeds the demo county into an empty one, and listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const time = options.time ?? systemTime;
  if (options.holidaysFile) {
    // Before anything computes a limit: a bad file stops the start rather than leave limits uncomputable.
    const { added, alreadyKnown } = installHolidayFile(options.holidaysFile);
    log(CLI_TEXT.holidays(added, alreadyKnown));
  }
  const database = await openDatabase(options.databaseUrl ? { url: options.databaseUrl } : { dataDir: options.dataDir });
  await migrate(database);
  // After the database opens: a new embedded database wants an empty directory to start in.
  await openPlatformKeyring(database, options.keyFile, time.now());
  // Before anything is written: the first checkpoint seals what an earlier release wrote.
  const checkpoints = { witnessFile: witnessFileFor(options.keyFile), minIntervalMs: options.checkpointSeconds * 1000 };
  await ensureFirstCheckpoint(database, time.now(), checkpoints);
  let accounts: DemoAccount[] = [];
  if (options.demo) {
    const onSeeding = () => log('首次启动：正在生成演示数据（临沂市兰山区）…');
    const onResuming = () => log('上次生成演示数据时服务器中断，已清除未生成完的数据，重新生成。');
    const seeded = await seedDemoIfEmpty(database, { requests: options.demoRequests, now: time.now(), onSeeding, onResuming });
    if (seeded) {
      accounts = seeded.accounts;
      log(`演示数据已生成：${seeded.requests} 件诉求。`);
    }
  }
  const webDist = repoPath('web', 'dist');
  const app = await buildApp(
    {
      database,
      time,
      config: {
        intakeRateLimitPerMinute: Number(process.env.FAZHI_INTAKE_RATE_LIMIT ?? 30),
        open311RateLimitPerMinute: Number(process.env.FAZHI_OPEN311_RATE_LIMIT ?? 60),
        webDist: existsSync(webDist) ? webDist : null,
        secureCookies: process.env.FAZHI_SECURE_COOKIES === '1',
        trustedProxies: options.trustedProxies,
        demo: options.demo,
        sms: smsFromConfig({ webhookUrl: process.env.FAZHI_SMS_WEBHOOK_URL, webhookToken: process.env.FAZHI_SMS_WEBHOOK_TOKEN }, log),
      },
    },
    { logger: options.logger ?? false },
  );
  await app.listen({ port: options.port, host: options.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://localhost:${port}`;
  log(`Fazhi 法治 已启动：${url}  （数据库：${database.kind === 'postgres' ? 'PostgreSQL' : `内置 PGlite，数据目录 ${options.dataDir}`}）`);
  log(`  公众诉求页面：${url}/    工作台：${url}/staff    接口文档：${url}/api/docs`);
  if (accounts.length) {
    log(`  演示账号（密码均为 ${DEMO_PASSWORD}）：`);
    for (const a of accounts.slice(0, 12)) log(`    ${a.username.padEnd(24)} ${a.displayName}，${a.unitName}`);
    if (accounts.length > 12) log(`    …… 另有 ${accounts.length - 12} 个承办单位账号：dept-<部门>、town-<乡镇代码后三位>（负责人加 -leader），兰山街道的社区 community-001 和网格员 grid-001-1、grid-001-2`);
  }
  // The platform's own work, once a tick: urge by the clocks, seal a checkpoint of the record, run the modules' due jobs.
  let sweeping = false;
  // Personal data past its retention is looked for once an hour, not every tick.
  let lastRetention = 0;
  const runModuleJobs = moduleJobRunner();
  const timer = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    sweepClocks(database, time.now(), { onError: (error, clock) => app.log.error({ err: error, ...clock }, 'clock step failed; retried in an hour') })
      .catch((error: unknown) => app.log.error({ err: error }, 'clock sweep failed'))
      .then(() => makeCheckpoint(database, time.now(), checkpoints))
      .catch((error: unknown) => app.log.error({ err: error }, 'audit checkpoint failed'))
      .then(() => runModuleJobs(database, time.now(), (error, job) => app.log.error({ err: error, job }, 'module job failed; tried again at its next interval')))
      .then(() => (Date.now() - lastRetention > 3600_000 ? eraseExpiredPersonalData(database, options.retentionDays, time.now()).then(() => void (lastRetention = Date.now())) : undefined))
      .catch((error: unknown) => app.log.error({ err: error }, 'personal data retention failed'))
      .finally(() => (sweeping = false));
  }, options.sweepSeconds * 1000);
  timer.unref();
  return {
    app,
    database,
    url,
    async close() {
      clearInterval(timer);
      await app.close();
      await database.close();
    },
  };
}
