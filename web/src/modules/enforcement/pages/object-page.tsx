import { useCallback, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { HISTORY_KIND_LABELS, OBJECT_KIND_LABELS } from '../../../../../contracts/enforcement';
import { errorMessage } from '../../../api/client';
import { useLoaded } from '../../../api/use-loaded';
import { useStaffSession } from '../../staff/auth-context';
import { enforcementApi } from '../api';
import { enforcementStrings as s } from '../strings';

/** One 执法对象 with its cases and inspections; another subject's case shows only that it was. */
export function ObjectPage() {
  const id = Number(useParams().objectId);
  const [version, setVersion] = useState(0);
  const { data, loading, error } = useLoaded(useCallback((signal: AbortSignal) => enforcementApi.object(id, signal), [id, version]));
  const { user } = useStaffSession();
  const { message } = App.useApp();
  // 删除个人信息: a person's, on their request, by an administrator (the server refuses while a case is open).
  const erase = async () => {
    try {
      await enforcementApi.eraseObject(id);
      void message.success(s.objects.erased);
      setVersion((v) => v + 1);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  const erasable = user.role === 'admin' && data?.kind === 'individual' && (data.idNumberMasked !== null || data.address !== null);
  const c = s.objects.columns;
  return (
    <Card size="small" loading={loading} title={data?.name ?? s.objects.title} extra={
      <Space size={8}>
        {erasable && (
          <Popconfirm title={s.objects.eraseConfirm} onConfirm={erase} okButtonProps={{ 'data-testid': 'xzzf-object-erase-confirm' } as never}>
            <Button size="small" danger data-testid="xzzf-object-erase">{s.objects.erase}</Button>
          </Popconfirm>
        )}
        <Link to="/staff/xzzf/objects">{s.objects.back}</Link>
      </Space>
    } data-testid="xzzf-object-page">
      {error && <Alert type="error" showIcon title={error} />}
      {data && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={c.kind}>{OBJECT_KIND_LABELS[data.kind]}</Descriptions.Item>
            <Descriptions.Item label={c.code}><Typography.Text code data-testid="xzzf-object-detail-code">{data.creditCode ?? data.idNumberMasked}</Typography.Text></Descriptions.Item>
            {data.legalRepresentative && <Descriptions.Item label={s.objects.legalRepresentative}>{data.legalRepresentative}</Descriptions.Item>}
            {data.address && <Descriptions.Item label={c.address}>{data.address}</Descriptions.Item>}
          </Descriptions>
          <Typography.Title level={5} style={{ margin: 0 }}>{s.objects.history}</Typography.Title>
          <List
            size="small"
            dataSource={data.history}
            locale={{ emptyText: s.objects.noHistory }}
            data-testid="xzzf-object-history"
            renderItem={(h) => (
              <List.Item>
                <Space size={6} wrap>
                  <Typography.Text>{h.day}</Typography.Text>
                  <Tag>{HISTORY_KIND_LABELS[h.kind]}</Tag>
                  <Typography.Text>{h.subjectName}</Typography.Text>
                  <Typography.Text type="secondary">{h.summary ?? s.objects.otherSubject}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Space>
      )}
    </Card>
  );
}
