import { formatDateTime } from '../../ui/format';
import { roleLabel } from './roles';
import { adminStrings as s } from './strings';

const d = s.security;

/** Names for ids the log records: units and accounts the page already knows. */
export interface Names {
  unit: (id: number) => string | undefined;
}

function value(key: string, raw: unknown, names: Names): string {
  if (raw === null || raw === undefined) return key === 'wasLockedUntil' ? d.notLocked : '—';
  switch (key) {
    case 'reason':
      return d.reasons[String(raw)] ?? String(raw);
    case 'accountFailures':
    case 'clientFailures':
    case 'failures':
      return d.times(Number(raw));
    case 'sessionsEnded':
      return d.sessions(Number(raw));
    case 'lockedUntil':
    case 'wasLockedUntil':
      return formatDateTime(String(raw));
    case 'mustChangePassword':
      return raw === true ? d.yes : String(raw);
    case 'role':
      return roleLabel(String(raw));
    case 'unitId':
    case 'scopeUnitId':
      return names.unit(Number(raw)) ?? `#${String(raw)}`;
    case 'by':
      return d.by[String(raw)] ?? String(raw);
    case 'before':
    case 'after':
      return typeof raw === 'object' ? describe(raw as Record<string, unknown>, names).join('，') : String(raw);
    default:
      return typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
  }
}

/** An entry's details as "label：value" lines, in the words of the page. */
export function describe(details: Record<string, unknown>, names: Names): string[] {
  // In the order the labels are listed (reason first), unknown keys last.
  const order = Object.keys(d.details);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return Object.entries(details)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([key, raw]) => `${d.details[key] ?? key}：${value(key, raw, names)}`);
}
