import { formatDateTime } from '../../ui/format';
import { roleLabel } from './roles';
import { adminStrings as s } from './strings';

const d = s.security;

/** Names for ids the log records: units and accounts the page already knows. */
export interface Names {
  unit: (id: number) => string | undefined;
}

function value(key: string, raw: unknown, names: Names): string {
  if (key === 'defaultUnitId' && raw === null) return d.local;
  if (raw === null || raw === undefined) return key === 'wasLockedUntil' ? d.notLocked : '—';
  if (typeof raw === 'boolean') return raw ? d.yes : d.no;
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
    case 'wasLockedByAdministratorUntil':
      return formatDateTime(String(raw));
    case 'mustChangePassword':
      return raw === true ? d.yes : String(raw);
    case 'list':
      return d.lists[String(raw)] ?? String(raw);
    case 'role':
      return roleLabel(String(raw));
    case 'unitId':
    case 'scopeUnitId':
    case 'parentId':
    case 'defaultUnitId':
      return names.unit(Number(raw)) ?? `#${String(raw)}`;
    case 'by':
      return d.by[String(raw)] ?? String(raw);
    case 'grants':
      return Array.isArray(raw) && raw.length
        ? (raw as Array<{ role: string; unitId: number }>).map((g) => `${g.role}（${names.unit(g.unitId) ?? `#${g.unitId}`}）`).join('、')
        : '—';
    case 'rules': {
      const rules = Object.entries(raw as Record<string, number>);
      return rules.length ? rules.map(([code, threshold]) => `${code} ≥ ${Math.round(threshold * 100)}%`).join('、') : '—';
    }
    case 'figures':
      // Per model: the candidate's first-choice accuracy against the one in use, on the same held-out requests.
      return Object.entries(raw as Record<string, { heldOut: number; candidate: { accuracy: number }; current: { accuracy: number } | null }>)
        .map(([kind, f]) => d.figure(kind, f.heldOut, f.candidate.accuracy, f.current?.accuracy ?? null))
        .join('；');
    default:
      if (Array.isArray(raw)) return raw.length ? raw.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('、') : '—';
      // Nested facts (before, after, what a merge moved) read as their own label：value pairs.
      if (typeof raw === 'object' && (key === 'before' || key === 'after' || Object.keys(raw as object).every((k) => k in d.details))) {
        return describe(raw as Record<string, unknown>, names).join('，');
      }
      return typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
  }
}

/** An entry's details as "label：value" lines, in the words of the page. */
export function describe(details: Record<string, unknown>, names: Names): string[] {
  // In the order the labels are listed (reason first), unknown keys last.
  const order = Object.keys(d.details);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return Object.entries(details)
    .filter(([key]) => !d.hidden.includes(key))
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([key, raw]) => `${d.details[key] ?? key}：${value(key, raw, names)}`);
}
