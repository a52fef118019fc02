import { useMemo, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Result, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { unitTree, useUnits } from '../../../api/units';
import { caseApi } from '../../../platform/api';
import { chinaToday } from '../../../ui/format';
import { SearchSelect } from '../../../ui/search-select';
import { useStaffSession } from '../../staff/auth-context';
import { LITIGATION_MODULE, recordsLawsuits, seesReconsideration } from '../roles';
import { litigationStrings as strings } from '../strings';

const s = strings.newLawsuit;
const DEFENDANT_KINDS = new Set(['government', 'department', 'township']);

interface LawsuitValues {
  defendantUnitId: number;
  courtName: string;
  courtCaseNumber: string;
  cause: string;
  plaintiffName: string;
  servedOn: Dayjs;
  fromReviewCaseId?: string;
}

/** Reconsideration cases found by their 案号 as the person types, for 关联复议案件. */
function ReviewCaseSelect({ value, onChange }: { value?: string; onChange?: (v: string | undefined) => void }) {
  return (
    <SearchSelect
      value={value}
      onChange={onChange}
      search={(q) =>
        caseApi.search({ caseType: 'xzfy_case', q, pageSize: 20 }).then((r) => r.items.filter((c) => c.code).map((c) => ({ value: c.caseId, label: `${c.code}　${c.title ?? ''}` })))
      }
      placeholder={s.reviewPlaceholder}
      testId="xzss-new-review"
      delayMs={250}
    />
  );
}

/** 登记应诉案件: a lawsuit served on an organ; the detail page then shows its fifteen days to answer. */
export function NewLawsuitPage() {
  const session = useStaffSession();
  const navigate = useNavigate();
  const { units, loading } = useUnits(LITIGATION_MODULE);
  const tree = useMemo(() => unitTree(units.filter((u) => DEFENDANT_KINDS.has(u.kind))), [units]);
  const [form] = Form.useForm<LawsuitValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!recordsLawsuits(session)) return <Result status="403" title={<span data-testid="xzss-new-forbidden">{s.forbidden}</span>} />;

  const submit = async (v: LawsuitValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const { caseId } = await api.post<{ caseId: string }>('/api/xzss/lawsuits', {
        defendantUnitId: v.defendantUnitId,
        courtName: v.courtName.trim(),
        courtCaseNumber: v.courtCaseNumber.trim(),
        cause: v.cause.trim(),
        plaintiffName: v.plaintiffName.trim(),
        servedOn: v.servedOn.format('YYYY-MM-DD'),
        ...(v.fromReviewCaseId ? { fromReviewCaseId: v.fromReviewCaseId } : {}),
      });
      navigate(`/staff/xzss/cases/${caseId}`);
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(errorMessage(err));
      setSubmitting(false);
    }
  };

  const text = (name: keyof LawsuitValues, label: string, max: number, placeholder?: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, whitespace: true, message: s.required(label) }, { max }]}>
      <Input maxLength={max} placeholder={placeholder} data-testid={`xzss-new-${name}`} />
    </Form.Item>
  );

  return (
    <Card size="small" title={s.title} data-testid="xzss-new-page">
      <Alert type="info" showIcon title={s.note} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="xzss-new-error" />}
      <Form<LawsuitValues> form={form} layout="vertical" style={{ maxWidth: 640 }} onFinish={submit} scrollToFirstError data-testid="xzss-new-form">
        <Form.Item name="defendantUnitId" label={s.defendant} rules={[{ required: true, message: s.choose(s.defendant) }]}>
          <TreeSelect<number>
            treeData={tree}
            loading={loading}
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll
            placeholder={s.defendantPlaceholder}
            data-testid="xzss-new-defendant"
          />
        </Form.Item>
        {text('courtName', s.court, 100, s.courtPlaceholder)}
        {text('courtCaseNumber', s.courtCaseNumber, 100, s.courtCaseNumberPlaceholder)}
        {text('cause', s.cause, 500, s.causePlaceholder)}
        {text('plaintiffName', s.plaintiff, 100)}
        <Form.Item name="servedOn" label={s.servedOn} rules={[{ required: true, message: s.choose(s.servedOn) }]}>
          <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') > chinaToday()} style={{ width: 200 }} data-testid="xzss-new-servedOn" />
        </Form.Item>
        {seesReconsideration(session) && (
          <Form.Item name="fromReviewCaseId" label={s.review} extra={s.reviewHint}>
            <ReviewCaseSelect />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="xzss-new-submit">
          {s.submit}
        </Button>
      </Form>
    </Card>
  );
}
