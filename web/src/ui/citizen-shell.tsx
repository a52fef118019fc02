import type { ReactNode } from 'react';
import { Layout, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { brandColor } from './theme';
import { uiStrings } from './strings';

interface CitizenShellProps {
  title: string;
  subtitle?: string;
  /** The line above the title, linking to the service's own first page; the hotline's by default. */
  brand?: { label: string; to: string };
  footer?: string;
  children: ReactNode;
}

/** The phone-first frame of the public pages: a blue band and one centred column. */
export function CitizenShell({ title, subtitle, brand = { label: uiStrings.hotlineName, to: '/' }, footer = uiStrings.copyright, children }: CitizenShellProps) {
  return (
    <Layout style={{ minHeight: '100vh', background: '#f0f2f5' }}>
      <header style={{ background: brandColor, color: '#fff', padding: '14px 16px 18px' }}>
        <div style={{ maxWidth: 520, margin: '0 auto' }}>
          <Link to={brand.to} style={{ color: 'rgba(255,255,255,0.85)', fontSize: 12 }}>
            {brand.label}
          </Link>
          <Typography.Title level={3} style={{ color: '#fff', margin: '4px 0 0' }}>
            {title}
          </Typography.Title>
          {subtitle && <div style={{ color: 'rgba(255,255,255,0.85)', fontSize: 13, marginTop: 4 }}>{subtitle}</div>}
        </div>
      </header>
      <main style={{ width: '100%', maxWidth: 520, margin: '0 auto', padding: '12px 12px 24px', boxSizing: 'border-box' }}>
        {children}
      </main>
      <footer style={{ textAlign: 'center', color: '#8c8c8c', fontSize: 12, padding: '8px 0 20px' }}>{footer}</footer>
    </Layout>
  );
}
