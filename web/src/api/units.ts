import { useEffect, useState } from 'react';
import { api } from './client';

export interface Unit {
  id: number;
  parentId: number | null;
  name: string;
  kind: string;
}

/** Cached per module: in one module's forms a person may pick the units its roles were granted for. */
const unitsPromises = new Map<string, Promise<Unit[]>>();

export function loadUnits(module?: string): Promise<Unit[]> {
  const key = module ?? '';
  let promise = unitsPromises.get(key);
  if (!promise) {
    promise = api
      .get<{ units: Unit[] }>('/api/units', module ? { query: { module } } : undefined)
      .then((r) => r.units ?? [])
      .catch((err: unknown) => {
        unitsPromises.delete(key);
        throw err;
      });
    unitsPromises.set(key, promise);
  }
  return promise;
}

/** Forget the cached units (after logout, another person may see another subtree). */
export function resetUnits(): void {
  unitsPromises.clear();
}

/** The units the person may pick: their scope, and with `module` also that module's granted units. */
export function useUnits(module?: string): { units: Unit[]; loading: boolean; error: unknown } {
  const [units, setUnits] = useState<Unit[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let alive = true;
    loadUnits(module).then(
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
  }, [module]);
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
