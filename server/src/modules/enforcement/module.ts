import { defineModule } from '../cases/index.js';
import { FILE_REVIEW_LINK_LABELS, HEAD_ROLE_LABEL, MODULE_LABEL, ROLE_LABELS, SUPERVISION_LINK_LABELS } from './enforcement.strings.js';
import { certificateExpiryCaseType } from './certificate-expiry-case-type.js';
import { fileReviewCaseType } from './file-review-case-type.js';
import { observationCaseType } from './observation-case-type.js';
import { supervisionCaseType } from './supervision-case-type.js';
import { penaltyCaseType } from './penalty-case-type.js';
import './figures.js';
import { remindExpiringCertificates } from './operations/certificate-reminders.js';
import { ENFORCEMENT_MODULE } from './operations/register-scope.js';

/**
 * 行政执法 on the platform, its registers first. Officers and a subject's administrator hold
 * their roles for the subject's unit (a department, or the township of a 综合行政执法队); the
 * 司法局's supervisors hold theirs for the government, and see and register every subject under it.
 */
export const enforcementModule = defineModule({
  name: ENFORCEMENT_MODULE,
  label: MODULE_LABEL,
  roles: {
    officer: { label: ROLE_LABELS.officer, unitKinds: ['department', 'township'] },
    subject_admin: { label: ROLE_LABELS.subject_admin, unitKinds: ['department', 'township'] },
    legal_reviewer: { label: ROLE_LABELS.legal_reviewer, unitKinds: ['government', 'department', 'township'] },
    supervisor: { label: ROLE_LABELS.supervisor, unitKinds: ['government'] },
    head: { label: HEAD_ROLE_LABEL, unitKinds: ['department', 'township'] },
    // 评查专家 of the 司法局's pool: they read the files of the government's subjects and score those drawn for them.
    file_reviewer: { label: ROLE_LABELS.file_reviewer, unitKinds: ['government'] },
  },
  caseTypes: [penaltyCaseType, supervisionCaseType, fileReviewCaseType, certificateExpiryCaseType, observationCaseType],
  linkKinds: {
    supervised: { label: SUPERVISION_LINK_LABELS.supervised, inverseLabel: SUPERVISION_LINK_LABELS.supervisedBy },
    reviewed: { label: FILE_REVIEW_LINK_LABELS.reviewed, inverseLabel: FILE_REVIEW_LINK_LABELS.reviewedBy },
  },
  jobs: [{ name: 'certificate-reminders', everyMinutes: 60, run: async (database, now) => void (await remindExpiringCertificates(database, now)) }],
});
