import type { PlaceSuggestion, SubmitRequestBody } from '../../../../contracts/requests';
import { api } from '../../api/client';

export interface PhotoValue {
  name: string;
  mimeType: string;
  /** File content, base64 without the `data:` prefix. */
  dataBase64: string;
  size: number;
  previewUrl: string;
}

export type NewRequestBody = SubmitRequestBody;

export interface SubmitResult {
  trackingCode: string;
  /** The 评价码: shown this once, never kept by the page. */
  requesterKey: string;
}

export interface ProgressEntry {
  at: string;
  label: string;
  text?: string | null;
}

export interface TrackView {
  trackingCode: string;
  state: string;
  stateLabel: string;
  title?: string | null;
  content?: string | null;
  receivedAt?: string | null;
  progress: ProgressEntry[];
  /** The requester's own rating of the latest answer, once given. */
  evaluation: { resolved: boolean; satisfactionLabel: string; at: string } | null;
  reply: { text: string; at?: string | null; unitName?: string | null } | null;
  canEvaluate: boolean;
}

export type Satisfaction = 'satisfied' | 'basically_satisfied' | 'dissatisfied';

export interface EvaluationBody {
  /** The requester key, as normaliseRequesterKey writes it. */
  key: string;
  resolved: boolean;
  satisfaction: Satisfaction;
  comment?: string;
}

/** The place a message names, for the form to offer; nothing is stored. */
export function suggestPlace(text: string): Promise<PlaceSuggestion> {
  return api.post<PlaceSuggestion>('/api/public/place-suggestion', { text });
}

export function submitPublicRequest(body: NewRequestBody): Promise<SubmitResult> {
  return api.post<SubmitResult>('/api/public/requests', body);
}

type RawTrack = Partial<TrackView> & {
  status?: string;
  statusLabel?: string;
  timeline?: ProgressEntry[];
  reply?: TrackView['reply'] | string | null;
  replyText?: string | null;
  repliedAt?: string | null;
};

/** Accepts the few spellings the server may use for the same facts. */
function toTrackView(raw: RawTrack, code: string): TrackView {
  const replyText = typeof raw.reply === 'string' ? raw.reply : (raw.reply?.text ?? raw.replyText ?? null);
  const replyObject = typeof raw.reply === 'object' && raw.reply !== null ? raw.reply : null;
  return {
    trackingCode: raw.trackingCode ?? code,
    state: raw.state ?? raw.status ?? '',
    stateLabel: raw.stateLabel ?? raw.statusLabel ?? raw.state ?? raw.status ?? '',
    title: raw.title ?? null,
    content: raw.content ?? null,
    evaluation: raw.evaluation ?? null,
    receivedAt: raw.receivedAt ?? null,
    progress: raw.progress ?? raw.timeline ?? [],
    reply: replyText ? { text: replyText, at: replyObject?.at ?? raw.repliedAt ?? null, unitName: replyObject?.unitName ?? null } : null,
    canEvaluate: raw.canEvaluate === true,
  };
}

export async function getPublicRequest(code: string): Promise<TrackView> {
  const raw = await api.get<RawTrack>(`/api/public/requests/${encodeURIComponent(code)}`);
  return toTrackView(raw, code);
}

export function submitEvaluation(code: string, body: EvaluationBody): Promise<unknown> {
  return api.post(`/api/public/requests/${encodeURIComponent(code)}/evaluation`, body);
}
