import { registerFigureSet, type FigureSet } from '../figures/index.js';
import { RECONSIDERATION_MODULE } from './reconsideration-case-type.js';
import { CONCLUSION_LABELS, CORRECTION_KEYS } from './rules/conclusions.js';
import { FIGURE_LABELS } from './reconsideration.strings.js';

const received = { date: 'received_on' };
const concluded = { date: 'concluded_on' };

/**
 * 行政复议's figures (METRICS.md): received, accepted and concluded cases; 纠错率 over the
 * concluded, shown in whole percent as the seeds report it (Hainan: 163/399 → 41%); the average
 * days from application to conclusion; and each by decision, respondent and field. A case counts
 * for the organ that runs it and for its respondent.
 */
export const reconsiderationFigures: FigureSet = {
  module: RECONSIDERATION_MODULE,
  facts: `select x.case_id, c.organ_unit_id, x.respondent_unit_id, x.respondent_name, x.field, x.received_on, x.accepted_on, x.concluded_on,
                 x.decision_key, (x.concluded_on::date - x.received_on::date) as days
            from xzfy_cases x join cases c on c.id = x.case_id`,
  scopeColumns: ['organ_unit_id', 'respondent_unit_id'],
  figures: [
    { key: 'received', label: FIGURE_LABELS.received, kind: 'count', numerator: received },
    { key: 'accepted', label: FIGURE_LABELS.accepted, kind: 'count', numerator: { date: 'accepted_on' } },
    { key: 'concluded', label: FIGURE_LABELS.concluded, kind: 'count', numerator: concluded },
    { key: 'corrected', label: FIGURE_LABELS.corrected, kind: 'count', numerator: { ...concluded, where: { decision_key: CORRECTION_KEYS } } },
    { key: 'correctionRate', label: FIGURE_LABELS.correctionRate, kind: 'rate', decimals: 0, numerator: { ...concluded, where: { decision_key: CORRECTION_KEYS } }, denominator: concluded },
    { key: 'averageDays', label: FIGURE_LABELS.averageDays, kind: 'average', decimals: 1, unit: '天', numerator: { ...concluded, sum: 'days' }, denominator: concluded },
  ],
  breakdowns: [
    { key: 'byDecision', label: FIGURE_LABELS.byDecision, column: 'decision_key', valueLabels: CONCLUSION_LABELS, figures: ['concluded'] },
    { key: 'byRespondent', label: FIGURE_LABELS.byRespondent, column: 'respondent_name', figures: ['received', 'concluded', 'corrected', 'correctionRate'], rankBy: 'correctionRate' },
    { key: 'byField', label: FIGURE_LABELS.byField, column: 'field', figures: ['received', 'concluded', 'correctionRate'] },
  ],
};

registerFigureSet(reconsiderationFigures);
