/**
 * When an inner dispatch (a co-handler, a community or grid) must answer the lead: by the end
 * of the day the lead names (China time), never after the lead's own limit; when the lead names
 * none, once `share` of the lead's remaining time has run. A day before today or after the lead's
 * limit is refused (null). A lead already late gives its helpers its own limit: late as well.
 */
export function innerDueAt(leadDueAt: Date, now: Date, share: number, replyBy?: string): Date | null {
  if (replyBy !== undefined) {
    // A limit at midnight closes the day before it.
    if (replyBy < chinaDay(now) || replyBy > chinaDay(new Date(leadDueAt.getTime() - 1))) return null;
    const endOfDay = new Date(Date.parse(`${replyBy}T00:00:00+08:00`) + DAY);
    return endOfDay < leadDueAt ? endOfDay : leadDueAt;
  }
  if (leadDueAt <= now) return leadDueAt;
  return new Date(now.getTime() + Math.round((leadDueAt.getTime() - now.getTime()) * share));
}

const DAY = 86_400_000;

/** The calendar day in China (UTC+8, no daylight saving) of an instant, YYYY-MM-DD. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
