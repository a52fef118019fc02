// Where the 2020 TipDM Cup messages sit (../shared/data/tipdm2020, moved by FAZHI_SHARED_DATA)
// and how the raw ones are read. Nothing here is shipped data: callers check `haveTipdm*`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath } from '../../../platform/repo-path.js';
import { parseCsvRecords } from '../../../platform/csv.js';

export const TIPDM_DIR = join(process.env.FAZHI_SHARED_DATA ?? repoPath('..', 'shared', 'data'), 'tipdm2020');
export const TIPDM_TRAIN_CSV = join(TIPDM_DIR, 'train_segmented.csv');
/** The two raw files, by the name the hand-labelled sample records. */
export const RAW_FILES = ['messages_with_replies.csv', 'messages_with_votes.csv'] as const;
export type RawFile = (typeof RAW_FILES)[number];
export const TIPDM_RAW_CSV = join(TIPDM_DIR, RAW_FILES[0]);

export interface RawMessage {
  file: RawFile;
  id: string;
  title: string;
  body: string;
  /** The government's reply (messages_with_replies.csv only). */
  reply?: string;
}

export function haveRawMessages(): boolean {
  return RAW_FILES.every((f) => existsSync(join(TIPDM_DIR, f)));
}

/** Every raw message of both files, in file order (replies first). */
export function readRawMessages(): RawMessage[] {
  const out: RawMessage[] = [];
  for (const file of RAW_FILES) {
    for (const r of parseCsvRecords(readFileSync(join(TIPDM_DIR, file), 'utf8'))) {
      if (!r.id) continue;
      out.push({ file, id: r.id, title: r.title ?? '', body: r.body ?? '', ...(r.reply !== undefined ? { reply: r.reply } : {}) });
    }
  }
  return out;
}

/** Title and body as the citizen typed them, one text. */
export function rawText(m: { title: string; body: string }): string {
  return `${m.title}\n${m.body}`;
}

/** The training rows' tokens (jieba words, stop-words and punctuation already removed) and labels. */
export function readSegmentedRows(path = TIPDM_TRAIN_CSV): { tokens: string[]; label: string }[] {
  return parseCsvRecords(readFileSync(path, 'utf8'))
    .map((r) => ({ tokens: (r.tokens ?? '').split(/\s+/).filter(Boolean), label: (r.label ?? '').trim() }))
    .filter((r) => r.label && r.tokens.length);
}
