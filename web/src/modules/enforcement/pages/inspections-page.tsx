import { useCallback, useMemo, useState } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Popover, QRCode, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { INSPECTION_RESULT_LABELS, INSPECTION_STATUS_LABELS, PLAN_STATUS_LABELS, type InspectionView } from '../../../../../contracts/enforcement';
import { errorMessage } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { useLoaded } from '../../../api/use-loaded';
import { chinaToday } from '../../../ui/format';
import { useStaffSession } from '../../staff/auth-context';
import { enforcementApi, type InspectionPlanView } from '../api';
import { planningUnits } from '../roles';
import { enforcementStrings as strings } from '../strings';

const s = strings.inspections;

interface PlanValues {
  subjectId: number;
  matterId: number;
  title: string;
  plannedCount?: number;
  jointSubjectIds?: number[];
  days: [Dayjs, Dayjs];
}

/** 制定检查计划: a subject's officer or administrator, under one of its 行政检查 matters, within one year. */
function NewPlanModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const session = useStaffSession();
  const navigate = useNavigate();
  const units = useMemo(() => planningUnits(session), [session]);
  const subjects = useLoaded(useCallback((signal: AbortSignal) => enforcementApi.subjects(signal), []));
  const mine = (subjects.data?.items ?? []).filter((x) => units.includes(x.unitId) && x.status === 'active');
  const [form] = Form.useForm<PlanValues>();
  const subjectId = Form.useWatch('subjectId', form);
  const matters = useLoaded(useCallback((signal: AbortSignal) => (subjectId ? enforcementApi.matters({ subjectId }, signal) : Promise.resolve({ items: [] })), [subjectId]));
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: PlanValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const [first, last] = v.days;
      const { id } = await enforcementApi.createInspectionPlan({
        subjectId: v.subjectId, year: first.year(), matterId: v.matterId, title: v.title.trim(), firstDay: first.format('YYYY-MM-DD'), lastDay: last.format('YYYY-MM-DD'),
        ...(v.plannedCount ? { plannedCount: v.plannedCount } : {}), ...(v.jointSubjectIds?.length ? { jointSubjectIds: v.jointSubjectIds } : {}),
      });
      navigate(`/staff/xzzf/inspections/${id}`);
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(errorMessage(err));
      setSubmitting(false);
    }
  };
  return (
    <Modal open={open} title={s.newPlan} onCancel={onClose} onOk={() => form.submit()} confirmLoading={submitting} destroyOnHidden okButtonProps={{ 'data-testid': 'xzjc-plan-submit' }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="xzjc-plan-error" />}
      <Form<PlanValues> form={form} layout="vertical" onFinish={submit} initialValues={mine.length === 1 ? { subjectId: mine[0]!.id } : {}} data-testid="xzjc-plan-form">
        <Form.Item name="subjectId" label={s.subject} rules={[{ required: true, message: s.choose(s.subject) }]}>
          <Select options={mine.map((x) => ({ value: x.id, label: x.name }))} loading={subjects.loading} onChange={() => form.setFieldValue('matterId', undefined)} data-testid="xzjc-plan-subject" />
        </Form.Item>
        <Form.Item name="matterId" label={s.matter} rules={[{ required: true, message: s.choose(s.matter) }]}>
          <Select
            options={(matters.data?.items ?? []).filter((m) => m.kind === '行政检查').map((m) => ({ value: m.id, label: `${m.name}（${m.code}）` }))}
            loading={matters.loading}
            data-testid="xzjc-plan-matter"
          />
        </Form.Item>
        <Form.Item name="title" label={s.planTitle} rules={[{ required: true, whitespace: true, message: s.required(s.planTitle) }, { max: 200 }]}>
          <Input maxLength={200} data-testid="xzjc-plan-title" />
        </Form.Item>
        <Form.Item name="days" label={`${s.firstDay} — ${s.lastDay}`} rules={[{ required: true, message: s.choose(s.firstDay) }]}>
          <DatePicker.RangePicker data-testid="xzjc-plan-days" />
        </Form.Item>
        <Form.Item name="plannedCount" label={s.plannedCount}>
          <InputNumber min={1} max={10000} precision={0} style={{ width: 160 }} data-testid="xzjc-plan-count" />
        </Form.Item>
        <Form.Item name="jointSubjectIds" label={s.joint}>
          <Select mode="multiple" options={(subjects.data?.items ?? []).filter((x) => x.id !== subjectId && x.status === 'active').map((x) => ({ value: x.id, label: x.name }))} data-testid="xzjc-plan-joint" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 涉企检查计划: the plans of the reader's subjects, by year. */
export function InspectionPlansPage() {
  const session = useStaffSession();
  const [year, setYear] = useState(Number(chinaToday().slice(0, 4)));
  const [creating, setCreating] = useState(false);
  const plans = useLoaded(useCallback((signal: AbortSignal) => enforcementApi.inspectionPlans({ year }, signal), [year]));
  const columns: TableColumnsType<InspectionPlanView> = [
    { title: s.planTitle, dataIndex: 'title', render: (v: string, p) => <Link to={`/staff/xzzf/inspections/${p.id}`} data-testid={`xzjc-plan-${p.id}`}>{v}</Link> },
    { title: s.subject, dataIndex: 'subjectName' },
    { title: `${s.firstDay} — ${s.lastDay}`, key: 'days', render: (_, p) => `${p.firstDay} — ${p.lastDay}` },
    { title: s.status, dataIndex: 'status', width: 90, render: (v: InspectionPlanView['status']) => <Tag>{PLAN_STATUS_LABELS[v]}</Tag> },
  ];
  return (
    <Card
      size="small"
      title={s.title}
      data-testid="xzjc-plans-page"
      extra={(
        <Space>
          <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} addonBefore={s.year} style={{ width: 150 }} data-testid="xzjc-year" />
          {planningUnits(session).length > 0 && <Button type="primary" onClick={() => setCreating(true)} data-testid="xzjc-new-plan">{s.newPlan}</Button>}
        </Space>
      )}
    >
      {plans.error && <Alert type="error" showIcon title={plans.error} />}
      <Table size="small" rowKey="id" columns={columns} dataSource={plans.data?.items ?? []} loading={plans.loading} pagination={false} locale={{ emptyText: s.empty }} scroll={{ x: true }} />
      <NewPlanModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}

interface ResultValues {
  officerIds: number[];
  inspectedOn: Dayjs;
  result: InspectionView['result'];
  note: string;
}

/** 登记结果: two certified officers sign what they found. */
function ResultModal({ inspection, subjectId, onClose, onDone }: { inspection: InspectionView | null; subjectId: number; onClose: () => void; onDone: () => void }) {
  const officers = useLoaded(useCallback((signal: AbortSignal) => enforcementApi.officers({ subjectId }, signal), [subjectId]));
  const [form] = Form.useForm<ResultValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: ResultValues) => {
    setSubmitting(true);
    setError(null);
    try {
      await enforcementApi.recordInspectionResult(inspection!.id, { officerIds: v.officerIds, inspectedOn: v.inspectedOn.format('YYYY-MM-DD'), result: v.result!, note: v.note.trim() });
      onDone();
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(errorMessage(err));
    } finally {
      setSubmitting(false);
    }
  };
  return (
    <Modal open={inspection !== null} title={inspection ? `${s.recordResult}：${inspection.objectName}` : ''} onCancel={onClose} onOk={() => form.submit()} confirmLoading={submitting} destroyOnHidden okButtonProps={{ 'data-testid': 'xzjc-result-submit' }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="xzjc-result-error" />}
      <Form<ResultValues> form={form} layout="vertical" onFinish={submit} initialValues={{ officerIds: inspection?.officers.map((o) => o.id) ?? [], result: 'no_problem' }}>
        <Form.Item name="officerIds" label={s.signers} rules={[{ required: true, type: 'array', min: 2, message: s.choose(s.signers) }]}>
          <Select mode="multiple" options={(officers.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))} loading={officers.loading} data-testid="xzjc-result-officers" />
        </Form.Item>
        <Form.Item name="inspectedOn" label={s.inspectedOn} rules={[{ required: true, message: s.choose(s.inspectedOn) }]}>
          <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') > chinaToday()} data-testid="xzjc-result-day" />
        </Form.Item>
        <Form.Item name="result" label={s.result} rules={[{ required: true }]}>
          <Radio.Group options={Object.entries(INSPECTION_RESULT_LABELS).map(([value, label]) => ({ value, label }))} data-testid="xzjc-result-result" />
        </Form.Item>
        <Form.Item name="note" label={s.note} rules={[{ required: true, whitespace: true, message: s.required(s.note) }, { max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="xzjc-result-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One plan: the draw (once) and its record, each inspection with its code, officers and result, and 转立案 from a problem. */
export function InspectionPlanPage() {
  const { planId = '' } = useParams();
  const navigate = useNavigate();
  const [version, setVersion] = useState(0);
  const plan = useLoaded(useCallback((signal: AbortSignal) => enforcementApi.inspectionPlan(Number(planId), signal), [planId, version]));
  const [error, setError] = useState<string | null>(null);
  const [recording, setRecording] = useState<InspectionView | null>(null);
  const [followUp, setFollowUp] = useState<InspectionView | null>(null);
  const [summary, setSummary] = useState('');
  const draw = async () => {
    setError(null);
    try {
      await enforcementApi.drawInspectionPlan(Number(planId));
      setVersion((n) => n + 1);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const openCase = async () => {
    setError(null);
    try {
      const { caseId } = await enforcementApi.openInspectionFollowUp(followUp!.id, summary.trim());
      navigate(`/staff/xzzf/cases/${caseId}`);
    } catch (err) {
      setError(errorMessage(err));
      setFollowUp(null);
    }
  };
  const p = plan.data;
  const columns: TableColumnsType<InspectionView> = [
    { title: s.enterprise, dataIndex: 'objectName', render: (v: string, i) => <Link to={`/staff/xzzf/objects/${i.objectId}`}>{v}</Link> },
    { title: s.plannedOn, dataIndex: 'plannedOn', width: 110 },
    {
      title: s.code, dataIndex: 'code', width: 190,
      // 扫码入企: the enterprise scans the code at its door and lands on the public check of it.
      render: (v: string) => (
        <Space size={4}>
          <Typography.Text copyable code data-testid="xzjc-code">{v}</Typography.Text>
          <Popover trigger="click" title={s.qrHint} content={<QRCode value={`${window.location.origin}/xzzf/verify/${encodeURIComponent(v)}`} data-testid="xzjc-qr" />}>
            <Button size="small" type="link" data-testid="xzjc-qr-open">{s.qr}</Button>
          </Popover>
        </Space>
      ),
    },
    { title: s.officers, key: 'officers', render: (_, i) => i.officers.map((o) => o.name).join('、') },
    {
      title: s.result, key: 'result',
      render: (_, i) => (i.result ? <Tag color={i.result === 'problems' ? 'red' : 'green'}>{INSPECTION_RESULT_LABELS[i.result]}</Tag> : <Tag>{INSPECTION_STATUS_LABELS[i.status]}</Tag>),
    },
    {
      title: '', key: 'actions', width: 120,
      render: (_, i) => i.status === 'drawn'
        ? <Button size="small" onClick={() => setRecording(i)} data-testid={`xzjc-record-${i.id}`}>{s.recordResult}</Button>
        : i.followUpCaseId
          ? <Link to={`/staff/xzzf/cases/${i.followUpCaseId}`}>{s.followUpOpened}</Link>
          : i.result === 'problems' && <Button size="small" danger onClick={() => { setSummary(i.resultNote ?? ''); setFollowUp(i); }} data-testid={`xzjc-follow-up-${i.id}`}>{s.followUp}</Button>,
    },
  ];
  return (
    <Card size="small" title={p ? p.title : s.title} data-testid="xzjc-plan-page" extra={<Link to="/staff/xzzf/inspections">{s.back}</Link>}>
      {(plan.error || error) && <Alert type="error" showIcon title={plan.error ?? error} style={{ marginBottom: 12 }} data-testid="xzjc-plan-page-error" />}
      {p && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={s.subject}>{p.subjectName}</Descriptions.Item>
            <Descriptions.Item label={s.status}><Tag data-testid="xzjc-plan-status">{PLAN_STATUS_LABELS[p.status]}</Tag></Descriptions.Item>
            <Descriptions.Item label={`${s.firstDay} — ${s.lastDay}`}>{`${p.firstDay} — ${p.lastDay}`}</Descriptions.Item>
            <Descriptions.Item label={s.plannedCount}>{p.plannedCount ?? '—'}</Descriptions.Item>
          </Descriptions>
          {p.status === 'planned' && (
            <Popconfirm title={s.drawConfirm} onConfirm={draw}>
              <Button type="primary" data-testid="xzjc-draw">{s.draw}</Button>
            </Popconfirm>
          )}
          {p.draw && <Alert type="info" showIcon title={s.drawRecord(p.draw.seed, p.draw.candidateCount, p.draw.cappedIds.length, p.draw.cap)} data-testid="xzjc-draw-record" />}
          {p.inspections.length > 0 && <Table size="small" rowKey="id" columns={columns} dataSource={p.inspections} pagination={false} scroll={{ x: true }} data-testid="xzjc-inspections" />}
          <ResultModal inspection={recording} subjectId={p.subjectId} onClose={() => setRecording(null)} onDone={() => { setRecording(null); setVersion((n) => n + 1); }} />
          <Modal open={followUp !== null} title={s.followUp} onCancel={() => setFollowUp(null)} onOk={openCase} okButtonProps={{ disabled: !summary.trim(), 'data-testid': 'xzjc-follow-up-submit' }} destroyOnHidden>
            <Typography.Text>{s.followUpSummary}</Typography.Text>
            <Input.TextArea rows={3} maxLength={500} value={summary} onChange={(e) => setSummary(e.target.value)} data-testid="xzjc-follow-up-summary" />
          </Modal>
        </Space>
      )}
    </Card>
  );
}
