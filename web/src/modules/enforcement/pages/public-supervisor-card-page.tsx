import { useCallback, useState } from 'react';
import { Alert, Button, Card, Descriptions, Input, Result, Skeleton, Space, Tag } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import { useLoaded } from '../../../api/use-loaded';
import { PublicEnforcementShell } from '../components/public-shell';
import { supervisorApi } from '../social-supervisors-api';
import { supervisorStrings as strings } from '../social-supervisors-strings';

const s = strings.card;

/** 监督卡核验: anyone types or scans a card code and sees whose it is and whether it is in force; never the phone. */
export function PublicSupervisorCardPage() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(code);
  const load = useCallback(
    (signal: AbortSignal) =>
      code
        ? supervisorApi.card(code, signal).catch((err: unknown) => {
          if (isApiError(err, 'XZZF_CARD_UNKNOWN') || (isApiError(err) && err.status === 400)) return null;
          throw err;
        })
        : Promise.resolve(undefined),
    [code],
  );
  const found = useLoaded(load);
  const go = () => typed.trim() && navigate(`/xzzf/supervisor-card/${encodeURIComponent(typed.trim())}`);
  return (
    <PublicEnforcementShell title={s.title} subtitle={s.subtitle} footer={s.footer}>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space.Compact style={{ width: '100%' }}>
          <Input data-testid="xzzf-card-input" value={typed} placeholder={s.input} onChange={(e) => setTyped(e.target.value)} onPressEnter={go} maxLength={20} />
          <Button data-testid="xzzf-card-submit" type="primary" onClick={go}>{s.check}</Button>
        </Space.Compact>
      </Card>
      {code && found.loading && <Card size="small"><Skeleton active paragraph={{ rows: 5 }} /></Card>}
      {found.error && <Alert type="error" showIcon title={found.error} />}
      {code && !found.loading && !found.error && found.data === null && (
        <Result status="warning" title={<span data-testid="xzzf-card-not-found">{s.notFound}</span>} style={{ background: '#fff', borderRadius: 4 }} />
      )}
      {found.data && (
        <Card size="small" data-testid="xzzf-card-result">
          <Alert type={found.data.inForce ? 'success' : 'error'} showIcon title={found.data.inForce ? s.valid : s.invalid} style={{ marginBottom: 12 }} data-testid="xzzf-card-force" />
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={s.name}>{found.data.name}</Descriptions.Item>
            <Descriptions.Item label={s.workUnit}>{found.data.workUnit}</Descriptions.Item>
            <Descriptions.Item label={s.term}>{strings.office.term(found.data.termFrom, found.data.termTo)}</Descriptions.Item>
            <Descriptions.Item label={s.office}>{found.data.office}</Descriptions.Item>
            <Descriptions.Item label={s.status}>{found.data.inForce ? <Tag color="green">{strings.office.inForce}</Tag> : <Tag color="red">{s.invalid}</Tag>}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </PublicEnforcementShell>
  );
}
