import { createContext, useContext } from 'react';
import type { CaseTypePages } from './web-module';

/** Every case type some module shows, so a link to another case opens on its own module's page. */
export const CasePagesContext = createContext<readonly CaseTypePages[]>([]);

export function useCasePages(): readonly CaseTypePages[] {
  return useContext(CasePagesContext);
}

/** The detail page of a case of any type shown by some module; the generic one otherwise. */
export function caseDetailPath(pages: readonly CaseTypePages[], caseType: string, caseId: string): string {
  const found = pages.find((p) => p.caseType === caseType);
  return found ? `${found.base}/cases/${caseId}` : `/staff/cases/${caseId}`;
}
