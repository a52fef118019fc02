import { api, withQuery } from '../../api/client';

export interface HotspotGroup {
  topicKey: string;
  topicLabel: string;
  placeKey: string;
  placeName: string;
  thisWeek: number;
  lastFourWeeksAverage: number;
  growth: number | null;
  growthLabel: string;
  warning: boolean;
  weekly: number[];
}

export interface HotspotSettings {
  minThisWeek: number;
  warningGrowth: number;
}

export interface GovernanceTopic {
  id: string;
  title: string;
  topicKey: string;
  topicLabel: string;
  townshipCode: string | null;
  placeName: string | null;
  leadUnitName: string;
  startedAt: string;
  volume: { beforePerWeek: number; afterPerWeek: number | null; change: number | null; weekly: Array<{ weekStart: string; count: number; after: boolean }> };
}

export function getHotspots(townshipCode?: string): Promise<{ groups: HotspotGroup[]; settings: HotspotSettings }> {
  return api.get(withQuery('/api/hotspots', { townshipCode }));
}

export function getGovernanceTopics(): Promise<{ topics: GovernanceTopic[] }> {
  return api.get('/api/governance-topics');
}

export function createGovernanceTopic(body: { title: string; topicKey: string; townshipCode: string | null; leadUnitId: number }): Promise<{ id: string }> {
  return api.post('/api/governance-topics', body);
}
