import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';
import { brandColor } from '../../../ui/theme';

/** The frame of the pages before the workbench: sign-in and the first password. */
export function SignInFrame({ title, subtitle, width = 380, children }: { title: string; subtitle?: ReactNode; width?: number; children: ReactNode }) {
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: `linear-gradient(180deg, ${brandColor} 0, ${brandColor} 42%, #f0f2f5 42%)`,
        padding: 16,
        boxSizing: 'border-box',
      }}
    >
      <Card style={{ width, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4, textAlign: 'center' }}>
          {title}
        </Typography.Title>
        {subtitle && (
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
            {subtitle}
          </Typography.Paragraph>
        )}
        {children}
      </Card>
    </div>
  );
}
