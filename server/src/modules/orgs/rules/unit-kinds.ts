import { readFileSync } from 'node:fs';
import { repoPath } from '../../../platform/repo-path.js';

export interface UnitKind {
  kind: string;
  label: string;
  description: string;
}

let kinds: readonly UnitKind[] | undefined;

/** The kinds of unit the platform knows, from data/unit-kinds.json. */
export function unitKinds(): readonly UnitKind[] {
  kinds ??= Object.freeze((JSON.parse(readFileSync(repoPath('server/src/modules/orgs/data/unit-kinds.json'), 'utf8')) as { kinds: UnitKind[] }).kinds);
  return kinds;
}

export function isUnitKind(kind: string): boolean {
  return unitKinds().some((k) => k.kind === kind);
}

export function unitKindLabel(kind: string): string {
  return unitKinds().find((k) => k.kind === kind)?.label ?? kind;
}
