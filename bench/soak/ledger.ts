// Everything the servers acknowledged, and everything that went wrong, with when and where.
// Times are milliseconds since the load began.

interface Timed {
  /** When the request was sent. */
  at: number;
  ms: number;
  server: string;
}

export interface RequestAck extends Timed {
  kind: 'public' | 'recorded';
  trackingCode: string;
  /** Operators are told the case id; citizens only the tracking code. */
  caseId?: string;
}

export interface ActionAck extends Timed {
  caseId: string;
  action: string;
  seq: number;
  state: string;
}

/** A citizen's rating answers 201 with the resulting state, without the event's seq. */
export interface RatingAck extends Timed {
  caseId: string;
  state: string;
}

export interface ServerError extends Timed {
  method: string;
  path: string;
  status: number;
  body: string;
  /** The server was being killed while this request was open. */
  duringKill: boolean;
}

export interface ConnectionFailure extends Timed {
  method: string;
  path: string;
  code: string;
}

export class Ledger {
  readonly requests: RequestAck[] = [];
  readonly actions: ActionAck[] = [];
  readonly ratings: RatingAck[] = [];
  readonly reads: Array<Timed & { what: string }> = [];
  readonly serverErrors: ServerError[] = [];
  /** Requests that failed because their server was killed: expected, not errors. */
  readonly killed: ConnectionFailure[] = [];
  /** Resets, refusals and timeouts from a server that was not being killed: never expected. */
  readonly survivorFailures: ConnectionFailure[] = [];
  /** 4xx answers by code: the soak's own conflicts after an unknown outcome, or a bug. */
  readonly refusals = new Map<string, number>();
  /** Cases the workflow gave up on, with why. */
  readonly abandoned: Array<{ caseId: string; state: string; reason: string }> = [];
  /** Ticks of the steady intake skipped because too many submissions were still open. */
  skippedTicks = 0;

  refuse(key: string): void {
    this.refusals.set(key, (this.refusals.get(key) ?? 0) + 1);
  }
}
