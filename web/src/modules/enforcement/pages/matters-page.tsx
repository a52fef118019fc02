import { useCallback, useState } from 'react';
import { Alert, Card, Checkbox, Descriptions, Grid, List, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { DiscretionRowView } from '../../../../../contracts/enforcement';
import { useLoaded } from '../../../api/use-loaded';
import { enforcementApi, type MatterView } from '../api';
import { useVocabulary } from '../components/field-tags';
import { ImportMattersButton } from '../components/import-matters-button';
import { supervisesSubjects } from '../roles';
import { useStaffSession } from '../../staff/auth-context';
import { RegisterSearch, useAddressFilters } from '../components/register-search';
import { enforcementStrings as s } from '../strings';

const m = s.matters;

function ListTags({ matter }: { matter: MatterView }) {
  return (
    <Space size={4} wrap>
      {matter.firstOffenceExempt && <Tag color="green" data-testid="xzzf-first-offence">{m.firstOffence}</Tag>}
      {matter.minorExempt && <Tag color="cyan">{m.minor}</Tag>}
    </Space>
  );
}

/** A matter's basis, its place on the 不罚 lists and its 裁量基准, grade by grade. */
function MatterBenchmark({ matter, circumstance, wide }: { matter: MatterView; circumstance: (key: string) => string; wide: boolean }) {
  const fine = (r: DiscretionRowView) => (r.fineMin !== null && r.fineMax !== null ? m.fineRange(r.fineMin, r.fineMax) : m.noFine);
  const columns: TableColumnsType<DiscretionRowView> = [
    { title: m.circumstance, dataIndex: 'circumstance', width: 80, render: (v: string) => <Tag>{circumstance(v)}</Tag> },
    { title: m.description, dataIndex: 'description' },
    { title: m.fine, key: 'fine', width: 150, render: (_, r) => fine(r) },
    { title: m.other, key: 'other', width: 160, render: (_, r) => r.otherPenalties.join('、') || '—' },
  ];
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="xzzf-matter-detail">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={m.basis}>{matter.basis}</Descriptions.Item>
        {matter.dutyCode && <Descriptions.Item label={m.dutyCode}>{matter.dutyCode}</Descriptions.Item>}
        {matter.exemptionItem && <Descriptions.Item label={m.exemptionItem}>{matter.exemptionItem}</Descriptions.Item>}
      </Descriptions>
      <Typography.Text strong>{m.benchmark}</Typography.Text>
      {matter.discretion.length && wide ? (
        <Table size="small" rowKey="circumstance" columns={columns} dataSource={matter.discretion} pagination={false} data-testid="xzzf-benchmark" />
      ) : matter.discretion.length ? (
        // On a phone each grade is a short paragraph: a table of four columns does not fit.
        <List
          size="small"
          dataSource={matter.discretion}
          rowKey="circumstance"
          data-testid="xzzf-benchmark"
          renderItem={(r) => (
            <List.Item>
              <div>
                <Tag>{circumstance(r.circumstance)}</Tag>
                <Typography.Text>{r.description}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">{m.fine}：{fine(r)}　{m.other}：{r.otherPenalties.join('、') || '—'}</Typography.Text>
                </div>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">{m.noBenchmark}</Typography.Text>
      )}
    </Space>
  );
}

/** 执法事项: the matters of the reader's subjects, with their 裁量基准 and 不罚 lists. */
export function MattersPage() {
  const wide = Grid.useBreakpoint().md !== false;
  const vocabulary = useVocabulary();
  const [filters, setFilters] = useAddressFilters(['q', 'exempt'] as const);
  const { q } = filters;
  const exemptOnly = filters.exempt === '1';
  const session = useStaffSession();
  // Bumped after an import: the list is read again.
  const [version, setVersion] = useState(0);
  const { data, loading, error } = useLoaded(useCallback((signal: AbortSignal) => enforcementApi.matters({ q: q || undefined, exemptOnly: exemptOnly || undefined }, signal), [q, exemptOnly, version]));
  const c = m.columns;
  const columns: TableColumnsType<MatterView> = wide
    ? [
        { title: c.code, dataIndex: 'code', width: 130 },
        { title: c.name, dataIndex: 'name', render: (v: string) => <span data-testid="xzzf-matter-name">{v}</span> },
        { title: c.kind, dataIndex: 'kind', width: 90 },
        { title: c.field, dataIndex: 'field', width: 90, render: (v: string) => vocabulary.field(v) },
        { title: c.subject, dataIndex: 'subjectName', width: 190 },
        { title: c.lists, key: 'lists', width: 120, render: (_, x) => <ListTags matter={x} /> },
      ]
    : [{ title: c.name, key: 'all', render: (_, x) => <div><span data-testid="xzzf-matter-name">{x.name}</span><div><Tag>{x.kind}</Tag><ListTags matter={x} /></div></div> }];
  return (
    <Card size="small" title={m.title} data-testid="xzzf-matters-page">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {supervisesSubjects(session) && <div><ImportMattersButton onImported={() => setVersion((v) => v + 1)} /></div>}
        <RegisterSearch value={q} onSearch={(text) => setFilters({ q: text })} placeholder={m.placeholder} button={m.search} testId="xzzf-matters-query" />
        <Checkbox checked={exemptOnly} onChange={(e) => setFilters({ exempt: e.target.checked ? '1' : '' })} data-testid="xzzf-matters-exempt">{m.exemptOnly}</Checkbox>
        {error && <Alert type="error" showIcon title={error} />}
        <Table
          size="small"
          rowKey="id"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          locale={{ emptyText: m.empty }}
          pagination={{ pageSize: 20, size: 'small', showSizeChanger: false, hideOnSinglePage: true }}
          expandable={{ expandedRowRender: (x) => <MatterBenchmark matter={x} circumstance={vocabulary.circumstance} wide={wide} />, expandRowByClick: true }}
          data-testid="xzzf-matters"
        />
      </Space>
    </Card>
  );
}
