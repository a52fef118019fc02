// The listed governance topics (data/hotspot-topics.json) and the keyword match both duplicate
// detection and hotspots use; kept apart so neither of those files imports the other.
import { readFileSync } from 'node:fs';
import { repoPath } from '../../../platform/repo-path.js';

export interface TopicDefinition {
  key: string;
  label: string;
  keywords: string[];
  /** One kind of nuisance or service (油烟, 供水): same place + same narrow topic is a possible duplicate. */
  narrow?: boolean;
}

let topicList: { topics: TopicDefinition[] } | undefined;
/** The listed governance topics, in list order. */
export function listedTopics(): TopicDefinition[] {
  topicList ??= JSON.parse(readFileSync(repoPath('server/src/modules/routing/data/hotspot-topics.json'), 'utf8')) as { topics: TopicDefinition[] };
  return topicList.topics;
}

function occurrences(text: string, word: string): number {
  let n = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) n++;
  return n;
}

/** The listed topic whose keywords occur most often (ties: the earlier one), with the keywords found; undefined when none occurs. */
export function matchListedTopic(text: string, topics: TopicDefinition[] = listedTopics()): { topic: TopicDefinition; found: string[] } | undefined {
  const t = text.normalize('NFKC');
  let best: { topic: TopicDefinition; hits: number; found: string[] } | undefined;
  for (const topic of topics) {
    let hits = 0;
    const found: string[] = [];
    for (const keyword of topic.keywords) {
      const n = occurrences(t, keyword);
      if (n > 0) {
        hits += n;
        found.push(keyword);
      }
    }
    if (hits > 0 && (!best || hits > best.hits)) best = { topic, hits, found };
  }
  return best && { topic: best.topic, found: best.found };
}
