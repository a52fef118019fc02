import { useState, type FormEvent } from 'react';
import type { PlaceSuggestion } from '../../../../../contracts/requests';
import { Link } from 'react-router-dom';
import { ApiError, errorMessage } from '../../../api/client';
import { useMeta, type Meta } from '../../../api/meta';
import { Alert, Button, Card, Field, LiteFrame, Skeleton } from '../../../ui/lite/controls';
import { submitPublicRequest, suggestPlace, type SubmitResult as Submitted } from '../api';
import { CategorySelect } from '../components/category-select';
import { PhotoField } from '../components/photo-field';
import { SubmitResult } from '../components/submit-result';
import { TrackBox } from '../components/track-box';
import { coreFieldAliases, MOBILE_PATTERN, toRequestBody, type RequestCoreValues } from '../request-body';
import { citizenStrings as s } from '../strings';

const CONTENT_MAX = 5000;
const EMPTY: RequestCoreValues = { content: '' };
type Problems = Partial<Record<keyof RequestCoreValues, string>>;

/** The same rules the server applies, checked first so a citizen hears them at once. */
function check(values: RequestCoreValues): Problems {
  const problems: Problems = {};
  if (!values.content.trim()) problems.content = s.rules.contentRequired;
  else if (values.content.length > CONTENT_MAX) problems.content = s.rules.contentTooLong;
  if (values.phone?.trim() && !MOBILE_PATTERN.test(values.phone.trim())) problems.phone = s.rules.phoneInvalid;
  return problems;
}

/** 12345 诉求提交: the citizen's first page, built without a component library so it loads fast. */
export function SubmitPage() {
  const { meta, error: metaError } = useMeta();
  // Held in memory only: the key must not outlive this page (no storage, no address).
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  return (
    <LiteFrame title={s.submitTitle} subtitle={s.submitSubtitle}>
      {submitted ? (
        <SubmitResult trackingCode={submitted.trackingCode} requesterKey={submitted.requesterKey} onAgain={() => setSubmitted(null)} />
      ) : (
        <Card title={s.formCardTitle}>
          {metaError ? <Alert tone="error" title={s.metaLoadFailed} /> : null}
          {meta ? <RequestForm meta={meta} onSubmitted={(result) => (setSubmitted(result), window.scrollTo({ top: 0 }))} /> : <Skeleton />}
        </Card>
      )}
      <TrackBox />
      <Link to="/public/statistics" className="lt-link lt-center" style={{ fontSize: 13 }} data-testid="statistics-link">
        {s.statisticsLink}
      </Link>
      <nav className="lt-links" data-testid="xzfy-links">
        <span>{s.reconsideration.title}：</span>
        <Link className="lt-link" to="/xzfy/apply" data-testid="xzfy-link-apply">{s.reconsideration.apply}</Link>
        <Link className="lt-link" to="/xzfy/track" data-testid="xzfy-link-track">{s.reconsideration.track}</Link>
        <Link className="lt-link" to="/xzfy/decisions" data-testid="xzfy-link-decisions">{s.reconsideration.decisions}</Link>
      </nav>
    </LiteFrame>
  );
}

function RequestForm({ meta, onSubmitted }: { meta: Meta; onSubmitted: (result: Submitted) => void }) {
  const [values, setValues] = useState<RequestCoreValues>(EMPTY);
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const villages = meta.townships.find((t) => t.code === values.townshipCode)?.villages ?? [];
  const [suggested, setSuggested] = useState<PlaceSuggestion | null>(null);
  // A consultation needs no place; a problem does (the server says which). Once the message is
  // written, the place it names is offered, never chosen for the person.
  const offerPlace = () => {
    const text = values.content.trim();
    if (!text || values.townshipCode) return;
    suggestPlace(text).then(
      (place) => setSuggested(place.townshipCode ? place : null),
      () => setSuggested(null),
    );
  };
  const usePlace = (place: PlaceSuggestion) => {
    setValues((v) => ({ ...v, townshipCode: place.townshipCode ?? undefined, villageCode: place.villageCode ?? undefined }));
    setProblems((p) => ({ ...p, townshipCode: undefined }));
    setSuggested(null);
  };

  const set = <K extends keyof RequestCoreValues>(key: K, value: RequestCoreValues[K]) => {
    setValues((v) => ({ ...v, [key]: value, ...(key === 'townshipCode' ? { villageCode: undefined } : {}) }));
    setProblems((p) => ({ ...p, [key]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found = check(values);
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`citizen-${first}`)?.focus();
      return;
    }
    setSubmitting(true);
    try {
      const result = await submitPublicRequest(toRequestBody(values));
      setValues(EMPTY);
      onSubmitted({ trackingCode: result.trackingCode, requesterKey: result.requesterKey });
    } catch (err) {
      const fields = err instanceof ApiError ? err.fieldProblems : [];
      const byField: Problems = {};
      for (const p of fields) byField[(coreFieldAliases[p.field] ?? p.field.split('.')[0]) as keyof RequestCoreValues] = p.message;
      setProblems(byField);
      if (!fields.length) setFailure(errorMessage(err));
    } finally {
      setSubmitting(false);
    }
  };

  const input = (key: 'title' | 'name' | 'phone' | 'address', maxLength: number, extra: Record<string, string> = {}) => (
    <input
      id={`citizen-${key}`}
      className="lt-input"
      value={values[key] ?? ''}
      maxLength={maxLength}
      onChange={(e) => set(key, e.target.value)}
      data-testid={`citizen-${key}`}
      {...extra}
    />
  );

  return (
    <form onSubmit={submit} noValidate data-testid="citizen-form">
      <Field label={s.fields.content} htmlFor="citizen-content" required error={problems.content} count={`${values.content.length} / ${CONTENT_MAX}`}>
        <textarea
          id="citizen-content"
          className="lt-textarea"
          rows={6}
          maxLength={CONTENT_MAX}
          placeholder={s.fields.contentPlaceholder}
          value={values.content}
          onChange={(e) => set('content', e.target.value)}
          onBlur={offerPlace}
          data-testid="citizen-content"
        />
      </Field>
      <Field label={s.fields.title} htmlFor="citizen-title" error={problems.title}>
        {input('title', 100, { placeholder: s.fields.titlePlaceholder })}
      </Field>
      <Field label={s.fields.requesterName} htmlFor="citizen-name" error={problems.name}>
        {input('name', 50, { placeholder: s.fields.requesterNamePlaceholder, autoComplete: 'name' })}
      </Field>
      <Field label={s.fields.requesterPhone} htmlFor="citizen-phone" error={problems.phone}>
        {input('phone', 11, { placeholder: s.fields.requesterPhonePlaceholder, autoComplete: 'tel', inputMode: 'numeric', type: 'tel' })}
      </Field>
      <Field
        label={s.fields.township}
        htmlFor="citizen-townshipCode"
        error={problems.townshipCode}
        hint={
          suggested && !values.townshipCode ? (
            <button type="button" className="lt-link-button" onClick={() => usePlace(suggested)} data-testid="citizen-place-suggestion">
              {s.fields.placeSuggested(`${suggested.townshipName ?? ''}${suggested.villageName ?? ''}`)}
            </button>
          ) : (
            s.fields.townshipHelp
          )
        }
      >
        <select
          id="citizen-townshipCode"
          className="lt-select"
          value={values.townshipCode ?? ''}
          onChange={(e) => set('townshipCode', e.target.value || undefined)}
          data-testid="citizen-township"
        >
          <option value="">{s.fields.townshipPlaceholder}</option>
          {meta.townships.map((t) => (
            <option key={t.code} value={t.code}>
              {t.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={s.fields.village} htmlFor="citizen-villageCode" error={problems.villageCode}>
        <select
          id="citizen-villageCode"
          className="lt-select"
          value={values.villageCode ?? ''}
          disabled={!values.townshipCode}
          onChange={(e) => set('villageCode', e.target.value || undefined)}
          data-testid="citizen-village"
        >
          <option value="">{s.fields.villagePlaceholder}</option>
          {villages.map((v) => (
            <option key={v.code} value={v.code}>
              {v.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={s.fields.address} htmlFor="citizen-address" error={problems.address}>
        {input('address', 200, { placeholder: s.fields.addressPlaceholder })}
      </Field>
      <div className={problems.categoryPath ? 'lt-field lt-invalid' : 'lt-field'}>
        <span className="lt-label">{s.fields.category}</span>
        <CategorySelect categories={meta.categories} value={values.categoryPath ?? []} onChange={(path) => set('categoryPath', path.length ? path : undefined)} testId="citizen-category" />
        {problems.categoryPath && <div className="lt-error">{problems.categoryPath}</div>}
      </div>
      <div className={problems.photo ? 'lt-field lt-invalid' : 'lt-field'}>
        <span className="lt-label">{s.fields.photo}</span>
        <PhotoField
          value={values.photo}
          onChange={(photo) => set('photo', photo)}
          onProblem={(message) => setProblems((p) => ({ ...p, photo: message }))}
          testId="citizen-photo"
        />
        {problems.photo ? <div className="lt-error" data-testid="citizen-photo-error">{problems.photo}</div> : <div className="lt-hint">{s.fields.photoHint}</div>}
      </div>
      {failure && (
        <div style={{ marginBottom: 12 }}>
          <Alert tone="error" title={s.submitFailed} testId="citizen-submit-error">
            {failure}
          </Alert>
        </div>
      )}
      <Button primary block size="large" type="submit" loading={submitting} data-testid="citizen-submit">
        {submitting ? s.submitting : s.submit}
      </Button>
    </form>
  );
}
