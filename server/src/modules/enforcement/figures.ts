import { registerFigureSet, type FigureSet } from '../figures/index.js';
import { OUTCOME_LABELS, PENALTY_FIGURE_LABELS as LABELS, SUBJECT_GROUP_LABELS } from './enforcement.strings.js';
import { ENFORCEMENT_MODULE } from './operations/register-scope.js';
import { ENFORCEMENT_FIELDS } from './rules/vocabulary.js';
import { OBSERVATION_FACT_COLUMNS, OBSERVATION_FACTS, OBSERVATION_FIGURES } from './observation-figures.js';

const filed = { date: 'filed_on', where: { procedure: ['general'] } };
const penalties = { date: 'decided_on', where: { outcome: ['penalty'] } };
const general = { date: 'decided_on', where: { outcome: ['penalty'], procedure: ['general'] } };
const major = { date: 'decided_on', where: { outcome: ['penalty'], major: ['yes'] } };
// A file counts for 评查 on the day its campaign published it (its latest published review).
const reviewed = { date: 'reviewed_on', where: { review_grade: ['excellent', 'ordinary', 'poor'] } };
const inspected = { date: 'inspected_on', where: { inspection_result: ['no_problem', 'problems'] } };

/**
 * 行政执法's figures, one row per 行政处罚 case, placed by the day of its step: cases filed and
 * decided, by outcome; 法制审核率 over the decisions that needed review (art. 58: 100 % required);
 * 公示率 and 按时公示率 over general-procedure penalty decisions (国办发〔2018〕118号: within seven
 * working days); average days from filing to decision; 首违不罚; 评查 scores and the 优案 and 差案
 * published; inspections of enterprises carried out, with problems found and cases opened from them; and the comparison Zhejiang makes
 * between cases in townships' own names and departments'. A case counts for the subject's unit.
 */
export const penaltyFigures: FigureSet = {
  module: ENFORCEMENT_MODULE,
  // A row per 行政处罚 case, then a row per inspection carried out (涉企检查, placed by its day and
  // counted once for the planning subject however many joined it); each figure's conditions keep to its own rows.
  facts: `select x.case_id, c.organ_unit_id, s.name as subject_name,
                 case when s.kind = 'township_team' then 'township' else 'department' end as subject_group,
                 x.field, x.procedure, x.filed_on, x.decided_on, x.outcome, x.no_penalty_ground,
                 case when x.hearing_held_on is not null or jsonb_array_length(x.review_grounds_marked) > 0 then 'yes' else 'no' end as major,
                 case when x.review_passed then 'yes' else 'no' end as reviewed,
                 case when x.published_on is not null then 'yes' else 'no' end as published,
                 case when exists (select 1 from case_clocks k where k.case_id = x.case_id and k.name = 'publication' and k.stopped_at is not null and k.stopped_at <= k.due_at)
                      then 'yes' else 'no' end as published_on_time,
                 (x.decided_on::date - x.filed_on::date) as days,
                 rv.reviewed_on, rv.review_grade, rv.review_score,
                 null::text as inspected_on, null::text as inspection_result, null::text as follow_up, ${OBSERVATION_FACT_COLUMNS}
            from xzcf_cases x join cases c on c.id = x.case_id join xzzf_subjects s on s.id = x.subject_id
            left join lateral (select r.published_on as reviewed_on, r.grade as review_grade, r.score_tenths / 10.0 as review_score
                                 from xzzf_file_reviews r where r.penalty_case_id = x.case_id and r.published_on is not null
                                order by r.published_on desc limit 1) rv on true
          union all
          select null::uuid, s.unit_id, s.name,
                 case when s.kind = 'township_team' then 'township' else 'department' end,
                 null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                 i.inspected_on, i.result, case when i.follow_up_case_id is not null then 'yes' else 'no' end,
                 null, null, null
            from xzjc_inspections i join xzzf_subjects s on s.id = i.subject_id
           where i.status = 'done'
          union all ${OBSERVATION_FACTS}`,
  scopeColumns: ['organ_unit_id'],
  figures: [
    { key: 'filed', label: LABELS.filed, kind: 'count', numerator: filed },
    { key: 'decided', label: LABELS.decided, kind: 'count', numerator: penalties },
    { key: 'onSpot', label: LABELS.onSpot, kind: 'count', numerator: { date: 'decided_on', where: { outcome: ['penalty'], procedure: ['summary'] } } },
    { key: 'noPenalty', label: LABELS.noPenalty, kind: 'count', numerator: { date: 'decided_on', where: { outcome: ['no_penalty'] } } },
    { key: 'firstViolation', label: LABELS.firstViolation, kind: 'count', numerator: { date: 'decided_on', where: { outcome: ['no_penalty'], no_penalty_ground: ['first_violation'] } } },
    { key: 'transferred', label: LABELS.transferred, kind: 'count', numerator: { date: 'decided_on', where: { outcome: ['transferred'] } } },
    { key: 'majorDecided', label: LABELS.majorDecided, kind: 'count', numerator: major },
    { key: 'legalReviewRate', label: LABELS.legalReviewRate, kind: 'rate', decimals: 1, numerator: { ...major, where: { ...major.where, reviewed: ['yes'] } }, denominator: major },
    { key: 'publicationRate', label: LABELS.publicationRate, kind: 'rate', decimals: 1, numerator: { ...general, where: { ...general.where, published: ['yes'] } }, denominator: general },
    { key: 'onTimePublicationRate', label: LABELS.onTimePublicationRate, kind: 'rate', decimals: 1, numerator: { ...general, where: { ...general.where, published_on_time: ['yes'] } }, denominator: general },
    { key: 'averageDays', label: LABELS.averageDays, kind: 'average', decimals: 1, unit: '天', numerator: { ...general, sum: 'days' }, denominator: general },
    { key: 'reviewedFiles', label: LABELS.reviewedFiles, kind: 'count', numerator: reviewed },
    { key: 'averageReviewScore', label: LABELS.averageReviewScore, kind: 'average', decimals: 1, unit: '分', numerator: { ...reviewed, sum: 'review_score' }, denominator: reviewed },
    { key: 'excellentFiles', label: LABELS.excellentFiles, kind: 'count', numerator: { ...reviewed, where: { review_grade: ['excellent'] } } },
    { key: 'poorFiles', label: LABELS.poorFiles, kind: 'count', numerator: { ...reviewed, where: { review_grade: ['poor'] } } },
    { key: 'inspections', label: LABELS.inspections, kind: 'count', numerator: inspected },
    { key: 'inspectionsWithProblems', label: LABELS.inspectionsWithProblems, kind: 'count', numerator: { ...inspected, where: { inspection_result: ['problems'] } } },
    { key: 'inspectionFollowUps', label: LABELS.inspectionFollowUps, kind: 'count', numerator: { ...inspected, where: { follow_up: ['yes'] } } },
    ...OBSERVATION_FIGURES,
  ],
  breakdowns: [
    { key: 'bySubject', label: LABELS.bySubject, column: 'subject_name', figures: ['filed', 'decided', 'noPenalty', 'legalReviewRate', 'onTimePublicationRate', 'averageReviewScore', 'inspections'], rankBy: 'decided' },
    { key: 'bySubjectKind', label: LABELS.bySubjectKind, column: 'subject_group', valueLabels: SUBJECT_GROUP_LABELS, figures: ['filed', 'decided', 'onSpot', 'noPenalty'] },
    { key: 'byField', label: LABELS.byField, column: 'field', valueLabels: Object.fromEntries(ENFORCEMENT_FIELDS.map((f) => [f.key, f.label])), figures: ['filed', 'decided', 'noPenalty'] },
    { key: 'byOutcome', label: LABELS.byOutcome, column: 'outcome', valueLabels: OUTCOME_LABELS, figures: ['decided', 'noPenalty', 'transferred'] },
  ],
};

registerFigureSet(penaltyFigures);
