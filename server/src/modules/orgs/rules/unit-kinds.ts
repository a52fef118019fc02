import { readFileSync } from 'node:fs';
import { repoPath } from '../../../platform/repo-path.js';

export interface UnitKind {
  kind: string;
  label: string;
  description: string;
  /** Kinds of unit this kind may sit under. */
  parents: string[];
  /** Whether an administrator may add one in the pages. */
  addable: boolean;
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

/** May a unit of this kind sit under a unit of that kind? */
export function mayPlaceUnder(kind: string, parentKind: string): boolean {
  return unitKinds().find((k) => k.kind === kind)?.parents.includes(parentKind) ?? false;
}
