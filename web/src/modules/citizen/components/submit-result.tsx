import { Button, Result, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { citizenStrings as s } from '../strings';

interface SubmitResultProps {
  trackingCode: string;
  onAgain: () => void;
}

export function SubmitResult({ trackingCode, onAgain }: SubmitResultProps) {
  return (
    <Result
      status="success"
      title={s.result.title}
      subTitle={s.result.subTitle}
      style={{ background: '#fff', borderRadius: 4, padding: '32px 16px' }}
      extra={
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <div>
            <Typography.Text type="secondary">{s.result.codeLabel}</Typography.Text>
            <Typography.Paragraph
              copyable={{ text: trackingCode, tooltips: false }}
              strong
              style={{ fontSize: 24, letterSpacing: 1, whiteSpace: 'nowrap', margin: '4px 0 0', fontFamily: 'Menlo, Consolas, monospace' }}
              data-testid="tracking-code"
            >
              {trackingCode}
            </Typography.Paragraph>
          </div>
          <Typography.Text type="warning" data-testid="tracking-code-hint">
            {s.result.keepCode}
          </Typography.Text>
          <Space wrap style={{ justifyContent: 'center' }}>
            <Link to={`/track/${encodeURIComponent(trackingCode)}`} data-testid="tracking-link">
              <Button type="primary">{s.result.track}</Button>
            </Link>
            <Button onClick={onAgain}>{s.result.again}</Button>
          </Space>
        </Space>
      }
    />
  );
}
