import { api } from '../../api/client';
import type {
  CardProof, MyObservations, ObservationFiled, ObservationInput, SupervisorAppointed, SupervisorAppointment, SupervisorCard, SupervisorView,
} from '../../../../contracts/social-supervisors';

export type { CardProof, MyObservations, ObservationInput, SupervisorAppointed, SupervisorAppointment, SupervisorCard, SupervisorView };

/** 社会监督员's routes: the office's register, the public card check, the holder's own acts (card and secret in the body). */
export const supervisorApi = {
  list: (signal?: AbortSignal) => api.get<{ items: SupervisorView[] }>('/api/xzzf/social-supervisors', { signal }),
  appoint: (input: SupervisorAppointment) => api.post<SupervisorAppointed>('/api/xzzf/social-supervisors', input),
  dismiss: (id: number, reason: string) => api.post<{ ok: true }>(`/api/xzzf/social-supervisors/${id}/dismiss`, { reason }),
  card: (code: string, signal?: AbortSignal) => api.get<SupervisorCard>(`/api/public/xzzf/supervisor-cards/${encodeURIComponent(code)}`, { signal }),
  mine: (proof: CardProof) => api.post<MyObservations>('/api/public/xzzf/observations/mine', proof),
  withdraw: (proof: CardProof, caseId: string, reason: string) => api.post<{ ok: true }>('/api/public/xzzf/observations/withdraw', { ...proof, caseId, reason }),
  file: (input: ObservationInput) => api.post<ObservationFiled>('/api/public/xzzf/observations', input),
};
