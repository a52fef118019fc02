// Document numbers (发文字号) and dates as Chinese government documents write them.

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The calendar date in China (Asia/Shanghai has had no daylight saving since 1991). */
export function chinaDateParts(instant: Date): { year: number; month: number; day: number } {
  const d = new Date(instant.getTime() + CHINA_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 31 → 三十一 (months and days). */
function chineseSmall(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`}${ones === 0 ? '' : DIGITS[ones]}`;
}

/** 成文日期 as rulings write it: 2026-12-05 → 二〇二六年十二月五日. */
export function chineseDate(instant: Date): string {
  const { year, month, day } = chinaDateParts(instant);
  return `${[...String(year)].map((c) => DIGITS[Number(c)]).join('')}年${chineseSmall(month)}月${chineseSmall(day)}日`;
}

/** A date in running text: 2026-03-02 → 2026年3月2日. */
export function bodyDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export const NUMBERING_PLACEHOLDERS = ['organShort', 'year', 'n'] as const;

/** In a draft the sequence is left blank, as on a paper draft awaiting its number. */
const UNNUMBERED = '　　';

/**
 * '{organShort}复决字〔{year}〕第{n}号' with 兰政, 2026, 12 → 兰政复决字〔2026〕第12号.
 * `n` null gives the draft's line: 兰政复决字〔2026〕第　　号.
 */
export function formatDocumentNumber(pattern: string, values: { organShort: string; year: number; n: number | null }): string {
  return pattern.replace(/\{(organShort|year|n)\}/g, (_, name: string) =>
    name === 'organShort' ? values.organShort : name === 'year' ? String(values.year) : values.n === null ? UNNUMBERED : String(values.n));
}
