import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Radio, Result, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { useLoaded } from '../../../api/use-loaded';
import { chinaToday } from '../../../ui/format';
import { SearchSelect } from '../../../ui/search-select';
import { useStaffSession } from '../../staff/auth-context';
import { CLUE_SOURCE_LABELS, OBJECT_KIND_LABELS } from '../../../../../contracts/enforcement';
import { enforcementApi, type ClueInput } from '../api';
import { useVocabulary } from '../components/field-tags';
import { officerUnits } from '../roles';
import { enforcementStrings as strings } from '../strings';

const s = strings.clue;

interface ClueValues {
  subjectId: number;
  field: string;
  source: ClueInput['source'];
  summary: string;
  discoveredOn: Dayjs;
  registered: boolean;
  /** The chosen register entry's id, as the search offers it. */
  objectId?: string;
  partyKind?: 'enterprise' | 'individual';
  partyName?: string;
}

/** 登记案件线索: an officer records a clue in their subject's name; the case page then carries it to 立案. */
export function NewCluePage() {
  const session = useStaffSession();
  const navigate = useNavigate();
  const vocabulary = useVocabulary();
  const units = useMemo(() => officerUnits(session), [session]);
  const subjects = useLoaded(useCallback((signal: AbortSignal) => enforcementApi.subjects(signal), []));
  const mine = useMemo(() => (subjects.data?.items ?? []).filter((x) => units.includes(x.unitId) && x.status === 'active'), [subjects.data, units]);
  const [form] = Form.useForm<ClueValues>();
  const subjectId = Form.useWatch('subjectId', form);
  const registered = Form.useWatch('registered', form) ?? true;
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // An officer of one subject records in its name without choosing it; one field is chosen for them too.
  useEffect(() => {
    if (mine.length === 1 && form.getFieldValue('subjectId') === undefined) form.setFieldValue('subjectId', mine[0]!.id);
  }, [mine, form]);
  useEffect(() => {
    const only = mine.find((x) => x.id === subjectId)?.fields;
    if (only?.length === 1 && form.getFieldValue('field') === undefined) form.setFieldValue('field', only[0]);
  }, [mine, subjectId, form]);

  if (units.length === 0) return <Result status="403" title={<span data-testid="xzzf-clue-forbidden">{s.forbidden}</span>} />;
  const fields = mine.find((x) => x.id === subjectId)?.fields ?? [];

  const submit = async (v: ClueValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const party = v.registered ? { objectId: Number(v.objectId) } : { partyKind: v.partyKind!, partyName: v.partyName!.trim() };
      const { caseId } = await enforcementApi.recordClue({ subjectId: v.subjectId, field: v.field, source: v.source, summary: v.summary.trim(), discoveredOn: v.discoveredOn.format('YYYY-MM-DD'), ...party });
      navigate(`/staff/xzzf/cases/${caseId}`);
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(errorMessage(err));
      setSubmitting(false);
    }
  };

  return (
    <Card size="small" title={s.title} data-testid="xzzf-clue-page">
      <Alert type="info" showIcon title={s.note} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="xzzf-clue-error" />}
      <Form<ClueValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 640 }}
        onFinish={submit}
        scrollToFirstError
        initialValues={{ registered: true }}
        data-testid="xzzf-clue-form"
      >
        <Form.Item name="subjectId" label={s.subject} rules={[{ required: true, message: s.choose(s.subject) }]}>
          <Select
            options={mine.map((x) => ({ value: x.id, label: x.name }))}
            loading={subjects.loading}
            onChange={() => form.setFieldValue('field', undefined)}
            data-testid="xzzf-clue-subject"
          />
        </Form.Item>
        <Form.Item name="field" label={s.field} rules={[{ required: true, message: s.choose(s.field) }]}>
          <Select options={fields.map((f) => ({ value: f, label: vocabulary.field(f) }))} data-testid="xzzf-clue-field" />
        </Form.Item>
        <Form.Item name="source" label={s.source} rules={[{ required: true, message: s.choose(s.source) }]}>
          <Select options={Object.entries(CLUE_SOURCE_LABELS).map(([value, label]) => ({ value, label }))} data-testid="xzzf-clue-source" />
        </Form.Item>
        <Form.Item name="summary" label={s.summary} rules={[{ required: true, whitespace: true, message: s.required(s.summary) }, { max: 500 }]}>
          <Input maxLength={500} placeholder={s.summaryPlaceholder} data-testid="xzzf-clue-summary" />
        </Form.Item>
        <Form.Item name="discoveredOn" label={s.discoveredOn} rules={[{ required: true, message: s.choose(s.discoveredOn) }]}>
          <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') > chinaToday()} style={{ width: 200 }} data-testid="xzzf-clue-discoveredOn" />
        </Form.Item>
        <Form.Item name="registered" label={s.party}>
          <Radio.Group
            options={[{ value: true, label: s.registered }, { value: false, label: s.unregistered }]}
            optionType="button"
            data-testid="xzzf-clue-registered"
          />
        </Form.Item>
        {registered ? (
          <Form.Item name="objectId" rules={[{ required: true, message: s.choose(s.party) }]}>
            <SearchSelect
              search={(q) =>
                enforcementApi.objects({ q, page: 1, pageSize: 10 }).then((r) =>
                  r.items.map((o) => ({ value: String(o.id), label: `${o.name}（${o.creditCode ?? o.idNumberMasked ?? OBJECT_KIND_LABELS[o.kind]}）` })),
                )
              }
              placeholder={s.partyPick}
              testId="xzzf-clue-object"
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="partyKind" label={s.partyKind} rules={[{ required: true, message: s.choose(s.partyKind) }]}>
              <Radio.Group options={Object.entries(OBJECT_KIND_LABELS).map(([value, label]) => ({ value, label }))} data-testid="xzzf-clue-partyKind" />
            </Form.Item>
            <Form.Item name="partyName" label={s.partyName} rules={[{ required: true, whitespace: true, message: s.required(s.partyName) }, { max: 100 }]}>
              <Input maxLength={100} data-testid="xzzf-clue-partyName" />
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="xzzf-clue-submit">
          {s.submit}
        </Button>
      </Form>
    </Card>
  );
}
