import { registerDocumentTemplate, type DocumentTemplate } from '../documents/index.js';
import { DECISION_TEMPLATE_ID, RECONSIDERATION_CASE_TYPE } from './reconsideration-case-type.js';
import { NUMBERING } from './numbering.js';
import { DECISION_TEMPLATE } from './reconsideration.strings.js';

/** 行政复议决定书 (art. 75: it states the applicant's request, the facts and reasons, the basis, the decision and the right to sue). */
export const DECISION_DOCUMENT: DocumentTemplate = {
  id: DECISION_TEMPLATE_ID,
  label: DECISION_TEMPLATE.label,
  numbering: NUMBERING.decisionNumber,
  issuedBy: { caseType: RECONSIDERATION_CASE_TYPE, actions: ['decide'] },
  fields: [
    { name: 'applicant', label: DECISION_TEMPLATE.fields.applicant, kind: 'person', required: true },
    { name: 'respondent', label: DECISION_TEMPLATE.fields.respondent, kind: 'text', required: true },
    { name: 'thirdParties', label: DECISION_TEMPLATE.fields.thirdParties, kind: 'person', required: false },
    { name: 'caseNumber', label: DECISION_TEMPLATE.fields.caseNumber, kind: 'text', required: true },
    { name: 'contestedAct', label: DECISION_TEMPLATE.fields.contestedAct, kind: 'text', required: true },
    { name: 'receivedOn', label: DECISION_TEMPLATE.fields.receivedOn, kind: 'date', required: true },
    { name: 'claims', label: DECISION_TEMPLATE.fields.claims, kind: 'longtext', required: true },
    { name: 'reasoning', label: DECISION_TEMPLATE.fields.reasoning, kind: 'longtext', required: true },
    { name: 'basis', label: DECISION_TEMPLATE.fields.basis, kind: 'text', required: true },
    { name: 'decision', label: DECISION_TEMPLATE.fields.decision, kind: 'text', required: true },
  ],
  body: DECISION_TEMPLATE.body,
};

registerDocumentTemplate(DECISION_DOCUMENT);
