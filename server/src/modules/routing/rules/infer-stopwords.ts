// Which words did the training rows' cleaning remove? The rows are jieba words with the
// stop-words and punctuation taken out, and the list used is not given. A CJK word that jieba
// finds in many raw messages yet never once among the training rows' 8,000-odd messages'
// tokens is one the cleaning removed (or a name the rows never mention, which `keep` lists).

const HAN_WORD = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/;

export interface StopwordInference {
  /** A word must occur in at least this many raw messages. */
  minMessages: number;
  /** Words the rule would take that are content, not function words (looked at by hand). */
  keep: readonly string[];
}

/** Words of raw messages (one array per message) never seen among the training tokens, most common first. */
export function inferStopwords(rawWords: Iterable<readonly string[]>, trainingTokens: ReadonlySet<string>, rule: StopwordInference): string[] {
  const messages = new Map<string, number>();
  for (const words of rawWords) for (const w of new Set(words)) if (HAN_WORD.test(w) && !trainingTokens.has(w)) messages.set(w, (messages.get(w) ?? 0) + 1);
  const keep = new Set(rule.keep);
  return [...messages]
    .filter(([w, n]) => n >= rule.minMessages && !keep.has(w))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w);
}
