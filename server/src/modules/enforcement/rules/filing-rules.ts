import { readFileSync } from 'node:fs';
import { repoPath } from '../../../platform/repo-path.js';

const BY_FIELD: Readonly<Record<string, string>> = Object.freeze(
  (JSON.parse(readFileSync(repoPath('server/src/modules/enforcement/data/filing-rules.json'), 'utf8')) as { byField: Record<string, string> }).byField,
);

/** The clock rule for filing a case of this field, or null where its procedure sets none. */
export function filingRuleFor(field: string): string | null {
  return BY_FIELD[field] ?? null;
}
