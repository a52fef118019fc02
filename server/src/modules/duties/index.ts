/** 权责清单 and 属地管理事项清单: who holds which power, and what a township owns at its place. */
export { dutyItems } from './duties.tables.js';
export { dutiesPlugin } from './duties.plugin.js';
export { runDutiesCommand } from './duties-cli.js';
export { loadDutyItems, replaceDutyList, previewDutyList, type DutyFile } from './operations/duty-store.js';
export { diffDutyLists, type DutyDiff, type DutyChange } from './rules/duty-diff.js';
export { readDutyFile } from './operations/read-duty-file.js';
export { readDutyListsFile, seedDutyLists, type DutyListsFile } from './operations/seed-duty-lists.js';
export { matchDutyItems, type DutyMatch } from './rules/match-duties.js';
export { parseDutyRows, splitList, type DutyItem, type DutyList } from './rules/duty-rows.js';
export { LIST_LABELS } from './duties.strings.js';
