// The soak's HTTP client: sends each request to a server the router picks, and files what came
// back. A 5xx is recorded with the server that answered; a failed connection is the kill's
// doing only if that server was dead while the request was open, otherwise it is a failure.
import { requestJson, type JsonReply } from '../bench-kit.js';
import { DEMO_PASSWORD } from '../../server/src/modules/demo/index.js';
import type { Cluster, SoakServer } from './cluster.js';
import type { Ledger } from './ledger.js';

/** An answer below 500 (the caller decides what it means), or none worth reading. */
export type Outcome =
  | { kind: 'answer'; status: number; body: any; server: SoakServer; at: number; ms: number }
  | { kind: 'lost'; why: '5xx' | 'killed' | 'failed' | 'no server' };

export class SoakClient {
  private readonly tokens = new Map<string, Promise<string | null>>();
  private open = 0;
  private drained: (() => void) | null = null;

  constructor(
    private readonly cluster: Cluster,
    private readonly ledger: Ledger,
    private readonly now: () => number,
  ) {}

  /** One request to the next server that is up. */
  async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Outcome> {
    const server = this.cluster.pick();
    if (!server) return { kind: 'lost', why: 'no server' };
    const at = this.now();
    this.open++;
    server.sent();
    let reply: JsonReply;
    try {
      reply = await requestJson(server.agent, `${server.url}${path}`, method, body, headers);
    } catch (error) {
      const end = this.now();
      const failure = { at, ms: end - at, server: server.name, method, path, code: (error as NodeJS.ErrnoException).code ?? String(error) };
      const killed = server.deadDuring(at, end);
      (killed ? this.ledger.killed : this.ledger.survivorFailures).push(failure);
      return { kind: 'lost', why: killed ? 'killed' : 'failed' };
    } finally {
      if (--this.open === 0) this.drained?.();
    }
    const end = this.now();
    if (reply.status >= 500) {
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      this.ledger.serverErrors.push({ at, ms: end - at, server: server.name, method, path, status: reply.status, body: text.slice(0, 500), duringKill: server.deadDuring(at, end) });
      return { kind: 'lost', why: '5xx' };
    }
    return { kind: 'answer', status: reply.status, body: reply.body, server, at, ms: end - at };
  }

  /** As a staff member with a bearer token; signs in again when the session has ended (401). */
  async asStaff(username: string, method: string, path: string, body?: unknown): Promise<Outcome> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.token(username);
      if (!token) return { kind: 'lost', why: 'no server' };
      const outcome = await this.send(method, path, body, { authorization: `Bearer ${token}` });
      if (outcome.kind === 'answer' && outcome.status === 401 && attempt < 2) {
        this.tokens.delete(username);
        continue;
      }
      return outcome;
    }
  }

  private token(username: string): Promise<string | null> {
    let token = this.tokens.get(username);
    if (!token) {
      token = this.signIn(username);
      // A refused sign-in is not remembered: the next call tries again (and is refused again).
      token.catch(() => this.tokens.delete(username));
      this.tokens.set(username, token);
    }
    return token;
  }

  /** Tries until a server answers; a sign-in lost to a kill is simply repeated. */
  private async signIn(username: string): Promise<string | null> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const outcome = await this.send('POST', '/api/auth/login', { username, password: DEMO_PASSWORD });
      if (outcome.kind === 'answer') {
        if (outcome.status === 200) return (outcome.body as { token: string }).token;
        throw new Error(`${username} cannot sign in: ${outcome.status} ${JSON.stringify(outcome.body)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    this.tokens.delete(username);
    return null;
  }

  /** Resolves once no request is open. */
  async drain(): Promise<void> {
    if (this.open === 0) return;
    await new Promise<void>((resolve) => (this.drained = resolve));
    this.drained = null;
  }
}
