import { defineModule } from '../cases/index.js';
import { RECONSIDERATION_MODULE, reconsiderationCaseType } from './reconsideration-case-type.js';
import { MODULE_LABEL, ROLE_LABELS } from './reconsideration.strings.js';
import './templates.js';
import './figures.js';

/**
 * 行政复议 on the platform: one reconsideration organ per government (the county government,
 * its 司法局 doing the work), respondents among its departments and townships.
 */
export const reconsiderationModule = defineModule({
  name: RECONSIDERATION_MODULE,
  label: MODULE_LABEL,
  roles: {
    handler: { label: ROLE_LABELS.handler, unitKinds: ['government'] },
    head: { label: ROLE_LABELS.head, unitKinds: ['government'] },
    respondent: { label: ROLE_LABELS.respondent, unitKinds: ['department', 'township'] },
  },
  caseTypes: [reconsiderationCaseType],
});
