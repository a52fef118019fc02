import type { AdminUnit, UnitKindInfo } from './settings-api';

export interface AdminTreeNode {
  key: number;
  value: number;
  title: string;
  unit: AdminUnit;
  disabled?: boolean;
  children?: AdminTreeNode[];
}

/** The administrator's units as a tree; a unit whose parent is outside the list is a root. Those `keep` drops are left out with their subtrees. */
export function adminTree(units: readonly AdminUnit[], keep: (u: AdminUnit) => boolean = () => true, enabled?: (u: AdminUnit) => boolean): AdminTreeNode[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<number | null, AdminUnit[]>();
  for (const u of units) {
    if (!keep(u)) continue;
    const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const build = (parent: number | null): AdminTreeNode[] =>
    (children.get(parent) ?? []).map((u) => {
      const sub = build(u.id);
      return { key: u.id, value: u.id, title: u.name, unit: u, ...(enabled && !enabled(u) ? { disabled: true } : {}), ...(sub.length ? { children: sub } : {}) };
    });
  return build(null);
}

/** Ids of the unit and every unit below it. */
export function subtreeOf(units: readonly AdminUnit[], id: number): Set<number> {
  const below = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of units) {
      if (u.parentId === null || !below.has(u.parentId) || below.has(u.id)) continue;
      below.add(u.id);
      grew = true;
    }
  }
  return below;
}

/** Units whose name matches, with their ancestors so the tree still reads; null: no filter. */
export function matching(units: readonly AdminUnit[], text: string): Set<number> | null {
  const q = text.trim();
  if (!q) return null;
  const byId = new Map(units.map((u) => [u.id, u]));
  const shown = new Set<number>();
  for (const u of units) {
    if (!u.name.includes(q) && !(u.shortName ?? '').includes(q)) continue;
    for (let at: AdminUnit | undefined = u; at && !shown.has(at.id); at = at.parentId !== null ? byId.get(at.parentId) : undefined) shown.add(at.id);
  }
  return shown;
}

/** The kinds an administrator may add under a unit of this kind. */
export function kindsUnder(kinds: readonly UnitKindInfo[], parentKind: string): UnitKindInfo[] {
  return kinds.filter((k) => k.addable && k.parents.includes(parentKind));
}

/** The region code a unit of this kind must have under its parent: its length and prefix; null when it takes none. */
export function regionRule(kind: string, parentRegion: string | null): { digits: number; prefix: string } | null {
  const digits = kind === 'township' ? 9 : kind === 'community' ? 12 : 0;
  return digits && parentRegion ? { digits, prefix: parentRegion } : null;
}
