// Strict calendar days for the import. The clock module has the same check (calendar.ts parseDay)
// but keeps it internal, and it throws; an importer collecting every problem wants a null.
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a real `YYYY-MM-DD` day (2019-02-29 and 2019-7-1 are null). */
export function isoDayNumber(text: string): number | null {
  const match = ISO_DAY.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC maps years 0–99 to 1900–1999, so the year is compared too.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return ms / MS_PER_DAY;
}

/**
 * The day an Excel date cell shows. Excel stores a wall-clock serial with no time zone and
 * exceljs hands it over as the Date whose UTC fields are that wall clock, so the day is read in
 * UTC: shifting to Asia/Shanghai (+8) would turn a cell of 2019-07-01 18:00 into 07-02.
 */
export function excelCellDay(value: Date): string | null {
  const ms = value.getTime();
  if (!Number.isFinite(ms)) return null;
  return new Date(ms).toISOString().slice(0, 10);
}
