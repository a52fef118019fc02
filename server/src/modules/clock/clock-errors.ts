/**
 * Why a clock could not be computed. Every code means the caller's input or the
 * calendar data must change; none is worth retrying.
 */
export type ClockErrorCode =
  /** No rule with that id in the catalogue (or in the city's overrides). */
  | 'RULE_NOT_FOUND'
  /** A date falls in a year the holiday package does not know (ruling 9): update `chinese-days`. */
  | 'CALENDAR_YEAR_UNKNOWN'
  /** A date is not a real `YYYY-MM-DD` day, or an hour rule was given a day without a time. */
  | 'INVALID_DATE'
  /** `extend` was asked for on a rule the law gives no extension. */
  | 'EXTENSION_NOT_ALLOWED'
  /** A suspension is malformed, starts before the clock, or the rule cannot be suspended. */
  | 'INVALID_SUSPENSION'
  /** A city tried to override a national rule, or gave an unusable value. */
  | 'OVERRIDE_NOT_ALLOWED'
  /** The county's holiday file (FAZHI_HOLIDAYS_FILE) cannot be read or does not hold a State Council schedule. */
  | 'HOLIDAY_FILE_INVALID';

export class ClockError extends Error {
  readonly code: ClockErrorCode;

  constructor(code: ClockErrorCode, message: string) {
    super(message);
    this.name = 'ClockError';
    this.code = code;
  }
}
