import { Alert, Button, Result, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { CopyButton } from '../../../ui/copy-button';
import { citizenStrings as s } from '../strings';

interface SubmitResultProps {
  trackingCode: string;
  requesterKey: string;
  onAgain: () => void;
}

const codeStyle = { fontSize: 22, letterSpacing: 1, whiteSpace: 'nowrap', margin: 0, fontFamily: 'Menlo, Consolas, monospace' } as const;

function CodeLine({ label, use, value, testId }: { label: string; use: string; value: string; testId: string }) {
  return (
    <div style={{ textAlign: 'left' }}>
      <Typography.Text type="secondary">
        {label}
        <span style={{ fontSize: 12, marginInlineStart: 8 }}>{use}</span>
      </Typography.Text>
      <Typography.Paragraph strong style={codeStyle} data-testid={testId}>
        {value}
      </Typography.Paragraph>
    </div>
  );
}

/** Both codes together: the tracking code to follow the request, the key to rate its answer (shown this once). */
export function SubmitResult({ trackingCode, requesterKey, onAgain }: SubmitResultProps) {
  return (
    <Result
      status="success"
      title={s.result.title}
      subTitle={s.result.subTitle}
      style={{ background: '#fff', borderRadius: 4, padding: '24px 16px' }}
      extra={
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <div style={{ border: '1px solid #d9d9d9', borderRadius: 4, padding: '12px 16px', display: 'grid', gap: 8 }} data-testid="submit-codes">
            <CodeLine label={s.result.codeLabel} use={s.result.codeUse} value={trackingCode} testId="tracking-code" />
            <CodeLine label={s.result.keyLabel} use={s.result.keyUse} value={requesterKey} testId="requester-key" />
          </div>
          <Alert
            type="warning"
            showIcon
            title={s.result.keyOnceTitle}
            description={s.result.keyOnceText}
            style={{ textAlign: 'left' }}
            data-testid="requester-key-hint"
          />
          <CopyButton text={s.result.copyText(trackingCode, requesterKey)} label={s.result.copyBoth} block data-testid="copy-codes" />
          <Typography.Text type="secondary" data-testid="tracking-code-hint">
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
