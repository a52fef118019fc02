// The vocabularies the registers use, read once from data/ (each file names its source).
import { readFileSync } from 'node:fs';
import { repoPath } from '../../../platform/repo-path.js';

export interface Labelled {
  key: string;
  label: string;
}

const read = <T>(name: string): T => JSON.parse(readFileSync(repoPath(`server/src/modules/enforcement/data/${name}`), 'utf8')) as T;

const fields = read<{ fields: Labelled[] }>('fields.json').fields;
const penalties = read<{ penaltyKinds: string[]; circumstances: Labelled[] }>('penalties.json');

/** 执法领域, by key. */
export const ENFORCEMENT_FIELDS: readonly Labelled[] = fields;
export const FIELD_KEYS: readonly string[] = fields.map((f) => f.key);
/** Kinds of penalty besides a fine (行政处罚法 art. 9). */
export const PENALTY_KINDS: readonly string[] = penalties.penaltyKinds;
/** Grades of circumstance of a discretion benchmark, mildest first. */
export const CIRCUMSTANCES: readonly Labelled[] = penalties.circumstances;
export const CIRCUMSTANCE_KEYS: readonly string[] = penalties.circumstances.map((c) => c.key);

export const fieldLabel = (key: string): string => fields.find((f) => f.key === key)?.label ?? key;
export const fieldByLabel = (label: string): string | undefined => fields.find((f) => f.label === label || f.key === label)?.key;
export const circumstanceByLabel = (label: string): string | undefined => penalties.circumstances.find((c) => c.label === label || c.key === label)?.key;
