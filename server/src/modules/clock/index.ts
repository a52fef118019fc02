// The clock module's only public door: other modules import from here, never from its files.
export { ClockError, type ClockErrorCode } from './clock-errors.js';
export { isWorkingDay, coveredYears, addHolidayYears, parseDay, formatDay, type HolidayYear } from './calendar.js';
export { installHolidayFile, parseHolidayFile } from './holiday-file.js';
export {
  getRule,
  listRules,
  withCityOverrides,
  type ClockRule,
  type CityOverride,
  type RuleCatalogue,
  type RuleDirection,
  type RuleExtension,
  type RuleScope,
  type RuleUnit,
} from './rule-catalogue.js';
export {
  computeDueDate,
  computeDueInstant,
  endOfShanghaiDay,
  shanghaiDay,
  type DueDateOptions,
  type Suspension,
} from './rules/compute-due-date.js';
export { clockDueInstant, noticeDeadline, pausedDays, type ClockTimingOptions, type Pause } from './rules/paused-due.js';
export { runDeadlineCommand, runRulesCommand, type CommandResult } from './clock-cli.js';
