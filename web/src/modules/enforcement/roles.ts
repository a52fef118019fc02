import type { StaffSession } from '../staff/auth-context';

export const ENFORCEMENT_MODULE = 'xzzf';

const held = (session: StaffSession) => session.user.modules.find((m) => m.name === ENFORCEMENT_MODULE)?.roles ?? [];

/** Does the person register objects? The server lets officers, subject administrators and supervisors do it. */
export function registersObjects(session: StaffSession): boolean {
  return held(session).some((r) => r.role === 'officer' || r.role === 'subject_admin' || r.role === 'supervisor');
}

/**
 * Does the person keep this subject's officers and certificates: its administrator (held for its
 * unit) or a supervisor (who reads only the subjects of their government, so every one shown).
 */
export function keepsSubject(session: StaffSession, subjectUnitId: number | undefined): boolean {
  return held(session).some((r) => r.role === 'supervisor' || (r.role === 'subject_admin' && r.unitId === subjectUnitId));
}

/** Does the person register and change subjects: a supervisor, held for a government. */
export function supervisesSubjects(session: StaffSession): boolean {
  return held(session).some((r) => r.role === 'supervisor');
}

/** The units whose subjects the person records clues for: the server lets only `xzzf.officer` for the subject's unit do it. */
export function officerUnits(session: StaffSession): number[] {
  return held(session).filter((r) => r.role === 'officer').map((r) => r.unitId);
}

/** Who answers a 执法监督意见 for a subject: its head or its administrator. */
export function answersSupervision(session: StaffSession): boolean {
  return held(session).some((r) => r.role === 'head' || r.role === 'subject_admin');
}

/** The units whose subjects the person plans and draws inspections for: `xzzf.officer` or `xzzf.subject_admin` for the subject's unit. */
export function planningUnits(session: StaffSession): number[] {
  return held(session).filter((r) => r.role === 'officer' || r.role === 'subject_admin').map((r) => r.unitId);
}

/** Does the person score files drawn for them: an expert of the 司法局's 评查 pool. */
export function reviewsFiles(session: StaffSession): boolean {
  return held(session).some((r) => r.role === 'file_reviewer');
}
