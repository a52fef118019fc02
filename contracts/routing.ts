/** What the platform suggests before a request is dispatched (GET /api/requests/:caseId/suggestions). */
export interface SuggestedUnit {
  unitId: number;
  unitName: string;
  /** 0..1; the share of the evidence behind this unit. */
  confidence: number;
  /** Short Chinese sentences a person can check ("权责清单: … → …（依据 …）"). */
  reasons: string[];
}

export interface SuggestedCategory {
  /** The deepest category suggested (a leaf when the evidence reaches one). */
  code: string;
  /** Names from level 1 down ("城乡建设", "城市建设和市政管理", "燃气供应"). */
  path: string[];
  /** A leaf can be dispatched with; a higher level only narrows the operator's choice. */
  leaf: boolean;
  confidence: number;
  reasons: string[];
}

export interface RoutingSuggestion {
  category: SuggestedCategory | null;
  /** Other likely categories, best first. */
  alternatives: SuggestedCategory[];
  requestType: { value: string; confidence: number; reasons: string[] };
  urgency: { value: 'normal' | 'urgent'; reasons: string[] };
  place: { townshipCode: string | null; townshipName: string | null; villageCode: string | null; villageName: string | null; reasons: string[] };
  units: SuggestedUnit[];
  /** The county's automatic-dispatch threshold for the suggested category (null: never automatic). */
  autoDispatchThreshold: number | null;
  /** Open requests about the same problem at the same place, and earlier requests by the same caller. */
  duplicates: Array<{
    caseId: string;
    trackingCode: string;
    score: number;
    kind: 'same_problem' | 'same_caller';
    /** merge: the same problem beyond doubt; flag: a person decides; link: only the same caller. */
    action: 'merge' | 'flag' | 'link';
    reasons: string[];
    state: string;
  }>;
  /** The history-trained model in use, if any. */
  historyModel: { trainedAt: string; rows: number } | null;
}

export interface AutoDispatchRule {
  /** A category code at any level: the rule applies to every category under it. */
  categoryCode: string;
  categoryName: string;
  /** Dispatch automatically when the top unit's confidence is at least this (0..1). */
  threshold: number;
}

/** How well a dispatch model names the right answer on requests it was not trained on. */
export interface ModelFigures {
  /** The first suggestion is right (0..1). */
  accuracy: number;
  /** The right answer is among the first three (0..1). */
  top3: number;
  macroF1: number;
}

/** One kind of model (unit or leaf category): the candidate and the model in use, on the same held-out requests. */
export interface KindEvaluation {
  heldOut: number;
  /** Labels the candidate learned. */
  labels: number;
  trainRows: number;
  candidate: ModelFigures;
  /** Null when no model of this kind is in use yet. */
  current: ModelFigures | null;
  /** Held-out requests answered before the model in use was trained: it may have learned from them, flattering its figures. */
  currentMayHaveSeen: number;
}

/** A retraining's result: the candidate trained on older requests, both models scored on the same later ones. */
export interface CandidateEvaluation {
  /** The earliest receipt among the held-out requests. */
  heldOutFrom: string;
  /**
   * `answered_since_current`: the requests answered since the models in use were trained (neither
   * model learned from them); `newest`: the newest 20 % received, when there were too few of those.
   */
  heldOutBy: 'answered_since_current' | 'newest';
  /** Held-out requests as a share of all answered ones. */
  heldOutShare: number;
  unit: KindEvaluation | null;
  category: KindEvaluation | null;
}

/** A stored model as the retraining page lists it. */
export interface StoredModel {
  id: string;
  kind: 'unit' | 'category';
  status: 'active' | 'candidate' | 'previous';
  trainedAt: string;
  rows: number;
  trainedBy: number | null;
}

export interface ModelsOverview {
  models: StoredModel[];
  /** The figures of the candidate waiting for an administrator's decision, if any. */
  candidate: CandidateEvaluation | null;
}
