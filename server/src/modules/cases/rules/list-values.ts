import type { EscalationStep, ListColumn } from '../case-type.js';

export type ClockStatus = 'green' | 'yellow' | 'red' | 'paused' | 'stopped';

/**
 * How a clock stands, by its own escalation: yellow once its first step's share of the time is
 * used (80 % by default), red once the limit has passed; a clock that stands still is paused.
 */
export function clockStatus(
  clock: { startedAt: Date; dueAt: Date; pausedAt?: Date | null; stoppedAt?: Date | null },
  steps: readonly EscalationStep[],
  now: Date,
): ClockStatus {
  if (clock.stoppedAt) return 'stopped';
  if (clock.pausedAt) return 'paused';
  if (now.getTime() >= clock.dueAt.getTime()) return 'red';
  const first = steps[0];
  if (first && first.at < 1) {
    const warnAt = clock.startedAt.getTime() + (clock.dueAt.getTime() - clock.startedAt.getTime()) * first.at;
    if (now.getTime() >= warnAt) return 'yellow';
  }
  return 'green';
}

/** An instant as China's wall-clock time, "2026-03-02 08:30", for tables people read. */
export function chinaDateTime(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** A calendar day `YYYY-MM-DD` that exists, or null. */
export function parseDay(text: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const time = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === text ? text : null;
}

/** The first instant of a China calendar day, and of the day after it. */
export function chinaDayBounds(day: string): { start: string; end: string } {
  const start = Date.parse(`${day}T00:00:00+08:00`);
  return { start: new Date(start).toISOString(), end: new Date(start + 86_400_000).toISOString() };
}

/** A row id as text (`12`), or null. */
export function parseRowId(text: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= 2_147_483_647 ? id : null;
}

/**
 * A listing value as the API gives it: dates `YYYY-MM-DD`, instants ISO, money and numbers as
 * numbers, unit ids as numbers, text as text. The database hands them over as JSON.
 */
export function normaliseValue(column: ListColumn, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'date':
      return String(value).slice(0, 10);
    case 'datetime': {
      const at = new Date(value as string);
      return Number.isNaN(at.getTime()) ? String(value) : at.toISOString();
    }
    case 'money':
    case 'number':
    case 'unit': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(n) ? n : String(value);
    }
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

/** A listing value as a person reads it (a choice's label, a unit's name, China time). */
export function displayValue(column: ListColumn, value: string | number | null, unitName: (id: number) => string | null): string | null {
  if (value === null) return null;
  switch (column.kind) {
    case 'choice':
      return column.options && Object.hasOwn(column.options, String(value)) ? column.options[String(value)]! : String(value);
    case 'unit':
      return typeof value === 'number' ? (unitName(value) ?? String(value)) : String(value);
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? chinaDateTime(new Date(value)) : String(value);
    case 'money':
      return typeof value === 'number' ? value.toFixed(2) : String(value);
    default:
      return String(value);
  }
}
