import { useEffect, useState } from 'react';
import { api } from './client';

export interface Village {
  code: string;
  name: string;
}
export interface Township {
  code: string;
  name: string;
  villages: Village[];
}
export interface Category {
  code: string;
  name: string;
  children?: Category[];
}
export interface Option {
  value: string;
  label: string;
}
export interface Meta {
  county: { code: string; name: string };
  townships: Township[];
  categories: Category[];
  requestTypes: Option[];
  channels: Option[];
  /** Optional: the workflow's states, for filters. */
  states?: Option[];
}

let metaPromise: Promise<Meta> | null = null;

/** Reference data never changes while a page is open; fetch it once. */
export function loadMeta(): Promise<Meta> {
  metaPromise ??= api.get<Meta>('/api/public/meta').catch((err: unknown) => {
    metaPromise = null;
    throw err;
  });
  return metaPromise;
}

export function useMeta(): { meta: Meta | null; error: unknown } {
  const [meta, setMeta] = useState<Meta | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let alive = true;
    loadMeta().then(
      (m) => alive && setMeta(m),
      (e: unknown) => alive && setError(e),
    );
    return () => {
      alive = false;
    };
  }, []);
  return { meta, error };
}

/** The path of category codes down to `code`, for a Cascader value. */
export function categoryPath(categories: Category[], code: string | null | undefined): string[] | undefined {
  if (!code) return undefined;
  for (const c of categories) {
    if (c.code === code) return [c.code];
    const sub = categoryPath(c.children ?? [], code);
    if (sub) return [c.code, ...sub];
  }
  return undefined;
}
