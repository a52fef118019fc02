import type { ReactNode } from 'react';
import { CitizenShell } from '../../../ui/citizen-shell';
import { enforcementStrings as strings } from '../strings';

const s = strings.publicDecisions;

/** The public pages' frame under 行政执法公示's own name. */
export function PublicEnforcementShell({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <CitizenShell title={title} subtitle={subtitle} brand={{ label: s.brand, to: '/xzzf/decisions' }} footer={s.footer}>
      {children}
    </CitizenShell>
  );
}
