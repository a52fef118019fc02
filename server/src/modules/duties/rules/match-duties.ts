import type { DutyItem } from './duty-rows.js';

export interface DutyMatch {
  item: DutyItem;
  /** The item's keywords found in the text, longest first. */
  hits: string[];
}

/**
 * Items whose keywords occur in the text, most hits first. Plain substring search: the
 * keywords are short, the lists a few hundred items, and a citizen's wording ("烧烤摊")
 * often glues a keyword to other characters a segmenter would keep together.
 */
export function matchDutyItems(text: string, items: readonly DutyItem[]): DutyMatch[] {
  const matches: DutyMatch[] = [];
  for (const item of items) {
    const hits = item.keywords.filter((k) => text.includes(k));
    if (hits.length) matches.push({ item, hits: hits.sort((a, b) => b.length - a.length) });
  }
  return matches.sort((a, b) => b.hits.length - a.hits.length || a.item.code.localeCompare(b.item.code));
}
