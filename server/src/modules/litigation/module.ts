import { defineModule } from '../cases/index.js';
import { LITIGATION_MODULE, litigationCaseType } from './litigation-case-type.js';
import { LINK_LABELS, MODULE_LABEL, ROLE_LABELS } from './litigation.strings.js';
import './figures.js';

/**
 * 行政应诉 on the platform: each organ defends its own lawsuits; the 司法局, granted the
 * coordinator role for the government, sees every lawsuit of the county and its figures.
 */
export const litigationModule = defineModule({
  name: LITIGATION_MODULE,
  label: MODULE_LABEL,
  roles: {
    handler: { label: ROLE_LABELS.handler, unitKinds: ['government', 'department', 'township'] },
    coordinator: { label: ROLE_LABELS.coordinator, unitKinds: ['government'] },
  },
  caseTypes: [litigationCaseType],
  // A reconsideration whose decision is sued: 「被诉」 on the reconsideration, 「源自复议」 here.
  linkKinds: { sued_after_review: { label: LINK_LABELS.sued, inverseLabel: LINK_LABELS.fromReview } },
});
