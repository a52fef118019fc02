import type { ReactNode } from 'react';
import { Space } from 'antd';
import { Link } from 'react-router-dom';
import { CitizenShell } from '../../../ui/citizen-shell';
import { reconsiderationStrings as s } from '../strings';

/** The public pages' frame: the citizen shell under 行政复议's own name, with a way to each public page. */
export function PublicShell({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <CitizenShell title={title} subtitle={subtitle} brand={{ label: s.brand, to: '/xzfy/apply' }} footer={s.footer}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {children}
        <nav style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'center', gap: '4px 16px', fontSize: 13 }} data-testid="xzfy-public-nav">
          <Link to="/xzfy/apply">{s.links.apply}</Link>
          <Link to="/xzfy/track">{s.links.track}</Link>
          <Link to="/xzfy/decisions">{s.links.decisions}</Link>
          <Link to="/">{s.links.home}</Link>
        </nav>
      </Space>
    </CitizenShell>
  );
}
