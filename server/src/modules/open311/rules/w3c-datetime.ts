// The W3C note's date-times (www.w3.org/TR/NOTE-datetime), which GeoReport v2 requires with a
// time zone. A bare day is read in China's time, the county's own.
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const CHINA_OFFSET_MS = 8 * 3600_000;

/** The instant a W3C date-time names; null when it is not one (or names no real day). */
export function parseW3cDatetime(input: string): Date | null {
  // A `+` left unescaped in a query string arrives as a space.
  const text = input.trim().replace(/ (\d{2}:\d{2})$/, '+$1');
  const day = DAY.exec(text);
  const m = day ?? DATETIME.exec(text);
  if (!m) return null;
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = day ? [0, 0, 0] : [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (month < 1 || month > 12 || date < 1 || date > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const utc = Date.UTC(year, month - 1, date, hour, minute, second, day ? 0 : Number(`0.${m[7] ?? 0}`) * 1000);
  const check = new Date(Date.UTC(year, month - 1, date));
  if (check.getUTCMonth() !== month - 1) return null; // 2026-02-30
  const zone = day ? '+08:00' : m[8]!;
  const offsetMs = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  if (Math.abs(offsetMs) > 14 * 3600_000) return null;
  return new Date(utc - offsetMs);
}

/** An instant as the county reads it: 2026-03-02T09:00:00+08:00. */
export function formatW3cDatetime(at: Date): string {
  return `${new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}
