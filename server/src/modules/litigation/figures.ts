import { registerFigureSet, type FigureSet } from '../figures/index.js';
import { LITIGATION_MODULE } from './litigation-case-type.js';
import { FIGURE_LABELS } from './litigation.strings.js';

const hearingsHeld = { date: 'held_on', where: { kind: ['hearing'] } };
const judged = { date: 'judged_on', where: { kind: ['case'], outcome: ['upheld', 'lost', 'partly_lost'] } };

/**
 * 行政应诉's figures: cases by the day the complaint was served; 负责人出庭率 over hearings
 * held (METRICS.md; Lanshan reports about 81%), in whole percent as the seeds write it; 败诉率
 * over judgments. Rows are cases and hearings side by side (`kind`), each placed by its own day.
 */
export const litigationFigures: FigureSet = {
  module: LITIGATION_MODULE,
  facts: `select x.case_id, 'case' as kind, c.organ_unit_id, u.name as organ_name, x.served_on, null::text as held_on, null::text as head_appeared,
                 x.outcome, x.judged_on
            from xzss_cases x join cases c on c.id = x.case_id join units u on u.id = c.organ_unit_id
          union all
          select h.case_id, 'hearing', c.organ_unit_id, u.name, null, h.held_on, case when h.head_appeared then 'yes' else 'no' end, null, null
            from xzss_hearings h join cases c on c.id = h.case_id join units u on u.id = c.organ_unit_id where h.held_on is not null`,
  scopeColumns: ['organ_unit_id'],
  figures: [
    { key: 'cases', label: FIGURE_LABELS.cases, kind: 'count', numerator: { date: 'served_on', where: { kind: ['case'] } } },
    { key: 'hearings', label: FIGURE_LABELS.hearings, kind: 'count', numerator: hearingsHeld },
    { key: 'headAppearances', label: FIGURE_LABELS.headAppearances, kind: 'count', numerator: { ...hearingsHeld, where: { kind: ['hearing'], head_appeared: ['yes'] } } },
    { key: 'headAppearanceRate', label: FIGURE_LABELS.headAppearanceRate, kind: 'rate', decimals: 0, numerator: { ...hearingsHeld, where: { kind: ['hearing'], head_appeared: ['yes'] } }, denominator: hearingsHeld },
    { key: 'judged', label: FIGURE_LABELS.judged, kind: 'count', numerator: judged },
    { key: 'lost', label: FIGURE_LABELS.lost, kind: 'count', numerator: { ...judged, where: { kind: ['case'], outcome: ['lost', 'partly_lost'] } } },
    { key: 'lossRate', label: FIGURE_LABELS.lossRate, kind: 'rate', decimals: 1, numerator: { ...judged, where: { kind: ['case'], outcome: ['lost', 'partly_lost'] } }, denominator: judged },
  ],
  breakdowns: [{ key: 'byOrgan', label: FIGURE_LABELS.byOrgan, column: 'organ_name', figures: ['cases', 'hearings', 'headAppearanceRate', 'lossRate'], rankBy: 'headAppearanceRate' }],
};

registerFigureSet(litigationFigures);
