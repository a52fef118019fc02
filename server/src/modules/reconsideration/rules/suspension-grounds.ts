import { readFileSync } from 'node:fs';
import { repoPath } from '../../../platform/repo-path.js';

export interface SuspensionGround {
  key: string;
  item: number;
  label: string;
}

/** The grounds of 中止 in art. 39, from data/suspension-grounds.json. */
export const SUSPENSION_GROUNDS: readonly SuspensionGround[] = Object.freeze(
  (JSON.parse(readFileSync(repoPath('server/src/modules/reconsideration/data/suspension-grounds.json'), 'utf8')) as { grounds: SuspensionGround[] }).grounds,
);

export const SUSPENSION_GROUND_KEYS: readonly string[] = SUSPENSION_GROUNDS.map((g) => g.key);

export const SUSPENSION_GROUND_LABELS: Readonly<Record<string, string>> = Object.fromEntries(SUSPENSION_GROUNDS.map((g) => [g.key, g.label]));
