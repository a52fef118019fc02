import { Link } from 'react-router-dom';
import { Alert, Button, CopyButton, Result } from '../../../ui/lite/controls';
import { citizenStrings as s } from '../strings';

interface SubmitResultProps {
  trackingCode: string;
  requesterKey: string;
  onAgain: () => void;
}

function CodeLine({ label, use, value, testId }: { label: string; use: string; value: string; testId: string }) {
  return (
    <div style={{ textAlign: 'left' }}>
      <span className="lt-muted">
        {label}
        <span style={{ fontSize: 12, marginInlineStart: 8 }}>{use}</span>
      </span>
      <p className="lt-code" data-testid={testId}>
        {value}
      </p>
    </div>
  );
}

/** Both codes together: the tracking code to follow the request, the key to rate its answer (shown this once). */
export function SubmitResult({ trackingCode, requesterKey, onAgain }: SubmitResultProps) {
  return (
    <Result tone="success" title={s.result.title} subtitle={s.result.subTitle}>
      <div className="lt-stack" style={{ gap: 12 }}>
        <div style={{ border: '1px solid #d9d9d9', borderRadius: 4, padding: '12px 16px', display: 'grid', gap: 8 }} data-testid="submit-codes">
          <CodeLine label={s.result.codeLabel} use={s.result.codeUse} value={trackingCode} testId="tracking-code" />
          <CodeLine label={s.result.keyLabel} use={s.result.keyUse} value={requesterKey} testId="requester-key" />
        </div>
        <div style={{ textAlign: 'left' }}>
          <Alert tone="warning" title={s.result.keyOnceTitle} testId="requester-key-hint">
            {s.result.keyOnceText}
          </Alert>
        </div>
        <CopyButton text={s.result.copyText(trackingCode, requesterKey)} label={s.result.copyBoth} testId="copy-codes" />
        <span className="lt-muted" data-testid="tracking-code-hint">
          {s.result.keepCode}
        </span>
        <div className="lt-row" style={{ justifyContent: 'center' }}>
          <Link to={`/track/${encodeURIComponent(trackingCode)}`} className="lt-button lt-primary" data-testid="tracking-link">
            {s.result.track}
          </Link>
          <Button onClick={onAgain}>{s.result.again}</Button>
        </div>
      </div>
    </Result>
  );
}
