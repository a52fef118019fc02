/** Shapes of the 知识库 routes (/api/kb/…), shared by the server and its pages. */

/** Why an entry may not be used for a direct answer now. */
export type Unavailable = 'draft' | 'submitted' | 'withdrawn' | 'not_yet_valid' | 'validity_ended' | 'review_overdue';

/** An entry as the knowledge base's pages and the operator's panel show it. */
export interface KnowledgeEntryView {
  entryId: string;
  question: string;
  answer: string;
  legalBasis: string;
  keywords: string[];
  categoryCode: string | null;
  categoryName: string | null;
  ownerUnitId: number;
  ownerName: string;
  validFrom: string;
  validUntil: string | null;
  reviewOn: string;
  state: string;
  stateLabel: string;
  revision: number;
  /** May an operator answer from it now? If not, why (shown greyed with the reason). */
  usable: boolean;
  unavailable: Unavailable | null;
  unavailableLabel: string | null;
  /** The request it grew from, when the reader may open that request. */
  sourceCaseId: string | null;
  /** Direct answers given from it. */
  uses: number;
  /** May the reader maintain it (its owner's editors, the publisher)? */
  maintainable: boolean;
  publishable: boolean;
  updatedAt: string;
}

/** A new entry or a revision, as written. */
export interface KnowledgeEntryInput {
  /** The unit that answers for the entry; the maker's own editor unit when left out. */
  ownerUnitId?: number;
  question: string;
  answer: string;
  legalBasis: string;
  keywords?: string;
  categoryCode?: string;
  /** Today when left out. */
  validFrom?: string;
  validUntil?: string;
  reviewOn: string;
  /** The request whose reply it grew from. */
  sourceCaseId?: string;
}

/** A draft entry grown from a request's good reply. */
export interface GrownDraft {
  question: string;
  answer: string;
  categoryCode: string | null;
  sourceCaseId: string;
  sourceTrackingCode: string;
  /** The unit suggested as owner: the one that replied, when the maker writes for it, else the maker's own. */
  ownerUnitId: number;
}
