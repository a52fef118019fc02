import { readFileSync } from 'node:fs';
import { normaliseCode } from '../../../platform/crockford.js';
import { repoPath } from '../../../platform/repo-path.js';
import { seededRandom } from '../../../platform/seeded-random.js';
import { officerMayAct, type CertificateFacts } from './certificates.js';

/** data/inspection-rules.json: the defaults of 涉企检查, with their sources in the file. */
export interface InspectionRules {
  yearlyCapPerEnterprise: number;
  defaultSharePercent: number;
  officersPerInspection: number;
}

export const INSPECTION_RULES: InspectionRules = JSON.parse(readFileSync(repoPath('server/src/modules/enforcement/data/inspection-rules.json'), 'utf8')) as InspectionRules;

/** One inspection already on an enterprise in the year: a joint one shows once per subject taking part, all with the same `jointKey`. */
export interface PastInspection {
  objectId: number;
  /** The inspection's own key, or the key shared by the rows of one joint inspection. */
  jointKey: string;
}

/** Inspections per enterprise, a joint inspection (one key, however many rows) counted once. */
export function inspectionsPerEnterprise(past: readonly PastInspection[]): Map<number, number> {
  const keys = new Map<number, Set<string>>();
  for (const p of past) {
    const set = keys.get(p.objectId) ?? new Set<string>();
    set.add(p.jointKey);
    keys.set(p.objectId, set);
  }
  return new Map([...keys].map(([id, set]) => [id, set.size]));
}

/** The seed of a draw as a 32-bit number: any text (the recorded seed is hex) hashes to it the same way every time (FNV-1a). */
export function seedNumber(seed: string): number {
  let h = 0x811c9dc5;
  for (const ch of Buffer.from(seed, 'utf8')) {
    h ^= ch;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** `count` of `items` without repeats, by a Fisher–Yates shuffle driven by `random`; the items' order in is part of the draw (callers sort by id). */
export function drawWithout<T>(items: readonly T[], count: number, random: () => number): T[] {
  const pool = [...items];
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}

export interface OfficerCandidate {
  officerId: number;
  certificates: readonly CertificateFacts[];
}

export interface DrawInput {
  seed: string;
  /** Enterprises of the register, by id. */
  objectIds: readonly number[];
  past: readonly PastInspection[];
  cap: number;
  /** How many to draw; null: the default share of the candidates, at least one. */
  plannedCount: number | null;
  sharePercent: number;
  officers: readonly OfficerCandidate[];
  officersPerInspection: number;
  field: string;
  /** The days the inspections may fall on, in order. */
  days: readonly string[];
}

export interface DrawnInspection {
  objectId: number;
  day: string;
  officerIds: number[];
}

export type DrawResult =
  | { ok: true; candidates: number[]; capped: number[]; inspections: DrawnInspection[] }
  | { ok: false; reason: 'no_candidates' | 'too_few_officers'; day?: string };

/**
 * 双随机: the enterprises below the yearly cap are the candidates (sorted by id); the planned
 * count of them is drawn, each on a day drawn from `days`, with officers drawn from those whose
 * certificate covers the field on that day. One seed gives one draw, so a recorded draw replays.
 */
export function drawInspections(input: DrawInput): DrawResult {
  const random = seededRandom(seedNumber(input.seed));
  const counts = inspectionsPerEnterprise(input.past);
  const sorted = [...new Set(input.objectIds)].sort((a, b) => a - b);
  const capped = sorted.filter((id) => (counts.get(id) ?? 0) >= input.cap);
  const candidates = sorted.filter((id) => (counts.get(id) ?? 0) < input.cap);
  if (candidates.length === 0 || input.days.length === 0) return { ok: false, reason: 'no_candidates' };
  const count = input.plannedCount ?? Math.max(1, Math.ceil((candidates.length * input.sharePercent) / 100));
  const officers = [...input.officers].sort((a, b) => a.officerId - b.officerId);
  const inspections: DrawnInspection[] = [];
  for (const objectId of drawWithout(candidates, count, random)) {
    const day = input.days[Math.floor(random() * input.days.length)]!;
    const able = officers.filter((o) => officerMayAct(o.certificates, day, input.field).ok).map((o) => o.officerId);
    if (able.length < input.officersPerInspection) return { ok: false, reason: 'too_few_officers', day };
    inspections.push({ objectId, day, officerIds: drawWithout(able, input.officersPerInspection, random).sort((a, b) => a - b) });
  }
  return { ok: true, candidates, capped, inspections };
}

/** Every day from `first` to `last`, both included (YYYY-MM-DD). */
export function daysBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const base32 = (bytes: Buffer, length: number) => {
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  bits >>= BigInt(bytes.length * 8 - length * 5);
  let out = '';
  for (let i = 0; i < length; i++) {
    out = ALPHABET[Number(bits & 31n)]! + out;
    bits >>= 5n;
  }
  return out;
};

/** A keyed MAC over parts, as raw bytes (the platform key's 'inspection.code' subkey in use). */
export type CodeMac = (...parts: string[]) => Buffer;

/**
 * 扫码入企's code: eight random characters (40 bits) and four check characters, a MAC under the
 * platform key over the inspection's id and the random part; shown as XXXX-XXXX-XXXX.
 */
export function inspectionCode(inspectionId: number, random: Buffer, mac: CodeMac): string {
  const body = base32(random.subarray(0, 5), 8);
  const check = base32(mac(String(inspectionId), body).subarray(0, 3), 4);
  return `${body.slice(0, 4)}-${body.slice(4)}-${check}`;
}

/** What people type, read as a code (lower case, no dashes, O for 0, I or L for 1); null if it cannot be one. */
export const normaliseInspectionCode = (input: string): string | null => normaliseCode(input, 12);

/** Is this code this inspection's: its check characters are the MAC of the inspection's id and its random part. */
export function codeBelongsTo(code: string, inspectionId: number, mac: CodeMac): boolean {
  const clean = normaliseInspectionCode(code);
  if (!clean) return false;
  const body = clean.replace(/-/g, '').slice(0, 8);
  return base32(mac(String(inspectionId), body).subarray(0, 3), 4) === clean.slice(10);
}
