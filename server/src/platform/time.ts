/** The platform's source of time; tests and the demo generator replace it. */
export interface TimeSource {
  now(): Date;
}

export const systemTime: TimeSource = { now: () => new Date() };

/** A clock that stands still until moved, for tests. */
export function fixedTime(start: Date): TimeSource & { set(at: Date): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => (current = new Date(at)),
    advance: (ms) => (current = new Date(current.getTime() + ms)),
  };
}
