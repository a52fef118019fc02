import { readFileSync } from 'node:fs';
import { repoPath } from '../../platform/repo-path.js';
import { imagePolicy, type ImagePolicy } from '../../platform/uploads/image-policy.js';

export interface HotlineConfig {
  source: string;
  responseHours: { normal: number; urgent: number };
  rectificationRule: string;
  /** Co-handling (协办) and sending on to communities and grids (下派): whom, and their share of the lead's time. */
  innerDispatch: { assistUnitKinds: string[]; subUnitKinds: string[]; replyShare: number };
  satisfactionWeights: { satisfied: number; basically_satisfied: number };
  ruleOverrides: Record<string, { n?: number }>;
  channels: Array<{ value: string; label: string }>;
  requestTypes: string[];
  photo: { maxBytes: number; mimeTypes: string[]; maxPixels?: number; maxEdge?: number };
  contentMaxLength: number;
  /** How often a unit may ask for more time on one dispatch (the rule itself allows one extension). */
  extension: { requestsPerDispatch: number; source: string };
}

export interface TaxonomyNode {
  code: string;
  name: string;
  defaultDepartment?: string;
  clockRule?: string;
  children?: TaxonomyNode[];
}

let config: HotlineConfig | undefined;
let policy: ImagePolicy | undefined;
let taxonomy: { source: string; categories: TaxonomyNode[] } | undefined;

/** The city's 12345 settings (data/hotline-config.json). */
export function hotlineConfig(): HotlineConfig {
  return (config ??= JSON.parse(readFileSync(repoPath('server/src/modules/requests/data/hotline-config.json'), 'utf8')) as HotlineConfig);
}

/** What a citizen's photo may be: the platform's image policy with the city's limits. */
export function photoPolicy(): ImagePolicy {
  return (policy ??= imagePolicy(hotlineConfig().photo));
}

/** The request taxonomy (data/taxonomy.json): three levels of categories. */
export function readTaxonomy(): { source: string; categories: TaxonomyNode[] } {
  return (taxonomy ??= JSON.parse(readFileSync(repoPath('server/src/modules/requests/data/taxonomy.json'), 'utf8')) as {
    source: string;
    categories: TaxonomyNode[];
  });
}
