import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoPath } from '../src/platform/repo-path.js';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
}

export interface StartOptions {
  timeoutMs?: number;
  /** Listen on this port: a restarted server comes back where its clients expect it. */
  port?: number;
  /** Append the output to this file; only the start-up output is then kept in memory (a long soak logs a lot). */
  logFile?: string;
}

/** Starts `fazhi serve` as a real process and waits until it listens. */
export async function startServerProcess(env: Record<string, string>, options: StartOptions = {}): Promise<ServerProcess> {
  const { timeoutMs = 120_000, logFile } = options;
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [repoPath('bin', 'fazhi.js'), 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', FAZHI_INTAKE_RATE_LIMIT: '1000000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  let started = false;
  const file = logFile ? createWriteStream(logFile, { flags: 'a' }) : null;
  const take = (chunk: Buffer) => {
    file?.write(chunk);
    if (!file || !started) log += chunk;
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  child.once('exit', () => file?.end());
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    // Every way out clears both timers: one left behind would keep the test process alive.
    const settle = (error?: Error) => {
      clearInterval(poll);
      clearTimeout(timer);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const onExit = (code: number | null) => settle(new Error(`server exited ${code}:\n${log}`));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(new Error(`server did not start:\n${log}`));
    }, timeoutMs);
    child.once('exit', onExit);
    const poll = setInterval(() => log.includes('已启动') && settle(), 50);
  });
  started = true;
  return { url, port, child, output: () => log };
}

export async function stopServerProcess(server: ServerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill(signal);
  });
}

/** Waits until GET /api/health answers 200, as a load balancer would before sending it work. */
export async function waitForHealth(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`${url}/api/health`);
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url}/api/health did not answer 200 within ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}
