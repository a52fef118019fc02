import type { ReactNode } from 'react';
import { CitizenShell } from '../../../ui/citizen-shell';
import { enforcementStrings as strings } from '../strings';

const s = strings.publicDecisions;

/** The public pages' frame under 行政执法公示's own name. */
export function PublicEnforcementShell({ title, subtitle, footer = s.footer, children }: { title: string; subtitle?: string; footer?: string; children: ReactNode }) {
  return (
    <CitizenShell title={title} subtitle={subtitle} brand={{ label: s.brand, to: '/xzzf/decisions' }} footer={footer}>
      {children}
    </CitizenShell>
  );
}
