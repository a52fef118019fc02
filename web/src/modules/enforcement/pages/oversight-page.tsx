import { useCallback, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Result, Select, Skeleton, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { useLoaded } from '../../../api/use-loaded';
import { useStaffSession } from '../../staff/auth-context';
import { enforcementApi, type IrregularityKind, type OversightView } from '../api';
import { supervisesSubjects } from '../roles';
import { enforcementStrings as strings } from '../strings';

const s = strings.oversight;
type Irregularity = OversightView['irregularities'][number];
const PAGE_SIZE = 20;
/** The cases an opinion may rest on (the route takes fifty). */
const OPINION_CASES = 50;

interface OpinionValues {
  subjectId: number;
  findings: string;
  requirements: string;
  respondBy: Dayjs;
  caseIds?: string[];
}

/** 发出执法监督意见: to one subject, resting on the cases the overview found, with a day to report by. */
function IssueModal({ view, open, onClose }: { view: OversightView; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<OpinionValues>();
  const subjectId = Form.useWatch('subjectId', form);
  // The chosen subject's irregular cases, asked of the server: the overview shows one page only.
  const found = useLoaded(useCallback((signal: AbortSignal) => (subjectId ? enforcementApi.oversight({ subjectId, limit: OPINION_CASES }, signal) : Promise.resolve(null)), [subjectId]));
  const cases = found.data?.irregularities ?? [];
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const submit = async (v: OpinionValues) => {
    setSending(true);
    setError(null);
    try {
      const { caseId } = await enforcementApi.issueSupervision({
        subjectId: v.subjectId, findings: v.findings.trim(), requirements: v.requirements.trim(), respondBy: v.respondBy.format('YYYY-MM-DD'), ...(v.caseIds?.length ? { caseIds: v.caseIds } : {}),
      });
      void message.success(s.issued);
      navigate(`/staff/xzzf/supervision/cases/${caseId}`);
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(errorMessage(err));
      setSending(false);
    }
  };
  return (
    <Modal open={open} title={s.issueTitle} onCancel={onClose} onOk={() => form.submit()} okText={s.submit} okButtonProps={{ 'data-testid': 'xzzf-issue-submit' } as never} confirmLoading={sending} destroyOnHidden data-testid="xzzf-issue-modal">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="xzzf-issue-error" />}
      <Form<OpinionValues> form={form} layout="vertical" onFinish={submit} data-testid="xzzf-issue-form">
        <Form.Item name="subjectId" label={s.subject} rules={[{ required: true, message: s.choose(s.subject) }]}>
          <Select
            options={view.subjects.map((x) => ({ value: x.subjectId, label: x.subjectName }))}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={() => form.setFieldValue('caseIds', [])}
            data-testid="xzzf-issue-subject"
          />
        </Form.Item>
        <Form.Item name="caseIds" label={s.cases}>
          <Select
            mode="multiple"
            options={[...new Map(cases.map((c) => [c.caseId, c])).values()].map((c) => ({ value: c.caseId, label: `${c.caseNumber ?? s.noNumber} ${c.label}` }))}
            data-testid="xzzf-issue-cases"
          />
        </Form.Item>
        <Form.Item name="findings" label={s.findings} rules={[{ required: true, whitespace: true, message: s.required(s.findings) }, { max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} data-testid="xzzf-issue-findings" />
        </Form.Item>
        <Form.Item name="requirements" label={s.requirements} rules={[{ required: true, whitespace: true, message: s.required(s.requirements) }, { max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} data-testid="xzzf-issue-requirements" />
        </Form.Item>
        <Form.Item name="respondBy" label={s.respondBy} rules={[{ required: true, message: s.choose(s.respondBy) }]}>
          <DatePicker style={{ width: 200 }} data-testid="xzzf-issue-respondBy" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 执法监督: every supervised subject's cases and certificates at a glance, the problems found, and the opinions that follow. */
export function OversightPage() {
  const session = useStaffSession();
  const [subjectId, setSubjectId] = useState<number | undefined>();
  const [kind, setKind] = useState<IrregularityKind | undefined>();
  const [page, setPage] = useState(1);
  const view = useLoaded(useCallback(
    (signal: AbortSignal) => (supervisesSubjects(session)
      ? enforcementApi.oversight({ ...(subjectId ? { subjectId } : {}), ...(kind ? { kind } : {}), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal)
      : Promise.resolve(null)),
    [session, subjectId, kind, page],
  ));
  const [issuing, setIssuing] = useState(false);
  if (!supervisesSubjects(session)) return <Result status="403" title={<span data-testid="xzzf-oversight-forbidden">{s.forbidden}</span>} />;
  const data = view.data;
  const c = s.columns;
  const ic = s.irregularityColumns;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="xzzf-oversight">
      {view.error && <Alert type="error" showIcon title={view.error} />}
      {!data && !view.error && <Skeleton active />}
      {data && (
        <>
          <Card size="small" title={s.subjects} extra={<Button type="primary" onClick={() => setIssuing(true)} data-testid="xzzf-issue">{s.issue}</Button>}>
            <Table
              size="small"
              rowKey="subjectId"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={data.subjects}
              onRow={(r) => ({ 'data-testid': 'xzzf-oversight-subject', 'data-subject': r.subjectName }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: c.subject, dataIndex: 'subjectName' },
                { title: c.openCases, dataIndex: 'openCases', align: 'right' },
                { title: c.overdue, dataIndex: 'overdueClocks', align: 'right', render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : n) },
                { title: c.officers, dataIndex: 'officers', align: 'right' },
                { title: c.certified, dataIndex: 'certified', align: 'right' },
                { title: c.coverage, dataIndex: 'coverage', align: 'right', render: (v: number | null) => (v === null ? '—' : `${v}%`) },
                { title: c.expiring, dataIndex: 'expiringWithin60Days', align: 'right' },
              ]}
            />
          </Card>
          <Card
            size="small"
            title={s.irregularities}
            extra={
              <Space wrap>
                <Select
                  allowClear
                  placeholder={s.allSubjects}
                  style={{ minWidth: 220 }}
                  value={subjectId}
                  options={data.subjects.map((x) => ({ value: x.subjectId, label: x.subjectName }))}
                  showSearch={{ optionFilterProp: 'label' }}
                  onChange={(v: number | undefined) => {
                    setSubjectId(v);
                    setPage(1);
                  }}
                  data-testid="xzzf-oversight-filter-subject"
                />
                <Select
                  allowClear
                  placeholder={s.allKinds}
                  style={{ minWidth: 240 }}
                  value={kind}
                  options={(Object.keys(s.kinds) as IrregularityKind[]).map((k) => ({ value: k, label: s.kindOption(s.kinds[k], data.irregularityCounts[k] ?? 0) }))}
                  onChange={(v: IrregularityKind | undefined) => {
                    setKind(v);
                    setPage(1);
                  }}
                  data-testid="xzzf-oversight-filter-kind"
                />
              </Space>
            }
          >
            <Table<Irregularity>
              size="small"
              rowKey={(r) => `${r.caseId}-${r.kind}`}
              loading={view.loading}
              // The server pages: a city's list runs to tens of thousands.
              pagination={{
                current: page, pageSize: PAGE_SIZE, total: data.irregularityTotal, showSizeChanger: false, hideOnSinglePage: true, showTotal: s.total,
                onChange: (next) => setPage(next),
              }}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: s.noIrregularities }}
              dataSource={data.irregularities}
              onRow={(r) => ({ 'data-testid': 'xzzf-irregularity', 'data-kind': r.kind }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: ic.caseNumber, dataIndex: 'caseNumber', render: (n: string | null, r) => <Link to={`/staff/xzzf/cases/${r.caseId}`}>{n ?? s.noNumber}</Link> },
                { title: ic.subject, dataIndex: 'subjectName' },
                { title: ic.problem, dataIndex: 'label', render: (label: string) => <Tag color="orange">{label}</Tag> },
              ]}
            />
          </Card>
          <IssueModal view={data} open={issuing} onClose={() => setIssuing(false)} />
        </>
      )}
    </Space>
  );
}
