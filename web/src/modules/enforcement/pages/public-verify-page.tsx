import { useCallback, useState } from 'react';
import { Alert, Button, Card, Descriptions, Input, Result, Skeleton, Space, Tag } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { INSPECTION_STATUS_LABELS } from '../../../../../contracts/enforcement';
import { isApiError } from '../../../api/client';
import { useLoaded } from '../../../api/use-loaded';
import { enforcementApi } from '../api';
import { enforcementStrings as strings } from '../strings';
import { PublicEnforcementShell } from '../components/public-shell';

const s = strings.verify;

/** 扫码入企: the enterprise scans or types the officers' code and sees who inspects it, when, under which plan. */
export function PublicVerifyPage() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(code);
  const load = useCallback(
    (signal: AbortSignal) =>
      code
        ? enforcementApi.verifyInspection(code, signal).catch((err: unknown) => {
          if (isApiError(err, 'XZJC_CODE_UNKNOWN') || (isApiError(err) && err.status === 400)) return null;
          throw err;
        })
        : Promise.resolve(undefined),
    [code],
  );
  const found = useLoaded(load);
  const go = () => typed.trim() && navigate(`/xzzf/verify/${encodeURIComponent(typed.trim())}`);
  return (
    <PublicEnforcementShell title={s.title} subtitle={s.subtitle} footer={s.footer}>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space.Compact style={{ width: '100%' }}>
          <Input data-testid="xzjc-verify-input" value={typed} placeholder={s.input} onChange={(e) => setTyped(e.target.value)} onPressEnter={go} maxLength={20} />
          <Button data-testid="xzjc-verify-submit" type="primary" onClick={go}>{s.check}</Button>
        </Space.Compact>
      </Card>
      {code && found.loading && <Card size="small"><Skeleton active paragraph={{ rows: 8 }} /></Card>}
      {found.error && <Alert type="error" showIcon title={found.error} />}
      {code && !found.loading && !found.error && found.data === null && (
        <Result status="warning" title={<span data-testid="xzjc-verify-not-found">{s.notFound}</span>} style={{ background: '#fff', borderRadius: 4 }} />
      )}
      {found.data && (
        <Card size="small" data-testid="xzjc-verify-result">
          <Alert type="success" showIcon title={s.valid} style={{ marginBottom: 12 }} />
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={s.subject}>{found.data.subjectName}</Descriptions.Item>
            {found.data.jointSubjectNames.length > 0 && <Descriptions.Item label={s.joint}>{found.data.jointSubjectNames.join('、')}</Descriptions.Item>}
            <Descriptions.Item label={s.enterprise}>{found.data.enterprise.name}</Descriptions.Item>
            <Descriptions.Item label={s.creditCode}>{found.data.enterprise.creditCode ?? ''}</Descriptions.Item>
            <Descriptions.Item label={s.plan}>{found.data.plan.title}</Descriptions.Item>
            <Descriptions.Item label={s.matter}>{found.data.plan.matterName}</Descriptions.Item>
            <Descriptions.Item label={s.basis}>{found.data.plan.basis}</Descriptions.Item>
            <Descriptions.Item label={s.day}>{found.data.inspectedOn ?? found.data.plannedOn}</Descriptions.Item>
            <Descriptions.Item label={s.status}><Tag>{INSPECTION_STATUS_LABELS[found.data.status]}</Tag></Descriptions.Item>
            <Descriptions.Item label={s.officers}>
              <div data-testid="xzjc-verify-officers">
                {found.data.officers.map((o) => (
                  <div key={`${o.name}-${o.certificateNumber ?? ''}`}>
                    {o.name}　{o.certificateNumber ? `${s.certificate} ${o.certificateNumber}` : <Tag color="red">{s.noCertificate}</Tag>}
                  </div>
                ))}
              </div>
            </Descriptions.Item>
          </Descriptions>
          <div style={{ marginTop: 12, color: '#888', fontSize: 12 }}>{s.footer}</div>
        </Card>
      )}
    </PublicEnforcementShell>
  );
}
