import { api } from '../../api/client';
import type {
  InspectionPlanDetail, InspectionPlanInput, InspectionPlanView, InspectionResultInput, InspectionVerification, OversightView, SupervisionInput,
  ClueInput, EnforcementVocabulary, ExpiringView, MatterView, ObjectDetail, ObjectView, OfficerView, PublishedPenaltyItem, SubjectView,
} from '../../../../contracts/enforcement';
import type {
  FileSelectionInput, FileSelectionResult, MyReviewFile, PublishedReview, ReviewCampaignInput, ReviewCampaignList, ReviewCampaignSummary, ReviewCampaignView,
} from '../../../../contracts/enforcement';
import type { IrregularityKind, OversightQuery, PublishedInspection } from '../../../../contracts/enforcement';
import type { PublishedDocument } from '../../../../contracts/published-document';

export type { FileSelectionInput, MyReviewFile, PublishedReview, ReviewCampaignList, ReviewCampaignInput, ReviewCampaignSummary, ReviewCampaignView };

export type { InspectionPlanDetail, InspectionPlanInput, InspectionPlanView, InspectionResultInput, InspectionVerification, OversightView, OversightQuery, IrregularityKind, SupervisionInput, ClueInput, PublishedPenaltyItem, EnforcementVocabulary, ExpiringView, MatterView, ObjectDetail, ObjectView, OfficerView, SubjectView };

export const enforcementApi = {
  vocabulary: (signal?: AbortSignal) => api.get<EnforcementVocabulary>('/api/xzzf/vocabulary', { signal }),
  subjects: (signal?: AbortSignal) => api.get<{ items: SubjectView[] }>('/api/xzzf/subjects', { signal }),
  officers: (query: { subjectId?: number }, signal?: AbortSignal) => api.get<{ items: OfficerView[] }>('/api/xzzf/officers', { query, signal }),
  expiring: (signal?: AbortSignal) => api.get<ExpiringView>('/api/xzzf/certificates/expiring', { signal }),
  objects: (query: { q?: string; kind?: string; page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<{ total: number; items: ObjectView[] }>('/api/xzzf/objects', { query, signal }),
  object: (id: number, signal?: AbortSignal) => api.get<ObjectDetail>(`/api/xzzf/objects/${id}`, { signal }),
  eraseObject: (id: number) => api.post<{ erased: boolean }>(`/api/xzzf/objects/${id}/erase`, {}),
  matters: (query: { q?: string; subjectId?: number; exemptOnly?: boolean }, signal?: AbortSignal) => api.get<{ items: MatterView[] }>('/api/xzzf/matters', { query, signal }),
  recordClue: (input: ClueInput) => api.post<{ caseId: string }>('/api/xzzf/cases', input),
  publishedDecisions: (query: { q?: string; page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<{ total: number; items: PublishedPenaltyItem[] }>('/api/public/xzzf/decisions', { query, signal }),
  publishedDecision: (id: string, signal?: AbortSignal) => api.get<PublishedDocument>(`/api/public/xzzf/decisions/${encodeURIComponent(id)}`, { signal }),
  oversight: (query: OversightQuery, signal?: AbortSignal) => api.get<OversightView>('/api/xzzf/oversight', { query: { ...query }, signal }),
  issueSupervision: (input: SupervisionInput) => api.post<{ caseId: string }>('/api/xzzf/supervision', input),
  inspectionPlans: (query: { year?: number }, signal?: AbortSignal) => api.get<{ items: InspectionPlanView[] }>('/api/xzzf/inspection-plans', { query, signal }),
  inspectionPlan: (id: number, signal?: AbortSignal) => api.get<InspectionPlanDetail>(`/api/xzzf/inspection-plans/${id}`, { signal }),
  createInspectionPlan: (input: InspectionPlanInput) => api.post<{ id: number }>('/api/xzzf/inspection-plans', input),
  drawInspectionPlan: (id: number) => api.post<unknown>(`/api/xzzf/inspection-plans/${id}/draw`, {}),
  recordInspectionResult: (id: number, input: InspectionResultInput) => api.post<{ ok: true }>(`/api/xzzf/inspections/${id}/result`, input),
  openInspectionFollowUp: (id: number, summary: string) => api.post<{ caseId: string }>(`/api/xzzf/inspections/${id}/follow-up`, { summary }),
  reviewCampaigns: (signal?: AbortSignal) => api.get<ReviewCampaignList>('/api/xzzf/reviews', { signal }),
  myReviewFiles: (signal?: AbortSignal) => api.get<{ items: MyReviewFile[] }>('/api/xzzf/reviews/mine', { signal }),
  reviewCampaign: (id: number, signal?: AbortSignal) => api.get<ReviewCampaignView>(`/api/xzzf/reviews/${id}`, { signal }),
  createReviewCampaign: (input: ReviewCampaignInput) => api.post<{ id: number }>('/api/xzzf/reviews', input),
  selectReviewFiles: (id: number, input: FileSelectionInput) => api.post<FileSelectionResult>(`/api/xzzf/reviews/${id}/files`, input),
  publishReviewCampaign: (id: number, input: { requirements: string; respondBy: string }) =>
    api.post<{ published: number; rectifications: number }>(`/api/xzzf/reviews/${id}/publish`, input),
  publishedReviews: (query: { page: number; pageSize: number }, signal?: AbortSignal) => api.get<{ total: number; items: PublishedReview[] }>('/api/public/xzzf/reviews', { query, signal }),
  publishedInspections: (query: { q?: string; page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<{ total: number; items: PublishedInspection[] }>('/api/public/xzzf/inspections', { query, signal }),
  verifyInspection: (code: string, signal?: AbortSignal) => api.get<InspectionVerification>(`/api/public/xzzf/inspections/verify/${encodeURIComponent(code)}`, { signal }),
};
