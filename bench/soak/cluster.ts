// The two app servers of the soak: started together on one database and one data directory,
// killed with SIGKILL in turn and restarted on the same port, and the router in front of them
// that, like a load balancer, sends work only to servers that answer /api/health.
import http from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServerProcess, stopServerProcess, waitForHealth, type ServerProcess } from '../../server/test/server-process.js';

/** When a server was dead: from its SIGKILL until the restarted one answered /api/health. */
export interface Death {
  killedAt: number;
  readyAt: number | null;
}

export class SoakServer {
  state: 'up' | 'down' = 'down';
  readonly deaths: Death[] = [];
  /** Keep-alive sockets, as a load balancer keeps them; the kernel resets them when the process dies. */
  readonly agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  process!: ServerProcess;
  port: number | undefined;
  private waiting: Array<() => void> = [];

  constructor(readonly name: string) {}

  /** Resolves when the next request is sent here: a kill then lands with work in flight. */
  nextRequest(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Called by the client as it sends a request to this server. */
  sent(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  get url(): string {
    return this.process.url;
  }

  /** Did the request [from, to] overlap a time this server was dead? Its failure is then the kill's doing. */
  deadDuring(from: number, to: number): boolean {
    return this.deaths.some((d) => d.killedAt <= to && (d.readyAt === null || from <= d.readyAt));
  }
}

export class Cluster {
  readonly servers: SoakServer[];
  private turn = 0;

  constructor(
    private readonly env: Record<string, string>,
    private readonly logDir: string,
    private readonly now: () => number,
  ) {
    this.servers = ['A', 'B'].map((name) => new SoakServer(name));
  }

  /** Both at once on the empty database: one migrates and seeds, the other waits for it. */
  async start(): Promise<void> {
    const started = await Promise.allSettled(this.servers.map((s) => this.launch(s)));
    for (const s of started) if (s.status === 'rejected') throw s.reason;
  }

  private async launch(server: SoakServer, death?: Death): Promise<void> {
    server.process = await startServerProcess(this.env, { port: server.port, logFile: join(this.logDir, `server-${server.name}.log`) });
    server.port = server.process.port;
    await waitForHealth(server.url);
    // Dead until here: any failure of a request sent before it is the kill's doing.
    if (death) death.readyAt = this.now();
    server.state = 'up';
  }

  /** The next server that is up, in turn (round robin); undefined when none is. */
  pick(): SoakServer | undefined {
    for (let i = 0; i < this.servers.length; i++) {
      const server = this.servers[this.turn++ % this.servers.length]!;
      if (server.state === 'up') return server;
    }
    return undefined;
  }

  /**
   * SIGKILL mid-request (0–5 ms after one was sent, so anywhere from parsing to commit to
   * answering), then the same server again on its port; resolves once it answers /api/health.
   */
  async killAndRestart(server: SoakServer): Promise<Death> {
    await Promise.race([server.nextRequest(), sleep(10_000)]);
    await sleep(Math.random() * 5);
    const death: Death = { killedAt: this.now(), readyAt: null };
    server.state = 'down';
    server.deaths.push(death);
    await stopServerProcess(server.process, 'SIGKILL');
    await this.launch(server, death);
    return death;
  }

  async stop(): Promise<void> {
    for (const server of this.servers) server.state = 'down';
    await Promise.all(this.servers.map(async (s) => {
      if (s.process) await stopServerProcess(s.process);
      s.agent.destroy();
    }));
  }
}
