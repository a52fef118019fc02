import { useState, type FormEvent } from 'react';
import { errorMessage, isApiError } from '../../../api/client';
import { Alert, Button, Card, Field } from '../../../ui/lite/controls';
import { submitEvaluation, type Satisfaction } from '../api';
import { normaliseRequesterKey } from '../requester-key';
import { citizenStrings as s } from '../strings';

// The case takes no key at all: only the follow-up call can record the rating.
const NO_ONLINE_RATING = new Set(['REQUESTER_KEY_LOCKED', 'REQUESTER_KEY_MISSING']);

type Problems = Partial<Record<'key' | 'resolved' | 'satisfaction' | 'comment', string>>;

const SATISFACTIONS: Array<[Satisfaction, string, string]> = [
  ['satisfied', s.evaluation.satisfied, 'evaluation-satisfied'],
  ['basically_satisfied', s.evaluation.basicallySatisfied, 'evaluation-basically-satisfied'],
  ['dissatisfied', s.evaluation.dissatisfied, 'evaluation-dissatisfied'],
];

/** The requester's rating, proved by the 评价码; the key lives in this form only, never stored. */
export function EvaluationForm({ code, onDone }: { code: string; onDone: () => void }) {
  const [key, setKey] = useState('');
  const [resolved, setResolved] = useState<'yes' | 'no' | null>(null);
  const [satisfaction, setSatisfaction] = useState<Satisfaction | null>(null);
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [keyRefused, setKeyRefused] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [closed, setClosed] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    const found: Problems = {};
    if (!key.trim()) found.key = s.evaluation.keyRequired;
    else if (!normaliseRequesterKey(key)) found.key = s.evaluation.keyMalformed;
    if (!resolved) found.resolved = s.evaluation.resolvedRequired;
    if (!satisfaction) found.satisfaction = s.evaluation.satisfactionRequired;
    setProblems(found);
    if (Object.keys(found).length || !resolved || !satisfaction) return;
    setSubmitting(true);
    try {
      await submitEvaluation(code, {
        key: normaliseRequesterKey(key) ?? key,
        resolved: resolved === 'yes',
        satisfaction,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      onDone();
    } catch (err) {
      if (isApiError(err, 'REQUESTER_KEY_INVALID')) setKeyRefused(err.message);
      else if (isApiError(err) && NO_ONLINE_RATING.has(err.code)) setClosed(err.message);
      else setRefusal(errorMessage(err));
    } finally {
      setSubmitting(false);
    }
  };

  if (closed) {
    return (
      <Card title={s.evaluation.title}>
        <Alert tone="info" title={s.evaluation.followUpTitle} testId="evaluation-closed">
          <div data-testid="evaluation-closed-reason">{closed}</div>
          <div style={{ marginTop: 4 }}>{s.evaluation.followUpText}</div>
        </Alert>
      </Card>
    );
  }

  const radio = (name: string, checked: boolean, onChange: () => void, label: string, testId: string) => (
    <label key={testId}>
      <input type="radio" name={name} checked={checked} onChange={onChange} />
      <span data-testid={testId}>{label}</span>
    </label>
  );

  return (
    <Card title={s.evaluation.title}>
      {refusal && (
        <div style={{ marginBottom: 12 }}>
          <Alert tone="error" title={<span data-testid="evaluation-error">{refusal}</span>} />
        </div>
      )}
      <form onSubmit={submit} noValidate data-testid="evaluation-form">
        <Field
          label={s.evaluation.key}
          htmlFor="evaluation-key"
          required
          error={keyRefused ? <span data-testid="evaluation-key-error">{keyRefused}</span> : problems.key}
          hint={s.evaluation.keyHint}
        >
          <input
            id="evaluation-key"
            className="lt-input"
            value={key}
            maxLength={20}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder={s.evaluation.keyPlaceholder}
            style={{ fontFamily: 'Menlo, Consolas, monospace', letterSpacing: 1 }}
            onChange={(e) => (setKey(e.target.value), setKeyRefused(null), setProblems((p) => ({ ...p, key: undefined })))}
            data-testid="evaluation-key"
          />
        </Field>
        <Field label={s.evaluation.resolved} required error={problems.resolved}>
          <div className="lt-radios" role="radiogroup" data-testid="evaluation-resolved">
            {radio('resolved', resolved === 'yes', () => setResolved('yes'), s.evaluation.yes, 'evaluation-resolved-yes')}
            {radio('resolved', resolved === 'no', () => setResolved('no'), s.evaluation.no, 'evaluation-resolved-no')}
          </div>
        </Field>
        <Field label={s.evaluation.satisfaction} required error={problems.satisfaction}>
          <div className="lt-radios" role="radiogroup" data-testid="evaluation-satisfaction">
            {SATISFACTIONS.map(([value, label, testId]) => radio('satisfaction', satisfaction === value, () => setSatisfaction(value), label, testId))}
          </div>
        </Field>
        <Field label={s.evaluation.comment} htmlFor="evaluation-comment" count={`${comment.length} / 2000`}>
          <textarea
            id="evaluation-comment"
            className="lt-textarea"
            rows={3}
            maxLength={2000}
            placeholder={s.evaluation.commentPlaceholder}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            data-testid="evaluation-comment"
          />
        </Field>
        <Button primary block type="submit" loading={submitting} data-testid="evaluation-submit">
          {s.evaluation.submit}
        </Button>
      </form>
    </Card>
  );
}
