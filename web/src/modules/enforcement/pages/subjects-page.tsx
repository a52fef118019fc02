import { useCallback, useMemo, useState } from 'react';
import { Alert, Button, Card, Grid, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SUBJECT_KIND_LABELS, SUBJECT_STATUS_LABELS } from '../../../../../contracts/enforcement';
import { useLoaded } from '../../../api/use-loaded';
import { enforcementApi, type SubjectView } from '../api';
import { FieldTags, useVocabulary } from '../components/field-tags';
import { SubjectModal } from '../components/subject-modal';
import { supervisesSubjects } from '../roles';
import { useStaffSession } from '../../staff/auth-context';
import { enforcementStrings as s } from '../strings';

/** 执法主体: the subjects of the reader's subtrees, with their basis, territory and fields. */
export function SubjectsPage() {
  const wide = Grid.useBreakpoint().md !== false;
  const vocabulary = useVocabulary();
  const session = useStaffSession();
  const supervisor = supervisesSubjects(session);
  // Bumped after a save: the list is read again.
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<SubjectView | 'new' | null>(null);
  const { data, loading, error } = useLoaded(useCallback((signal: AbortSignal) => enforcementApi.subjects(signal), [version]));
  const names = useMemo(() => new Map((data?.items ?? []).map((x) => [x.id, x.name])), [data]);
  const c = s.subjects.columns;
  const name = (x: SubjectView) => (
    <div>
      <Typography.Text strong data-testid="xzzf-subject-name">{x.name}</Typography.Text>
      {supervisor && <Button size="small" type="link" onClick={() => setEditing(x)} data-testid="xzzf-subject-edit">{s.subjectForm.edit}</Button>}
      <div><Tag color={x.kind === 'township_team' ? 'green' : x.kind === 'entrusted' ? 'orange' : 'blue'}>{SUBJECT_KIND_LABELS[x.kind]}</Tag></div>
      {x.entrustedById && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.subjects.entrustedBy(names.get(x.entrustedById) ?? '')}</Typography.Text>}
    </div>
  );
  const basis = (x: SubjectView) => (
    <div style={{ fontSize: 12 }}>
      <div>{x.basisText}</div>
      <Typography.Text type="secondary">{x.basisArticle}</Typography.Text>
    </div>
  );
  const columns: TableColumnsType<SubjectView> = wide
    ? [
        { title: c.name, key: 'name', width: 260, render: (_, x) => name(x) },
        { title: c.unit, dataIndex: 'unitName', width: 200 },
        { title: c.fields, key: 'fields', width: 160, render: (_, x) => <FieldTags fields={x.fields} label={vocabulary.field} /> },
        { title: c.basis, key: 'basis', render: (_, x) => basis(x) },
        { title: c.territory, key: 'territory', width: 110, render: (_, x) => x.regionCodes.join('、') },
        { title: c.status, key: 'status', width: 70, render: (_, x) => SUBJECT_STATUS_LABELS[x.status] },
      ]
    : [
        { title: c.name, key: 'name', render: (_, x) => <div>{name(x)}<div style={{ marginTop: 4 }}><FieldTags fields={x.fields} label={vocabulary.field} /></div></div> },
        { title: c.basis, key: 'basis', render: (_, x) => basis(x) },
      ];
  return (
    <Card
      size="small"
      title={s.subjects.title}
      data-testid="xzzf-subjects-page"
      extra={supervisor ? <Button size="small" type="primary" onClick={() => setEditing('new')} data-testid="xzzf-subject-new">{s.subjectForm.create}</Button> : null}
    >
      <SubjectModal
        open={editing !== null}
        editing={editing === 'new' ? null : editing}
        subjects={data?.items ?? []}
        vocabulary={vocabulary.data}
        onClose={() => setEditing(null)}
        onSaved={() => { setEditing(null); setVersion((v) => v + 1); }}
      />
      {error && <Alert type="error" showIcon title={error} />}
      <Table size="small" rowKey="id" loading={loading} columns={columns} dataSource={data?.items ?? []} pagination={false} locale={{ emptyText: s.subjects.empty }} data-testid="xzzf-subjects" />
    </Card>
  );
}
