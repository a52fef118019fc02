import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { regions, units } from '../orgs/index.js';
import { hotlineCategories } from './requests.tables.js';

export interface ReferenceData {
  /** The hotline center: the organ that receives every request and runs it. */
  centerUnitId: number | null;
  countyCode: string;
  countyName: string;
  townships: Map<string, { code: string; name: string; villages: Map<string, string> }>;
  categories: Map<string, { code: string; name: string; level: number; parentCode: string | null; clockRule: string | null; defaultUnitId: number | null }>;
}

/** Regions and categories, as the request path reads them from memory (ReferenceCache). */
export async function loadReferenceData(tx: Db): Promise<ReferenceData> {
  const regionRows = await tx.select().from(regions);
  const categoryRows = await tx.select().from(hotlineCategories).orderBy(hotlineCategories.code);
  const [center] = await tx.select({ id: units.id }).from(units).where(eq(units.kind, 'center')).orderBy(units.id).limit(1);
  const county = regionRows.find((r) => r.level === 'county');
  const townships: ReferenceData['townships'] = new Map();
  for (const r of regionRows.filter((r) => r.level === 'township').sort((a, b) => a.code.localeCompare(b.code))) {
    townships.set(r.code, { code: r.code, name: r.name, villages: new Map() });
  }
  for (const r of regionRows.filter((r) => r.level === 'village').sort((a, b) => a.code.localeCompare(b.code))) {
    townships.get(r.parentCode ?? '')?.villages.set(r.code, r.name);
  }
  return {
    centerUnitId: center?.id ?? null,
    countyCode: county?.code ?? '',
    countyName: county?.name ?? '',
    townships,
    categories: new Map(categoryRows.map((c) => [c.code, c])),
  };
}

/** The category tree for pickers (level 1 → 2 → 3). */
export function categoryTree(data: ReferenceData): Array<{ code: string; name: string; children?: unknown[] }> {
  type Node = { code: string; name: string; children?: Node[] };
  const nodes = new Map<string, Node>();
  const roots: Node[] = [];
  for (const c of data.categories.values()) nodes.set(c.code, { code: c.code, name: c.name });
  for (const c of data.categories.values()) {
    const node = nodes.get(c.code)!;
    const parent = c.parentCode ? nodes.get(c.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/**
 * The reference data of this app server. An administrator's change here reloads it at once
 * (`reload`); one made on another app server is seen once the copy is older than `maxAgeMs`,
 * when the next request reads it afresh. A failed reload keeps the copy and tries again next time.
 */
export class ReferenceCache {
  private loadedAt = 0;
  private loading: Promise<ReferenceData> | undefined;
  private constructor(
    private value: ReferenceData,
    private readonly load: () => Promise<ReferenceData>,
    private readonly maxAgeMs: number,
    private readonly onError: (error: unknown) => void,
  ) {
    this.loadedAt = Date.now();
  }

  static async open(load: () => Promise<ReferenceData>, maxAgeMs: number, onError: (error: unknown) => void): Promise<ReferenceCache> {
    return new ReferenceCache(await load(), load, maxAgeMs, onError);
  }

  async get(): Promise<ReferenceData> {
    if (Date.now() - this.loadedAt > this.maxAgeMs) await this.reload().catch(this.onError);
    return this.value;
  }

  /** Reads afresh; concurrent callers share one read. */
  reload(): Promise<ReferenceData> {
    this.loading ??= this.load()
      .then((value) => {
        this.value = value;
        this.loadedAt = Date.now();
        return value;
      })
      .finally(() => (this.loading = undefined));
    return this.loading;
  }
}
