// The project's own raw-text check: data/raw-hand-labelled.json names messages of the shared
// TipDM raw files by id with a label given by hand; the texts are read from ../shared/data
// here, never copied into the repository.
import { readFileSync } from 'node:fs';
import { repoPath } from '../../../platform/repo-path.js';
import { formatCsv } from '../../../platform/csv.js';
import { haveRawMessages, readRawMessages, TIPDM_DIR, type RawFile } from './tipdm-data.js';

export const HAND_LABELLED_PATH = 'server/src/modules/routing/data/raw-hand-labelled.json';
export type SamplePart = 'dev' | 'test';

interface Item {
  file: RawFile;
  id: string;
  part: SamplePart;
  label: string;
  unsure?: boolean;
}

export interface HandLabelledFile {
  source: string;
  how: string;
  draw: Record<string, number>;
  items: Item[];
}

export interface HandLabelledRow {
  file: RawFile;
  id: string;
  part: SamplePart;
  title: string;
  body: string;
  label: string;
  unsure: boolean;
}

export function readHandLabelledFile(): HandLabelledFile {
  return JSON.parse(readFileSync(repoPath(HAND_LABELLED_PATH), 'utf8')) as HandLabelledFile;
}

export { haveRawMessages };

/**
 * The sample's messages with their text, of one part (or both), whose label is one of `labels`
 * (the classifier's classes); `outOfScope` counts those labelled with another level-1 class.
 */
export function handLabelledRows(labels: readonly string[], part?: SamplePart): { rows: HandLabelledRow[]; outOfScope: number; missing: string[] } {
  if (!haveRawMessages()) throw new Error(`the raw TipDM messages are not at ${TIPDM_DIR} (set FAZHI_SHARED_DATA)`);
  const byKey = new Map(readRawMessages().map((m) => [`${m.file}#${m.id}`, m] as const));
  const known = new Set(labels);
  const rows: HandLabelledRow[] = [];
  const missing: string[] = [];
  let outOfScope = 0;
  for (const item of readHandLabelledFile().items) {
    if (part && item.part !== part) continue;
    if (!known.has(item.label)) {
      outOfScope++;
      continue;
    }
    const m = byKey.get(`${item.file}#${item.id}`);
    if (!m) {
      missing.push(`${item.file}#${item.id}`);
      continue;
    }
    rows.push({ file: item.file, id: item.id, part: item.part, title: m.title, body: m.body, label: item.label, unsure: item.unsure === true });
  }
  return { rows, outOfScope, missing };
}

/** A CSV `fazhi routing eval --from` reads: title, body, label (plus where each row came from). */
export function handLabelledCsv(rows: readonly HandLabelledRow[]): string {
  return formatCsv([['title', 'body', 'label', 'file', 'id', 'part'], ...rows.map((r) => [r.title, r.body, r.label, r.file, r.id, r.part])]);
}
