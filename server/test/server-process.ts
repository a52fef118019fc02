import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
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
  child: ChildProcess;
  output: () => string;
}

/** Starts `fazhi serve` as a real process and waits until it listens. */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 120_000): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [repoPath('bin', 'fazhi.js'), 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', FAZHI_INTAKE_RATE_LIMIT: '1000000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
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
  return { url, child, output: () => log };
}

export async function stopServerProcess(server: ServerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill(signal);
  });
}
