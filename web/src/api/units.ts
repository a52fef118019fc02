import { useEffect, useState } from 'react';
import { api } from './client';

export interface Unit {
  id: number;
  parentId: number | null;
  name: string;
  kind: string;
}

let unitsPromise: Promise<Unit[]> | null = null;

export function loadUnits(): Promise<Unit[]> {
  unitsPromise ??= api
    .get<{ units: Unit[] }>('/api/units')
    .then((r) => r.units ?? [])
    .catch((err: unknown) => {
      unitsPromise = null;
      throw err;
    });
  return unitsPromise;
}

/** Forget the cached units (after logout, another person may see another subtree). */
export function resetUnits(): void {
  unitsPromise = null;
}

export function useUnits(): { units: Unit[]; loading: boolean; error: unknown } {
  const [units, setUnits] = useState<Unit[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let alive = true;
    loadUnits().then(
      (u) => {
        if (!alive) return;
        setUnits(u);
        setLoading(false);
      },
      (e: unknown) => {
        if (!alive) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      alive = false;
    };
  }, []);
  return { units, loading, error };
}

export interface UnitTreeNode {
  value: number;
  title: string;
  key: number;
  children?: UnitTreeNode[];
}

/** Builds the TreeSelect tree; units whose parent is not visible become roots. */
export function unitTree(units: Unit[]): UnitTreeNode[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<number | null, Unit[]>();
  for (const u of units) {
    const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const build = (parent: number | null): UnitTreeNode[] =>
    (children.get(parent) ?? []).map((u) => {
      const sub = build(u.id);
      return { value: u.id, key: u.id, title: u.name, ...(sub.length ? { children: sub } : {}) };
    });
  return build(null);
}
