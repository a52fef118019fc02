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

export interface LeadUnit {
  id: number;
  name: string;
  kind: string;
  kindLabel: string;
}

/** The units the server accepts as a topic's lead, nothing else. */
export function getLeadUnits(): Promise<{ units: LeadUnit[] }> {
  return api.get('/api/governance-topics/lead-units');
}
