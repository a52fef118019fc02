// The conclusions a reconsideration case can end with (data/decisions.json, 行政复议法 2023),
// and which of them count as corrections (纠错) for METRICS.md's 纠错率.
import { readFileSync } from 'node:fs';
import { repoPath } from '../../../platform/repo-path.js';

/** Stable names programs use; the Chinese `value` is what people write in the import file. */
export const DECISION_KEYS = [
  'uphold',
  'dismiss',
  'revoke',
  'vary',
  'confirm_illegal',
  'order_performance',
  'confirm_void',
  'order_reply',
  'respondent_corrected',
  'withdrawn',
  'terminated',
] as const;

export type DecisionKey = (typeof DECISION_KEYS)[number];

/** decision: a 行政复议决定 (arts. 63–69); withdrawal: the applicant withdrew; termination: any other 终止 (art. 41). */
export type DecisionKind = 'decision' | 'withdrawal' | 'termination';

export interface Decision {
  value: string;
  key: DecisionKey;
  law: string;
  article: string;
  kind: DecisionKind;
  /** Counted in the numerator of 纠错率. */
  correction: boolean;
  notes: string;
}

const DATA_PATH = ['server', 'src', 'modules', 'reconsideration', 'data', 'decisions.json'];
const KINDS: readonly DecisionKind[] = ['decision', 'withdrawal', 'termination'];

// A broken data file is a release bug, so fail loudly at load rather than count wrongly.
export function parseDecisions(raw: unknown): readonly Decision[] {
  const fail = (why: string): never => {
    throw new Error(`reconsideration: decisions.json: ${why}`);
  };
  const list = (raw as { decisions?: unknown } | null)?.decisions;
  if (!Array.isArray(list)) return fail('no "decisions" array');
  const decisions = list.map((entry: unknown, index): Decision => {
    const { value, key, law, article, kind, correction, notes } = (entry ?? {}) as Record<string, unknown>;
    if (typeof value !== 'string' || value.trim() !== value || value === '') fail(`entry ${index}: value`);
    if (!(DECISION_KEYS as readonly unknown[]).includes(key)) fail(`entry ${index}: unknown key ${String(key)}`);
    if (typeof law !== 'string' || typeof article !== 'string' || article === '') fail(`entry ${index}: law/article`);
    if (!(KINDS as readonly unknown[]).includes(kind)) fail(`entry ${index}: kind`);
    if (typeof correction !== 'boolean' || typeof notes !== 'string') fail(`entry ${index}: correction/notes`);
    return Object.freeze({ value, key, law, article, kind, correction, notes } as Decision);
  });
  for (const key of DECISION_KEYS) {
    if (decisions.filter((d) => d.key === key).length !== 1) fail(`key ${key} must appear exactly once`);
  }
  if (new Set(decisions.map((d) => d.value)).size !== decisions.length) fail('a value appears twice');
  if (decisions.length !== DECISION_KEYS.length) fail('unexpected entries');
  return Object.freeze(decisions);
}

let loaded: readonly Decision[] | undefined;

/** The vocabulary in the order of data/decisions.json. */
export function listDecisions(): readonly Decision[] {
  loaded ??= parseDecisions(JSON.parse(readFileSync(repoPath(...DATA_PATH), 'utf8')));
  return loaded;
}

/** The conclusion written as `value` in an import file (already trimmed), or undefined. */
export function decisionByValue(value: string): Decision | undefined {
  return listDecisions().find((d) => d.value === value);
}

export function decisionByKey(key: DecisionKey): Decision {
  return listDecisions().find((d) => d.key === key)!;
}
