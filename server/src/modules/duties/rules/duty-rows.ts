// Rows of a county's import file (headers in Chinese) → duty items, with every problem listed
// by row number so the county can fix the whole file at once.
import { POWER_COLUMNS, ROW_PROBLEMS, TOWNSHIP_COLUMNS } from '../duties.strings.js';

export type DutyList = 'power' | 'township';

export interface DutyItem {
  code: string;
  list: DutyList;
  name: string;
  powerKind: string | null;
  unitId: number | null;
  level: string | null;
  townshipRole: '主责' | '配合' | null;
  basis: string;
  keywords: string[];
  categoryCodes: string[];
}

export interface RowResolvers {
  /** A unit id for a name, short name or key as written in the file. */
  unitId(nameOrKey: string): number | undefined;
  categoryExists(code: string): boolean;
}

/** Splits "油烟、烧烤, 餐饮" into words; the usual Chinese and latin separators all work. */
export function splitList(value: string): string[] {
  return [...new Set(value.split(/[、,，;；\s]+/u).map((s) => s.trim()).filter(Boolean))];
}

const HEADER_ROW = 1;

export function parseDutyRows(
  list: DutyList,
  records: Array<Record<string, string>>,
  resolve: RowResolvers,
): { items: DutyItem[]; problems: string[] } {
  const columns = list === 'power' ? POWER_COLUMNS : TOWNSHIP_COLUMNS;
  const required = list === 'power'
    ? [columns.code, columns.name, POWER_COLUMNS.unit, columns.basis, columns.keywords]
    : [columns.code, columns.name, TOWNSHIP_COLUMNS.role, columns.basis, columns.keywords];
  if (records.length === 0) return { items: [], problems: [ROW_PROBLEMS.noRows] };
  const missingColumns = required.filter((c) => !(c in records[0]!));
  if (missingColumns.length) return { items: [], problems: [ROW_PROBLEMS.missingColumns(missingColumns)] };

  const items: DutyItem[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  records.forEach((record, index) => {
    const row = index + HEADER_ROW + 1;
    const cell = (column: string) => (record[column] ?? '').trim();
    const before = problems.length;
    for (const column of required) if (!cell(column)) problems.push(ROW_PROBLEMS.missing(row, column));
    const code = cell(columns.code);
    if (code && seen.has(code)) problems.push(ROW_PROBLEMS.duplicateCode(row, code));
    seen.add(code);

    const unitName = cell(list === 'power' ? POWER_COLUMNS.unit : TOWNSHIP_COLUMNS.unit);
    const unitId = unitName ? resolve.unitId(unitName) : undefined;
    if (unitName && unitId === undefined) problems.push(ROW_PROBLEMS.unknownUnit(row, unitName));

    const role = list === 'township' ? cell(TOWNSHIP_COLUMNS.role) : '';
    if (role && role !== '主责' && role !== '配合') problems.push(ROW_PROBLEMS.badRole(row, role));

    const categoryCodes = splitList(cell(columns.categories));
    for (const c of categoryCodes) if (!resolve.categoryExists(c)) problems.push(ROW_PROBLEMS.unknownCategory(row, c));
    if (problems.length > before) return;
    items.push({
      code,
      list,
      name: cell(columns.name),
      powerKind: list === 'power' ? cell(POWER_COLUMNS.powerKind) || null : null,
      unitId: unitId ?? null,
      level: list === 'power' ? cell(POWER_COLUMNS.level) || null : null,
      townshipRole: list === 'township' ? (role as '主责' | '配合') : null,
      basis: cell(columns.basis),
      keywords: splitList(cell(columns.keywords)),
      categoryCodes,
    });
  });
  return { items, problems };
}
