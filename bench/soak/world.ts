// What the soak's people need to know before they start: the county's townships and
// categories (from the public meta), and the units whose handlers take dispatches.
import type { SoakClient } from './client.js';

export interface Township {
  code: string;
  name: string;
  villages: Array<{ code: string; name: string }>;
}

export interface Category {
  code: string;
  name: string;
  level1Name: string;
}

/** A unit that takes dispatches, and the demo account that acts for it (staff act only for their own unit). */
export interface HandlingUnit {
  id: number;
  name: string;
  handler: string;
}

export interface World {
  townships: Township[];
  categories: Category[];
  units: HandlingUnit[];
}

/** Departments of the demo county whose handlers (dept-<key>) take part; every township (town-<code>) does. */
const DEPARTMENTS = ['housing', 'urban', 'sanitation', 'ecology', 'market', 'transport', 'water', 'enforcement'];

type Node = { code: string; name: string; children?: Node[] };

export async function readWorld(client: SoakClient): Promise<World> {
  const meta = await client.send('GET', '/api/public/meta');
  if (meta.kind !== 'answer' || meta.status !== 200) throw new Error('GET /api/public/meta failed');
  const { townships, categories: roots } = meta.body as { townships: Township[]; categories: Node[] };
  const categories: Category[] = [];
  for (const root of roots) {
    for (const middle of root.children ?? []) {
      for (const leaf of middle.children ?? []) categories.push({ code: leaf.code, name: leaf.name, level1Name: root.name });
    }
  }
  const handlers = [...DEPARTMENTS.map((key) => `dept-${key}`), ...townships.map((t) => `town-${t.code.slice(6)}`)];
  const units: HandlingUnit[] = [];
  for (const handler of handlers) {
    const me = await client.asStaff(handler, 'GET', '/api/auth/me');
    if (me.kind !== 'answer' || me.status !== 200) throw new Error(`${handler}: GET /api/auth/me failed`);
    const { unitId, unitName } = (me.body as { user: { unitId: number; unitName: string } }).user;
    units.push({ id: unitId, name: unitName, handler });
  }
  if (!categories.length || !townships.length) throw new Error('the demo county has no categories or townships');
  return { townships, categories, units };
}
