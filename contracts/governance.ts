/** Hotspots (GET /api/hotspots) and governance topics (GET /api/governance-topics). */
export interface HotspotGroup {
  topicKey: string;
  placeKey: string;
  thisWeek: number;
  /** Mean count per week over the base weeks. */
  lastFourWeeksAverage: number;
  /** (thisWeek − mean) / mean; null when the mean is 0 (a new group, shown as "新增"). */
  growth: number | null;
  /** "新增", "+150%", "-20%": for display. */
  growthLabel: string;
  warning: boolean;
  /** Counts per week, oldest base week first, this week last (baseWeeks + 1 numbers). */
  weekly: number[];
}

export interface HotspotView extends HotspotGroup {
  topicLabel: string;
  placeName: string;
}

/** Weekly volume of a topic at a place around the day it became a governance topic. */
export interface VolumeChange {
  /** Requests per week over the `weeks` weeks before the start. */
  beforePerWeek: number;
  /** Requests per week since the start (whole and partial weeks together), null before a day has passed. */
  afterPerWeek: number | null;
  /** (after − before) / before; null when either side is missing or the base is zero. */
  change: number | null;
  /** Counts per week: `weeks` weeks before the start, then each week after it up to now. */
  weekly: Array<{ weekStart: string; count: number; after: boolean }>;
}

export interface GovernanceTopicView {
  id: string;
  title: string;
  topicKey: string;
  topicLabel: string;
  townshipCode: string | null;
  /** The township's name; null for the whole county. */
  placeName: string | null;
  leadUnitId: number;
  leadUnitName: string;
  startedAt: string;
  volume: VolumeChange;
}
