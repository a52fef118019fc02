import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

// Deadlines are days in China; a browser set to another zone must still show them so.
const ZONE = 'Asia/Shanghai';

export function formatDateTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const d = dayjs(value);
  return d.isValid() ? d.tz(ZONE).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const d = dayjs(value);
  return d.isValid() ? d.tz(ZONE).format('YYYY-MM-DD') : '—';
}

/** Today's date in China, whatever zone the browser is set to: the platform's days are China's. */
export function chinaToday(): string {
  return dayjs().tz(ZONE).format('YYYY-MM-DD');
}

/** A moment later today as "HH:mm" in China (a lock's end); another day adds the date. */
export function formatClockTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const d = dayjs(value);
  if (!d.isValid()) return '—';
  const china = d.tz(ZONE);
  return china.format('YYYY-MM-DD') === chinaToday() ? china.format('HH:mm') : china.format('M月D日 HH:mm');
}

export function formatDateTimeSeconds(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const d = dayjs(value);
  return d.isValid() ? d.tz(ZONE).format('YYYY-MM-DD HH:mm:ss') : '—';
}

/** A date and time picked on the page, read as China's wall clock (whatever zone the browser is in), as an ISO instant. */
export function chinaWallClockToIso(value: { format: (template: string) => string }): string {
  return dayjs.tz(value.format('YYYY-MM-DDTHH:mm:ss'), ZONE).toISOString();
}

/**
 * A limit's end. Day-counted limits run out at 24:00 of their last day (民法典 art. 203), stored as
 * the next midnight: shown as that last day at 24:00, not as the day after at 00:00.
 */
export function formatDue(value: string | number | Date | null | undefined): string {
  const day = dueDay(value);
  return day ? `${day} 24:00` : formatDateTime(value);
}

/** The last day of a limit that runs out at midnight in China, or null for one that ends within a day. */
export function dueDay(value: string | number | Date | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const d = dayjs(value);
  if (!d.isValid()) return null;
  const china = d.tz(ZONE);
  return china.format('HH:mm:ss.SSS') === '00:00:00.000' ? china.subtract(1, 'day').format('YYYY-MM-DD') : null;
}
