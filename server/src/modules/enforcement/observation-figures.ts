import type { FigureSet } from '../figures/index.js';
import { OBSERVATION_FIGURE_LABELS as LABELS } from './social-supervisors.strings.js';

type Figure = FigureSet['figures'][number];

/**
 * 社会监督员's observations join the module's facts as rows of their own, placed by the day
 * received or answered, for the appointing government; the 行政处罚 columns stay empty on them
 * (and theirs on a case's row), so neither set of figures counts the other's rows.
 */
export const OBSERVATION_FACT_COLUMNS = `null::text as observation_received_on, null::text as observation_answered_on, null::text as observation_on_time`;

export const OBSERVATION_FACTS = `
  select o.case_id, c.organ_unit_id, null::text as subject_name, null::text as subject_group, null::text as field, null::text as procedure,
         null::text as filed_on, null::text as decided_on, null::text as outcome, null::text as no_penalty_ground, null::text as major, null::text as reviewed,
         null::text as published, null::text as published_on_time, null::integer as days, null::text as reviewed_on, null::text as review_grade, null::numeric as review_score,
         null::text as inspected_on, null::text as inspection_result, null::text as follow_up,
         o.received_on as observation_received_on, o.answered_on as observation_answered_on,
         case when o.answered_on is not null and o.answered_on <= o.due_on then 'yes' else 'no' end as observation_on_time
    from xzzf_observations o join cases c on c.id = o.case_id`;

const answered = { date: 'observation_answered_on' };

/** Received, answered, and answered by the day due (the system default of data/observation-rules.json). */
export const OBSERVATION_FIGURES: Figure[] = [
  { key: 'observationsReceived', label: LABELS.received, kind: 'count', numerator: { date: 'observation_received_on' } },
  { key: 'observationsAnswered', label: LABELS.answered, kind: 'count', numerator: answered },
  { key: 'observationsAnsweredOnTime', label: LABELS.onTimeRate, kind: 'rate', decimals: 1, numerator: { ...answered, where: { observation_on_time: ['yes'] } }, denominator: answered },
];
