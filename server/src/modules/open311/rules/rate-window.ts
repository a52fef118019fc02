/**
 * A fixed window per key: at most `max` takes in each `windowMs`. Held in this process, like the
 * platform's other limits; with several app servers each counts its own share.
 */
export class RateWindow {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts one; false when the key has used up its window (nothing is counted then). */
  take(key: string, nowMs: number): boolean {
    const w = this.windows.get(key);
    if (!w || nowMs - w.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.forgetOld(nowMs);
      this.windows.set(key, { start: nowMs, count: 1 });
      return true;
    }
    if (w.count >= this.max) return false;
    w.count++;
    return true;
  }

  /** Seconds until the key's window opens again. */
  retryAfter(key: string, nowMs: number): number {
    const w = this.windows.get(key);
    return w ? Math.max(1, Math.ceil((w.start + this.windowMs - nowMs) / 1000)) : 1;
  }

  private forgetOld(nowMs: number): void {
    for (const [key, w] of this.windows) if (nowMs - w.start >= this.windowMs) this.windows.delete(key);
  }
}
