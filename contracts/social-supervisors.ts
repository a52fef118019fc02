/**
 * 社会监督员 (social supervisors of enforcement) as the server answers and the pages show them:
 * the office's register, the public card check, and the supervisor's own observations.
 */
export const SUPERVISOR_STATUS_LABELS = { active: '在聘', dismissed: '已解聘' } as const;

/** 聘任 (POST /api/xzzf/social-supervisors): the card code and the secret come back once. */
export interface SupervisorAppointment {
  name: string;
  phone: string;
  workUnit: string;
  termFrom: string;
  termTo: string;
}

export interface SupervisorAppointed {
  id: number;
  code: string;
  /** 查询密码: shown once to be printed on the appointment letter; only its hash is kept. */
  secret: string;
}

/** A row of the office's register: the full phone is the office's. */
export interface SupervisorView {
  id: number;
  name: string;
  phone: string;
  workUnit: string;
  termFrom: string;
  termTo: string;
  code: string;
  status: keyof typeof SUPERVISOR_STATUS_LABELS;
  inForce: boolean;
  dismissedOn: string | null;
  dismissalReason: string | null;
  governmentName: string;
  observations: number;
}

/** The public card check: never the phone. */
export interface SupervisorCard {
  code: string;
  name: string;
  workUnit: string;
  termFrom: string;
  termTo: string;
  office: string;
  inForce: boolean;
  status: keyof typeof SUPERVISOR_STATUS_LABELS;
}

/** The supervisor's proof: the card code and the secret. */
export interface CardProof {
  code: string;
  secret: string;
}

export interface ObservationInput extends CardProof {
  concerning: string;
  subjectId?: number;
  observedOn: string;
  place: string;
  content: string;
  files?: Array<{ name: string; mediaType: string; contentBase64: string }>;
}

export interface ObservationFiled {
  caseId: string;
  receivedOn: string;
  dueOn: string;
}

/** What the supervisor reads of their own observations. */
export interface MyObservation {
  caseId: string;
  concerning: string;
  observedOn: string;
  place: string;
  content: string;
  receivedOn: string;
  dueOn: string;
  state: string;
  stateLabel: string;
  answer: string | null;
  answeredOn: string | null;
}

export interface MyObservations {
  name: string;
  /** The holder's own phone as the office has it, masked (138****1234). */
  phone: string;
  inForce: boolean;
  subjects: Array<{ id: number; name: string }>;
  items: MyObservation[];
}
