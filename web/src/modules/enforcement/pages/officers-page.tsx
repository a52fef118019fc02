import { useCallback, useMemo, useState } from 'react';
import { Alert, Button, Card, Grid, List, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CERTIFICATE_STATUS_LABELS, type CertificateView } from '../../../../../contracts/enforcement';
import { useLoaded } from '../../../api/use-loaded';
import { enforcementApi, type OfficerView } from '../api';
import { CertificateStatusModal } from '../components/certificate-status-modal';
import { NewOfficerModal } from '../components/new-officer-modal';
import { FieldTags, useVocabulary } from '../components/field-tags';
import { keepsSubject } from '../roles';
import { useStaffSession } from '../../staff/auth-context';
import { enforcementStrings as s } from '../strings';

const STATUS_COLOR = { valid: 'green', suspended: 'orange', revoked: 'red', cancelled: 'default' } as const;

function CertificateLine({ certificate, field, onChange }: { certificate: CertificateView; field: (key: string) => string; onChange?: () => void }) {
  const lapsed = certificate.daysLeft < 0;
  return (
    <Space size={6} wrap data-testid="xzzf-certificate">
      <Typography.Text code>{certificate.number}</Typography.Text>
      <Tag color={lapsed ? 'red' : STATUS_COLOR[certificate.status]} data-testid="xzzf-certificate-status">{lapsed && certificate.status === 'valid' ? s.officers.lapsed : CERTIFICATE_STATUS_LABELS[certificate.status]}</Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.officers.validity(certificate.validFrom, certificate.validTo)}</Typography.Text>
      {certificate.status === 'valid' && !lapsed && certificate.daysLeft <= 60 && <Tag color="gold" data-testid="xzzf-expiring-tag">{s.officers.daysLeft(certificate.daysLeft)}</Tag>}
      <FieldTags fields={certificate.fields} label={field} />
      {onChange && (certificate.status === 'valid' || certificate.status === 'suspended') && (
        <Button size="small" type="link" onClick={onChange} data-testid="xzzf-certificate-change">{s.certificate.change}</Button>
      )}
    </Space>
  );
}

/** 执法人员与执法证: who may act, with every certificate, and those the subject must renew within 60 days. */
export function OfficersPage() {
  const wide = Grid.useBreakpoint().md !== false;
  const vocabulary = useVocabulary();
  const session = useStaffSession();
  const [subjectId, setSubjectId] = useState<number | undefined>();
  // Bumped after a certificate changes: the list and the warnings are read again.
  const [version, setVersion] = useState(0);
  const [changing, setChanging] = useState<CertificateView | null>(null);
  // 'new': an officer with their first certificate; an officer: a new certificate for them.
  const [adding, setAdding] = useState<OfficerView | 'new' | null>(null);
  const subjects = useLoaded(useCallback((signal: AbortSignal) => enforcementApi.subjects(signal), []));
  const unitOf = useMemo(() => new Map((subjects.data?.items ?? []).map((x) => [x.id, x.unitId])), [subjects.data]);
  const kept = useMemo(() => (subjects.data?.items ?? []).filter((x) => keepsSubject(session, x.unitId)), [subjects.data, session]);
  const expiring = useLoaded(useCallback((signal: AbortSignal) => enforcementApi.expiring(signal), [version]));
  const officers = useLoaded(useCallback((signal: AbortSignal) => enforcementApi.officers({ subjectId }, signal), [subjectId, version]));
  const c = s.officers.columns;
  const certificates = (o: OfficerView) =>
    o.certificates.length ? (
      <Space orientation="vertical" size={2}>
        {o.certificates.map((x) => (
          <CertificateLine key={x.id} certificate={x} field={vocabulary.field} onChange={keepsSubject(session, unitOf.get(o.subjectId)) ? () => setChanging(x) : undefined} />
        ))}
      </Space>
    ) : (
      <Typography.Text type="danger">{s.officers.noCertificate}</Typography.Text>
    );
  const name = (o: OfficerView) => (
    <div>
      <Typography.Text strong data-testid="xzzf-officer-name">{o.name}</Typography.Text>
      {o.userId !== null && <Tag style={{ marginLeft: 6 }}>{s.officers.account}</Tag>}
      {keepsSubject(session, unitOf.get(o.subjectId)) && <Button size="small" type="link" onClick={() => setAdding(o)} data-testid="xzzf-officer-renew">{s.newOfficer.renew}</Button>}
      {!wide && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{o.subjectName}</Typography.Text></div>}
    </div>
  );
  const columns: TableColumnsType<OfficerView> = wide
    ? [
        { title: c.name, key: 'name', width: 150, render: (_, o) => name(o) },
        { title: c.subject, dataIndex: 'subjectName', width: 220 },
        { title: c.number, key: 'certificates', render: (_, o) => certificates(o) },
      ]
    : [{ title: c.name, key: 'all', render: (_, o) => <div>{name(o)}{certificates(o)}</div> }];
  const warned = expiring.data?.subjects ?? [];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <NewOfficerModal
        open={adding !== null}
        subjects={kept}
        officer={adding === 'new' ? null : adding}
        field={vocabulary.field}
        onClose={() => setAdding(null)}
        onCreated={() => { setAdding(null); setVersion((v) => v + 1); }}
      />
      <CertificateStatusModal certificate={changing} onClose={() => setChanging(null)} onChanged={() => { setChanging(null); setVersion((v) => v + 1); }} />
      <Card size="small" title={s.officers.expiringTitle(expiring.data?.days ?? 60)} data-testid="xzzf-expiring">
        {expiring.error && <Alert type="error" showIcon title={expiring.error} />}
        {warned.length === 0 && !expiring.loading ? (
          <Typography.Text type="secondary">{s.officers.noneExpiring(expiring.data?.days ?? 60)}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={warned}
            rowKey="subjectId"
            renderItem={(subject) => (
              <List.Item>
                <div>
                  <Typography.Text strong>{subject.subjectName}</Typography.Text>
                  {subject.certificates.map((x) => (
                    <div key={x.id} data-testid="xzzf-expiring-line">
                      <Typography.Text type="warning">{s.officers.expiringLine(x.officerName, x.number, x.validTo, x.daysLeft)}</Typography.Text>
                    </div>
                  ))}
                </div>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card
        size="small"
        title={s.officers.title}
        data-testid="xzzf-officers-page"
        extra={
          <Space size={8}>
          {kept.length > 0 && <Button size="small" type="primary" onClick={() => setAdding('new')} data-testid="xzzf-officer-new">{s.newOfficer.button}</Button>}
          <Select
            size="small"
            allowClear
            style={{ width: wide ? 240 : 160 }}
            placeholder={s.officers.allSubjects}
            value={subjectId}
            onChange={(v) => setSubjectId(v)}
            options={(subjects.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
            data-testid="xzzf-officers-subject"
          />
          </Space>
        }
      >
        {officers.error && <Alert type="error" showIcon title={officers.error} />}
        <Table size="small" rowKey="id" loading={officers.loading} columns={columns} dataSource={officers.data?.items ?? []} pagination={false} locale={{ emptyText: s.officers.empty }} data-testid="xzzf-officers" />
      </Card>
    </Space>
  );
}
