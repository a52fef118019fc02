import { useState, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { uiStrings } from '../strings';
import './lite.css';
import { copyText } from './clipboard';

/** The phone-first frame of the citizen's pages: a blue band and one centred column. */
export function LiteFrame({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <div className="lt-page">
      <header className="lt-band">
        <div className="lt-band-inner">
          <Link to="/">{uiStrings.hotlineName}</Link>
          <h1>{title}</h1>
          {subtitle && <p>{subtitle}</p>}
        </div>
      </header>
      <main className="lt-main">{children}</main>
      <footer className="lt-footer">{uiStrings.copyright}</footer>
    </div>
  );
}

export function Card({ title, children, testId }: { title?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="lt-card" data-testid={testId}>
      {title && <h2>{title}</h2>}
      <div className="lt-card-body">{children}</div>
    </section>
  );
}

interface FieldProps {
  label: string;
  htmlFor?: string;
  required?: boolean;
  error?: ReactNode;
  hint?: ReactNode;
  count?: string;
  children: ReactNode;
}

/** A label, the control, and under it the problem or a hint. */
export function Field({ label, htmlFor, required, error, hint, count, children }: FieldProps) {
  return (
    <div className={error ? 'lt-field lt-invalid' : 'lt-field'}>
      <label htmlFor={htmlFor} className={required ? 'lt-required' : undefined}>
        {label}
        {count && <span className="lt-count">{count}</span>}
      </label>
      {children}
      {error ? <div className="lt-error" role="alert">{error}</div> : hint ? <div className="lt-hint">{hint}</div> : null}
    </div>
  );
}

type Tone = 'error' | 'warning' | 'info';

export function Alert({ tone, title, children, testId }: { tone: Tone; title: ReactNode; children?: ReactNode; testId?: string }) {
  return (
    <div className={`lt-alert lt-alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <div className="lt-alert-title">{title}</div>
      {children && <div>{children}</div>}
    </div>
  );
}

export function Result({ tone, title, subtitle, children }: { tone: 'success' | 'warning'; title: ReactNode; subtitle?: ReactNode; children?: ReactNode }) {
  return (
    <div className={`lt-result lt-result-${tone}`}>
      <div className="lt-result-icon" aria-hidden>{tone === 'success' ? '✔' : '!'}</div>
      <h2>{title}</h2>
      {subtitle && <div className="lt-muted">{subtitle}</div>}
      {children && <div style={{ marginTop: 16 }}>{children}</div>}
    </div>
  );
}

export function Skeleton() {
  return <div className="lt-skeleton" aria-busy="true" aria-label={uiStrings.loading} />;
}

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  primary?: boolean;
  danger?: boolean;
  block?: boolean;
  size?: 'large' | 'small';
  loading?: boolean;
}

export function Button({ primary, danger, block, size, loading, className, children, disabled, type = 'button', ...rest }: ButtonProps) {
  const classes = ['lt-button', primary && 'lt-primary', danger && 'lt-danger', block && 'lt-block', size && `lt-${size}`, className].filter(Boolean).join(' ');
  return (
    <button type={type} className={classes} disabled={disabled || loading} aria-busy={loading || undefined} {...rest}>
      {children}
    </button>
  );
}

const FINAL = /closed|done|finished|archived|merged|answered|completed|evaluated/;
const ATTENTION = /return|overdue|disput|reopen|supervis|rejected/;
const WAITING = /new|received|submitted|pending|registered|classif/;

/** A workflow state as a coloured tag; the label always comes from the server. */
export function StateBadge({ state, label, testId }: { state: string; label: string; testId?: string }) {
  const tone = FINAL.test(state) ? 'lt-tag-green' : ATTENTION.test(state) ? 'lt-tag-red' : WAITING.test(state) ? '' : 'lt-tag-blue';
  return <span className={`lt-tag ${tone}`} data-testid={testId}>{label || state}</span>;
}

/** Copies `text`; the button says so for a moment, or asks the person to write it down. */
export function CopyButton({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <Button
      block
      data-testid={testId}
      onClick={() =>
        void copyText(text).then((ok) => {
          setState(ok ? 'copied' : 'failed');
          window.setTimeout(() => setState('idle'), 2000);
        })
      }
    >
      {state === 'copied' ? uiStrings.copied : state === 'failed' ? uiStrings.copyFailed : label}
    </Button>
  );
}
