// Hotspots (主动治理): requests grouped by topic and place, this week against the four before.
// Pure: the caller passes the items and the moment `now`; nothing reads the clock.
import { readFileSync } from 'node:fs';
import type { HotspotGroup } from '../../../../../contracts/governance.js';
import { repoPath } from '../../../platform/repo-path.js';
import { fingerprint } from './duplicates.js';
import { listedTopics, matchListedTopic, type TopicDefinition } from './topics.js';

export { listedTopics, type TopicDefinition } from './topics.js';

export interface Topic {
  /** Stable: a listed topic's key (e.g. "cooking_fumes"), or "word:<词>" for the fallback. */
  key: string;
  label: string;
  /** The listed keywords found in the text (the fallback word for a fallback topic). */
  keywords: string[];
  /** false when no listed topic matched and the strongest content word was used. */
  listed: boolean;
}

export interface HotspotSettings {
  /** A group warns only with at least this many requests this week. */
  minThisWeek: number;
  /** …and when growth ≥ this rate (1.0 = this week is double the four-week mean). */
  warningGrowth: number;
  /** Whether a group with no requests in the four base weeks (growth null, "新增") may warn. */
  warnWhenNew: boolean;
  weekDays: number;
  baseWeeks: number;
}

export interface HotspotItem {
  topicKey: string;
  placeKey: string;
  receivedAt: Date;
  /** How many requests the item stands for (the database may count them for us); 1 if absent. */
  count?: number;
}

export type { HotspotGroup };

const DATA_DIR = 'server/src/modules/routing/data';

let defaults: HotspotSettings | undefined;
export function defaultHotspotSettings(): HotspotSettings {
  if (!defaults) {
    const { source: _source, ...settings } = JSON.parse(readFileSync(repoPath(DATA_DIR, 'hotspot-settings.json'), 'utf8')) as HotspotSettings & { source: string };
    defaults = settings;
  }
  return defaults;
}

/**
 * The topic of a request: the listed topic whose keywords occur most often (ties go to the
 * earlier topic in the list); with none, the most frequent content word (place names and
 * generic words such as 问题 left out); with no content word at all, "other"/"其他".
 */
export function topicOf(text: string, topics: TopicDefinition[] = listedTopics()): Topic {
  const match = matchListedTopic(text, topics);
  if (match) return { key: match.topic.key, label: match.topic.label, keywords: match.found, listed: true };
  const word = fingerprint(text).keywords[0];
  if (word) return { key: `word:${word}`, label: word, keywords: [word], listed: false };
  return { key: 'other', label: '其他', keywords: [], listed: false };
}

const HOUR_MS = 3600 * 1000;

/**
 * Groups by (topicKey, placeKey) and compares this week with the mean of the base weeks.
 * Weeks are windows of weekDays × 24 h ending at `now`, not calendar weeks: this week is
 * (now − 7 d, now], the base weeks the baseWeeks windows before it. Items after `now` or
 * before the oldest base week are ignored. Sorted warnings first, then fastest-growing first
 * (a new group, growth null, above any growth), then by this week's count; ties by keys.
 */
export function computeHotspots(items: HotspotItem[], now: Date, settings: HotspotSettings = defaultHotspotSettings()): HotspotGroup[] {
  const weekMs = settings.weekDays * 24 * HOUR_MS;
  const end = now.getTime();
  const groups = new Map<string, { topicKey: string; placeKey: string; weekly: number[] }>();
  for (const item of items) {
    const age = end - item.receivedAt.getTime();
    if (age < 0) continue;
    // receivedAt in (now − (k+1)·7 d, now − k·7 d]  ⟺  age in [k·7 d, (k+1)·7 d)
    const weeksAgo = Math.floor(age / weekMs);
    if (weeksAgo > settings.baseWeeks) continue;
    const key = `${item.topicKey}\u0000${item.placeKey}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { topicKey: item.topicKey, placeKey: item.placeKey, weekly: new Array<number>(settings.baseWeeks + 1).fill(0) }));
    group.weekly[settings.baseWeeks - weeksAgo]! += item.count ?? 1;
  }
  const out: HotspotGroup[] = [];
  for (const g of groups.values()) {
    const thisWeek = g.weekly[settings.baseWeeks]!;
    const base = g.weekly.slice(0, settings.baseWeeks).reduce((s, n) => s + n, 0);
    const mean = base / settings.baseWeeks;
    const growth = mean > 0 ? (thisWeek - mean) / mean : null;
    const crosses = growth === null ? settings.warnWhenNew : growth >= settings.warningGrowth;
    out.push({
      topicKey: g.topicKey,
      placeKey: g.placeKey,
      thisWeek,
      lastFourWeeksAverage: mean,
      growth,
      growthLabel: growth === null ? '新增' : `${growth >= 0 ? '+' : ''}${Math.round(growth * 100)}%`,
      warning: thisWeek >= settings.minThisWeek && crosses,
      weekly: g.weekly,
    });
  }
  const rank = (g: HotspotGroup) => (g.growth === null ? Number.POSITIVE_INFINITY : g.growth);
  const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  out.sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    if (a.warning !== b.warning) return a.warning ? -1 : 1;
    if (ra !== rb) return rb > ra ? 1 : -1;
    return b.thisWeek - a.thisWeek || byText(a.topicKey, b.topicKey) || byText(a.placeKey, b.placeKey);
  });
  return out;
}
