import { OPEN311_TEXT } from '../open311.strings.js';

export interface Category {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

export interface Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

/** The service for "I don't know which": the request reaches the hotline unclassified. */
export const UNCLASSIFIED_CODE = '00';

function lineage(categories: ReadonlyMap<string, Category>, code: string): Category[] {
  const out: Category[] = [];
  for (let c = categories.get(code); c && out.length < 10; c = c.parentCode ? categories.get(c.parentCode) : undefined) out.unshift(c);
  return out;
}

/**
 * Every category of the taxonomy is a service under its own code, grouped by its level-1
 * category; none has attributes, and a request's id comes back at once (realtime).
 */
export function servicesOf(categories: ReadonlyMap<string, Category>): Service[] {
  const services: Service[] = [...categories.values()].map((c) => {
    const path = lineage(categories, c.code).map((p) => p.name);
    return {
      service_code: c.code,
      service_name: c.name,
      description: OPEN311_TEXT.servicePath(path),
      metadata: false,
      type: 'realtime',
      keywords: path.join(','),
      group: path[0] ?? c.name,
    };
  });
  const u = OPEN311_TEXT.unclassified;
  return [...services, { service_code: UNCLASSIFIED_CODE, service_name: u.name, description: u.description, metadata: false, type: 'realtime', keywords: u.group, group: u.group }];
}

/**
 * The service a client names. Codes are digits in pairs (01, 0101, 010101); a client that read
 * them as numbers from XML lost the leading zero, so 10101 is taken for 010101.
 */
export function findServiceCode(categories: ReadonlyMap<string, { code: string }>, given: string): string | null {
  const code = given.trim();
  if (code === UNCLASSIFIED_CODE || code === '0') return UNCLASSIFIED_CODE;
  if (categories.has(code)) return code;
  if (/^\d+$/.test(code) && code.length % 2 === 1 && categories.has(`0${code}`)) return `0${code}`;
  return null;
}

/** The name a request's category goes by (its own code when the taxonomy no longer has it). */
export function serviceOfRequest(categories: ReadonlyMap<string, { name: string }>, code: string | null): { code: string; name: string } {
  if (!code) return { code: UNCLASSIFIED_CODE, name: OPEN311_TEXT.unclassified.name };
  return { code, name: categories.get(code)?.name ?? code };
}
