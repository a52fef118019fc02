import type { GovernanceTopicView as GovernanceTopic, HotspotView as HotspotGroup } from '../../../../contracts/governance';
import { api, withQuery } from '../../api/client';

export type { GovernanceTopic, HotspotGroup };

export interface HotspotSettings {
  minThisWeek: number;
  warningGrowth: number;
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
