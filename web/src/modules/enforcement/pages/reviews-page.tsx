import { useCallback, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Radio, Result, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { useLoaded } from '../../../api/use-loaded';
import { REVIEW_GRADE_LABELS, REVIEW_SOURCE_LABELS, SELECTION_RULE_LABELS, type ReviewSheetItem, type SelectionRule } from '../../../../../contracts/enforcement';
import { useStaffSession } from '../../staff/auth-context';
import { enforcementApi, type MyReviewFile, type ReviewCampaignList, type ReviewCampaignSummary, type ReviewCampaignView } from '../api';
import { reviewsFiles, supervisesSubjects } from '../roles';
import { enforcementStrings as strings } from '../strings';

const s = strings.reviews;
const FILE_CASES = '/staff/xzzf/file-reviews/cases';
const GRADE_COLORS = { excellent: 'green', ordinary: 'default', poor: 'red' } as const;

/** One modal's submit: busy while sending, field errors onto the form, any other error above it. */
function useSubmit<T extends object>(form: ReturnType<typeof Form.useForm<T>>[0], send: (values: T) => Promise<void>) {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: T) => {
    setSending(true);
    setError(null);
    try {
      await send(values);
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(errorMessage(err));
    } finally {
      setSending(false);
    }
  };
  return { sending, error, submit };
}

interface CampaignValues {
  title: string;
  period: [Dayjs, Dayjs];
  reviewersPerFile: number;
  excellentFrom: number;
  poorBelow: number;
  items: ReviewSheetItem[];
}

/** 发起案卷评查: the period, the experts per file and the sheet, starting from the default one. */
function CreateModal({ defaults, open, onClose }: { defaults: ReviewCampaignList['defaultSheet']; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<CampaignValues>();
  const items = Form.useWatch('items', form) as ReviewSheetItem[] | undefined;
  const total = (items ?? []).reduce((sum, i) => sum + (Number(i?.max) || 0), 0);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { sending, error, submit } = useSubmit(form, async (v) => {
    const { id } = await enforcementApi.createReviewCampaign({
      title: v.title.trim(), periodFrom: v.period[0].format('YYYY-MM-DD'), periodTo: v.period[1].format('YYYY-MM-DD'),
      reviewersPerFile: v.reviewersPerFile, excellentFrom: v.excellentFrom, poorBelow: v.poorBelow,
      items: v.items.map((i) => ({ key: i.key.trim(), label: i.label.trim(), max: i.max, ...(i.guidance?.trim() ? { guidance: i.guidance.trim() } : {}) })),
    });
    void message.success(s.created);
    navigate(`/staff/xzzf/reviews/${id}`);
  });
  const f = s.fields;
  return (
    <Modal open={open} title={s.createTitle} width={760} onCancel={onClose} onOk={() => form.submit()} okText={s.submit} confirmLoading={sending} destroyOnHidden
      okButtonProps={{ 'data-testid': 'xzzf-review-create-submit' } as never} data-testid="xzzf-review-create-modal">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="xzzf-review-create-error" />}
      <Form<CampaignValues> form={form} layout="vertical" onFinish={submit}
        initialValues={{ reviewersPerFile: defaults.reviewersPerFile, excellentFrom: defaults.excellentFrom, poorBelow: defaults.poorBelow, items: defaults.items }}>
        <Form.Item name="title" label={f.title} rules={[{ required: true, whitespace: true, message: s.required(f.title) }, { max: 100 }]}>
          <Input maxLength={100} data-testid="xzzf-review-title" />
        </Form.Item>
        <Form.Item name="period" label={f.period} rules={[{ required: true, message: s.choose(f.period) }]}>
          <DatePicker.RangePicker data-testid="xzzf-review-period" />
        </Form.Item>
        <Space wrap size={16}>
          <Form.Item name="reviewersPerFile" label={f.reviewersPerFile} rules={[{ required: true }]}><InputNumber min={1} max={5} precision={0} /></Form.Item>
          <Form.Item name="excellentFrom" label={f.excellentFrom} rules={[{ required: true }]}><InputNumber min={1} max={100} precision={0} /></Form.Item>
          <Form.Item name="poorBelow" label={f.poorBelow} rules={[{ required: true }]}><InputNumber min={1} max={100} precision={0} /></Form.Item>
        </Space>
        <Typography.Text strong>{s.sheet}</Typography.Text>{' '}
        <Tag color={total === 100 ? 'green' : 'red'} data-testid="xzzf-review-sheet-total">{s.sheetTotal(total)}</Tag>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap size={8} style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'key']} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,30}$/, message: s.item.key }]}><Input placeholder={s.item.key} style={{ width: 110 }} /></Form.Item>
                  <Form.Item name={[field.name, 'label']} rules={[{ required: true, whitespace: true, message: s.item.label }]}><Input placeholder={s.item.label} style={{ width: 160 }} maxLength={50} /></Form.Item>
                  <Form.Item name={[field.name, 'max']} rules={[{ required: true, message: s.item.max }]}><InputNumber placeholder={s.item.max} min={1} max={100} precision={0} style={{ width: 80 }} /></Form.Item>
                  <Form.Item name={[field.name, 'guidance']}><Input placeholder={s.item.guidance} style={{ width: 220 }} maxLength={300} /></Form.Item>
                  <Button onClick={() => remove(field.name)} disabled={fields.length <= 1}>{s.remove}</Button>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ key: '', label: '', max: 0 })}>{s.addItem}</Button>
            </div>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** 案卷评查: the 司法局's campaigns, each with its files counted by stage. */
export function ReviewCampaignsPage() {
  const session = useStaffSession();
  const allowed = supervisesSubjects(session);
  const list = useLoaded(useCallback((signal: AbortSignal) => (allowed ? enforcementApi.reviewCampaigns(signal) : Promise.resolve(null)), [allowed]));
  const [creating, setCreating] = useState(false);
  if (!allowed) return <Result status="403" title={<span data-testid="xzzf-reviews-forbidden">{s.forbidden}</span>} />;
  const c = s.columns;
  return (
    <Card size="small" title={s.title} data-testid="xzzf-reviews"
      extra={<Button type="primary" disabled={!list.data} onClick={() => setCreating(true)} data-testid="xzzf-review-create">{s.create}</Button>}>
      {list.error && <Alert type="error" showIcon title={list.error} />}
      {!list.data && !list.error && <Skeleton active />}
      {list.data && (
        <>
          <Table<ReviewCampaignSummary>
            size="small"
            rowKey="id"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            dataSource={list.data.items}
            onRow={(r) => ({ 'data-testid': 'xzzf-review-row', 'data-title': r.title }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: c.title, dataIndex: 'title', render: (t: string, r) => <Link to={`/staff/xzzf/reviews/${r.id}`}>{t}</Link> },
              { title: c.period, key: 'period', render: (_, r) => s.period(r.periodFrom, r.periodTo) },
              { title: c.files, dataIndex: 'files', align: 'right' },
              { title: c.scored, dataIndex: 'scored', align: 'right' },
              { title: c.decided, dataIndex: 'decided', align: 'right' },
              { title: c.excellent, dataIndex: 'excellent', align: 'right' },
              { title: c.poor, dataIndex: 'poor', align: 'right' },
              { title: c.published, dataIndex: 'publishedOn', render: (d: string | null) => d ?? <Tag>{s.notPublished}</Tag> },
            ]}
          />
          <CreateModal defaults={list.data.defaultSheet} open={creating} onClose={() => setCreating(false)} />
        </>
      )}
    </Card>
  );
}

interface SelectValues {
  mode: 'rule' | 'random' | 'nominated';
  rule?: SelectionRule;
  perSubject?: number;
  subjectIds?: number[];
  caseNumbers?: string;
  reason?: string;
}

/** 选取案卷: every file a rule takes, a random share per subject, or files nominated by number. */
function SelectModal({ campaignId, open, onClose, onDone }: { campaignId: number; open: boolean; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<SelectValues>();
  const mode = Form.useWatch('mode', form) ?? 'rule';
  const subjects = useLoaded(useCallback((signal: AbortSignal) => (open ? enforcementApi.subjects(signal) : Promise.resolve(null)), [open]));
  const { message } = App.useApp();
  const { sending, error, submit } = useSubmit(form, async (v) => {
    const subjectIds = v.subjectIds?.length ? { subjectIds: v.subjectIds } : {};
    const result = await enforcementApi.selectReviewFiles(campaignId,
      v.mode === 'nominated'
        ? { mode: 'nominated', caseNumbers: (v.caseNumbers ?? '').split('\n').map((n) => n.trim()).filter(Boolean), reason: (v.reason ?? '').trim() }
        : v.mode === 'random'
          ? { mode: 'random', perSubject: v.perSubject!, ...(v.rule ? { rule: v.rule } : {}), ...subjectIds }
          : { mode: 'rule', rule: v.rule!, ...subjectIds });
    void message.success(s.selected(result.selected, result.alreadyInCampaign));
    onDone();
  });
  return (
    <Modal open={open} title={s.selectTitle} onCancel={onClose} onOk={() => form.submit()} okText={s.select} confirmLoading={sending} destroyOnHidden
      okButtonProps={{ 'data-testid': 'xzzf-review-select-submit' } as never} data-testid="xzzf-review-select-modal">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="xzzf-review-select-error" />}
      <Form<SelectValues> form={form} layout="vertical" onFinish={submit} initialValues={{ mode: 'rule', rule: 'major', perSubject: 2 }}>
        <Form.Item name="mode" label={s.mode}>
          <Radio.Group optionType="button" options={Object.entries(REVIEW_SOURCE_LABELS).map(([value, label]) => ({ value, label }))} data-testid="xzzf-review-select-mode" />
        </Form.Item>
        {mode !== 'nominated' && (
          <>
            <Form.Item name="rule" label={s.rule} rules={[{ required: mode === 'rule', message: s.choose(s.rule) }]}>
              <Select allowClear={mode === 'random'} options={Object.entries(SELECTION_RULE_LABELS).map(([value, label]) => ({ value, label }))} data-testid="xzzf-review-select-rule" />
            </Form.Item>
            {mode === 'random' && (
              <Form.Item name="perSubject" label={s.perSubject} rules={[{ required: true, message: s.required(s.perSubject) }]}>
                <InputNumber min={1} max={50} precision={0} data-testid="xzzf-review-select-per-subject" />
              </Form.Item>
            )}
            <Form.Item name="subjectIds" label={s.subjects}>
              <Select mode="multiple" loading={!subjects.data} options={(subjects.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </>
        )}
        {mode === 'nominated' && (
          <>
            <Form.Item name="caseNumbers" label={s.caseNumbers} rules={[{ required: true, whitespace: true, message: s.required(s.caseNumbers) }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="xzzf-review-select-numbers" />
            </Form.Item>
            <Form.Item name="reason" label={s.reason} rules={[{ required: true, whitespace: true, message: s.required(s.reason) }, { max: 500 }]}>
              <Input maxLength={500} data-testid="xzzf-review-select-reason" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** 通报: what each 典型差案's subject must put right, and by when. */
function PublishModal({ campaignId, open, onClose, onDone }: { campaignId: number; open: boolean; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ requirements: string; respondBy: Dayjs }>();
  const { message } = App.useApp();
  const { sending, error, submit } = useSubmit(form, async (v) => {
    const result = await enforcementApi.publishReviewCampaign(campaignId, { requirements: v.requirements.trim(), respondBy: v.respondBy.format('YYYY-MM-DD') });
    void message.success(s.published(result.published, result.rectifications));
    onDone();
  });
  return (
    <Modal open={open} title={s.publishTitle} onCancel={onClose} onOk={() => form.submit()} okText={s.publish} confirmLoading={sending} destroyOnHidden
      okButtonProps={{ 'data-testid': 'xzzf-review-publish-submit' } as never} data-testid="xzzf-review-publish-modal">
      <Alert type="info" showIcon title={s.publishHint} style={{ marginBottom: 12 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="xzzf-review-publish-error" />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="requirements" label={s.requirements} rules={[{ required: true, whitespace: true, message: s.required(s.requirements) }, { max: 3000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={3000} data-testid="xzzf-review-publish-requirements" />
        </Form.Item>
        <Form.Item name="respondBy" label={s.respondBy} rules={[{ required: true, message: s.choose(s.respondBy) }]}>
          <DatePicker style={{ width: 200 }} data-testid="xzzf-review-publish-respondBy" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type ReviewFile = ReviewCampaignView['reviewFiles'][number];

/** One campaign: its sheet and lines, its files with their experts and scores, selection and publication. */
export function ReviewCampaignPage() {
  const session = useStaffSession();
  const id = Number(useParams().campaignId);
  const allowed = supervisesSubjects(session);
  const [version, setVersion] = useState(0);
  const view = useLoaded(useCallback((signal: AbortSignal) => (allowed ? enforcementApi.reviewCampaign(id, signal) : Promise.resolve(null)), [allowed, id, version]));
  const [modal, setModal] = useState<'select' | 'publish' | null>(null);
  if (!allowed) return <Result status="403" title={<span data-testid="xzzf-reviews-forbidden">{s.forbidden}</span>} />;
  const data = view.data;
  const done = () => {
    setModal(null);
    setVersion((v) => v + 1);
  };
  const fc = s.fileColumns;
  // Publication needs every file still in the campaign graded; the server checks the same.
  const live = data?.reviewFiles.filter((f) => f.state !== 'withdrawn' && f.state !== 'published') ?? [];
  const publishable = !!data && !data.publishedOn && live.length > 0 && live.every((f) => f.state === 'decided');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="xzzf-review-campaign">
      <Link to="/staff/xzzf/reviews">{s.back}</Link>
      {view.error && <Alert type="error" showIcon title={view.error} />}
      {!data && !view.error && <Skeleton active />}
      {data && (
        <>
          <Card size="small" title={data.title}
            extra={!data.publishedOn && (
              <Space wrap>
                <Button onClick={() => setModal('select')} data-testid="xzzf-review-select">{s.select}</Button>
                <Button type="primary" disabled={!publishable} onClick={() => setModal('publish')} data-testid="xzzf-review-publish">{s.publish}</Button>
              </Space>
            )}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={s.columns.period}>{s.period(data.periodFrom, data.periodTo)}</Descriptions.Item>
              <Descriptions.Item label={s.fields.reviewersPerFile}>{data.reviewersPerFile}</Descriptions.Item>
              <Descriptions.Item label={s.sheet}>{data.items.map((i) => `${i.label} ${i.max}`).join('；')}</Descriptions.Item>
              <Descriptions.Item label={s.columns.published}>{data.publishedOn ?? s.notPublished}</Descriptions.Item>
            </Descriptions>
            <Typography.Text type="secondary">{s.lines(data.excellentFrom, data.poorBelow)}</Typography.Text>
          </Card>
          <Card size="small">
            <Table<ReviewFile>
              size="small"
              rowKey="caseId"
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: s.noFiles }}
              dataSource={data.reviewFiles}
              onRow={(r) => ({ 'data-testid': 'xzzf-review-file', 'data-case-number': r.caseNumber ?? '', 'data-state': r.state }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: fc.caseNumber, dataIndex: 'caseNumber', render: (n: string | null, r) => <Link to={`${FILE_CASES}/${r.caseId}`}>{n ?? r.caseId.slice(0, 8)}</Link> },
                { title: fc.subject, dataIndex: 'subjectName' },
                { title: fc.source, dataIndex: 'source', render: (v: keyof typeof REVIEW_SOURCE_LABELS, r) => <span title={r.reason}>{REVIEW_SOURCE_LABELS[v]}</span> },
                { title: fc.reviewers, dataIndex: 'reviewers', render: (names: string[]) => names.join('、') },
                { title: fc.scoredBy, key: 'scoredBy', align: 'right', render: (_, r) => s.scoredBy(r.scoredBy, data.reviewersPerFile) },
                { title: fc.score, dataIndex: 'score', align: 'right', render: (v: number | null) => v ?? '—' },
                { title: fc.grade, dataIndex: 'grade', render: (g: keyof typeof REVIEW_GRADE_LABELS | null) => (g ? <Tag color={GRADE_COLORS[g]}>{REVIEW_GRADE_LABELS[g]}</Tag> : '—') },
                { title: fc.state, dataIndex: 'stateLabel' },
              ]}
            />
          </Card>
          <SelectModal campaignId={data.id} open={modal === 'select'} onClose={() => setModal(null)} onDone={done} />
          <PublishModal campaignId={data.id} open={modal === 'publish'} onClose={() => setModal(null)} onDone={done} />
        </>
      )}
    </Space>
  );
}

/** 评查待办: the files drawn for this expert that wait for their score; each opens its scoring form, and the file itself. */
export function MyReviewFilesPage() {
  const session = useStaffSession();
  const allowed = reviewsFiles(session);
  const mine = useLoaded(useCallback((signal: AbortSignal) => (allowed ? enforcementApi.myReviewFiles(signal) : Promise.resolve(null)), [allowed]));
  const m = s.mine;
  if (!allowed) return <Result status="403" title={<span data-testid="xzzf-reviews-forbidden">{s.forbidden}</span>} />;
  return (
    <Card size="small" title={m.title} data-testid="xzzf-my-reviews">
      {mine.error && <Alert type="error" showIcon title={mine.error} />}
      {!mine.data && !mine.error && <Skeleton active />}
      {mine.data && (
        <Table<MyReviewFile>
          size="small"
          rowKey="caseId"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: m.empty }}
          dataSource={mine.data.items}
          onRow={(r) => ({ 'data-testid': 'xzzf-my-review', 'data-case-id': r.caseId }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: m.columns.caseNumber, dataIndex: 'caseNumber', render: (n: string | null, r) => <Link to={`${FILE_CASES}/${r.caseId}`}>{n ?? m.score}</Link> },
            { title: m.columns.subject, dataIndex: 'subjectName' },
            { title: m.columns.cause, dataIndex: 'cause' },
            { title: m.columns.campaign, dataIndex: 'campaign' },
            { title: m.columns.file, key: 'file', render: (_, r) => <Link to={`/staff/xzzf/cases/${r.penaltyCaseId}`}>{m.read}</Link> },
          ]}
        />
      )}
    </Card>
  );
}
