import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, List, Progress, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { getSuggestions, performAction, type RequestDetail, type RoutingSuggestion } from '../api';
import { staffStrings as s } from '../strings';

const t = s.suggestions;

interface SuggestionsCardProps {
  detail: RequestDetail;
  onDone: () => void;
}

/** What the platform read in the request, and one click to dispatch as it suggests. */
export function SuggestionsCard({ detail, onDone }: SuggestionsCardProps) {
  const { message, modal } = App.useApp();
  const [suggestion, setSuggestion] = useState<RoutingSuggestion | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const dispatchAction = detail.availableActions.find((a) => a.action === 'dispatch' || a.action === 'redispatch')?.action;

  useEffect(() => {
    let live = true;
    getSuggestions(detail.caseId).then(
      (value) => live && setSuggestion(value),
      (err: unknown) => live && setFailed(errorMessage(err)),
    );
    return () => void (live = false);
  }, [detail.caseId, detail.state]);

  if (failed) return <Alert type="warning" showIcon title={t.failed} description={failed} />;
  if (!suggestion) return <Card size="small" title={t.title}><Skeleton active title={false} paragraph={{ rows: 4 }} /></Card>;

  // Accepting a unit and merging both take one action and reload the page.
  const run = async (key: string, action: string, input: Record<string, unknown>, doneText: string) => {
    setBusy(key);
    try {
      await performAction(detail.caseId, action, input);
      void message.success(doneText);
      onDone();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const accept = (unitId: number) => {
    if (!dispatchAction) return;
    const r = detail.request;
    return run(`unit:${unitId}`, dispatchAction, {
      unitId,
      requestType: r.requestType ?? suggestion.requestType.value,
      urgency: r.urgency === 'urgent' ? 'urgent' : suggestion.urgency.value,
      ...(suggestion.category?.leaf && !r.categoryCode ? { categoryCode: suggestion.category.code } : {}),
      ...(dispatchAction === 'redispatch' ? { reason: t.acceptReason } : {}),
    }, t.accepted);
  };

  const mergeAction = detail.availableActions.find((a) => a.action === 'merge');
  const canMerge = mergeAction !== undefined;
  // Merging cannot be undone: asked once more, in the server's words.
  const merge = (parentCaseId: string, trackingCode: string) =>
    modal.confirm({
      title: t.mergeTitle(trackingCode),
      content: <span data-testid="confirm-text">{mergeAction?.confirm}</span>,
      okText: t.merge,
      cancelText: s.action.cancel,
      okButtonProps: { 'data-testid': 'confirm-ok' },
      cancelButtonProps: { 'data-testid': 'confirm-cancel' },
      onOk: () => run(`merge:${parentCaseId}`, 'merge', { parentCaseId }, t.merged),
    });

  const { category, requestType, urgency, place } = suggestion;
  return (
    <Card
      size="small"
      title={t.title}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {suggestion.historyModel ? t.history(suggestion.historyModel.rows, suggestion.historyModel.trainedAt.slice(0, 10)) : t.noHistory}
        </Typography.Text>
      }
      data-testid="suggestions"
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t.category}>
          {category ? (
            <Space wrap size={4}>
              <span data-testid="suggested-category">{category.path.join(' / ')}</span>
              <Tag>{Math.round(category.confidence * 100)}%</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{category.reasons.join('；')}</Typography.Text>
            </Space>
          ) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t.requestType}>
          <Space size={4}>
            <span data-testid="suggested-type">{requestType.value}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{requestType.reasons.join('；')}</Typography.Text>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t.urgency}>
          <Space size={4}>
            {urgency.value === 'urgent' ? <Tag color="red">{t.urgent}</Tag> : t.normal}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{urgency.reasons.join('；')}</Typography.Text>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t.place}>
          <Space size={4}>
            {[place.townshipName, place.villageName].filter(Boolean).join(' ') || '—'}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{place.reasons.join('；')}</Typography.Text>
          </Space>
        </Descriptions.Item>
      </Descriptions>
      {suggestion.duplicates.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t.duplicates}
          data-testid="suggested-duplicates"
          description={
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              {suggestion.duplicates.map((d) => (
                <Space key={d.caseId} wrap size={4}>
                  <Tag color={d.kind === 'same_problem' ? 'orange' : 'blue'}>{d.kind === 'same_problem' ? t.sameProblem : t.sameCaller}</Tag>
                  <Link to={`/staff/requests/${d.caseId}`}>{d.trackingCode}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{d.reasons.join('；')}</Typography.Text>
                  {canMerge && d.kind === 'same_problem' && (
                    <Button size="small" loading={busy === `merge:${d.caseId}`} disabled={busy !== null} onClick={() => merge(d.caseId, d.trackingCode)} data-testid="merge-into">{t.merge}</Button>
                  )}
                </Space>
              ))}
            </Space>
          }
        />
      )}
      <Typography.Text strong>{t.units}</Typography.Text>
      <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
        {suggestion.autoDispatchThreshold === null ? t.noAuto : t.autoThreshold(suggestion.autoDispatchThreshold)}
      </Typography.Text>
      {suggestion.units.length === 0 ? (
        <Alert type="info" showIcon title={t.noUnit} style={{ marginTop: 8 }} />
      ) : (
        <List
          size="small"
          dataSource={suggestion.units}
          data-testid="suggested-units"
          renderItem={(u, i) => (
            <List.Item
              actions={dispatchAction ? [
                <Button key="accept" type={i === 0 ? 'primary' : 'default'} size="small" loading={busy === `unit:${u.unitId}`} disabled={busy !== null}
                  onClick={() => void accept(u.unitId)} data-testid={`accept-unit-${i}`}>
                  {t.accept}
                </Button>,
              ] : []}
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span data-testid={`suggested-unit-${i}`}>{u.unitName}</span>
                    <Progress percent={Math.round(u.confidence * 100)} size="small" style={{ width: 140, margin: 0 }} format={() => t.confidence(u.confidence)} />
                  </Space>
                }
                description={
                  <Space orientation="vertical" size={0}>
                    {u.reasons.map((r) => <Typography.Text key={r} type="secondary" style={{ fontSize: 12 }}>{r}</Typography.Text>)}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
