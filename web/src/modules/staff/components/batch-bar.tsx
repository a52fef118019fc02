import { useRef, useState } from 'react';
import { Alert, App, Button, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { errorMessage } from '../../../api/client';
import { runBatch, type BatchAction, type BatchResult, type RequestRow } from '../api';
import { staffStrings as s } from '../strings';

const b = s.batch;

interface BatchBarProps {
  selected: RequestRow[];
  onFinished: () => void;
}

/**
 * 批量签收 and 批量催办 for the rows chosen: each button shows only when some chosen row offers its
 * action, and sends only those rows. The server runs each request alone and answers for each.
 */
export function BatchBar({ selected, onFinished }: BatchBarProps) {
  const { modal } = App.useApp();
  const [busy, setBusy] = useState<BatchAction | null>(null);
  const [results, setResults] = useState<{ action: BatchAction; items: BatchResult[] } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // Read when the confirmation is accepted, after this render's closures were made.
  const note = useRef('');

  const rowsFor = (action: BatchAction) => selected.filter((r) => r.batchActions.includes(action));
  const run = async (action: BatchAction) => {
    setBusy(action);
    setFailure(null);
    try {
      const answer = await runBatch(action, rowsFor(action).map((r) => r.caseId), action === 'urge' ? note.current.trim() || undefined : undefined);
      setResults({ action, items: answer.results });
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  const ask = (action: BatchAction) => {
    note.current = '';
    modal.confirm({
      title: b.confirmTitle(b[action], rowsFor(action).length),
      content:
        action === 'urge' ? (
          <Input.TextArea rows={3} maxLength={2000} placeholder={b.notePlaceholder} onChange={(e) => (note.current = e.target.value)} data-testid="batch-note" />
        ) : (
          b.signText
        ),
      okText: b[action],
      cancelText: s.action.cancel,
      okButtonProps: { 'data-testid': 'confirm-ok' },
      onOk: () => run(action),
    });
  };

  if (selected.length === 0) return null;
  return (
    <>
      <Space wrap data-testid="batch-bar">
        <Typography.Text>{b.selected(selected.length)}</Typography.Text>
        {(['sign', 'urge'] as const).map((action) =>
          rowsFor(action).length > 0 ? (
            <Button key={action} type="primary" loading={busy === action} disabled={busy !== null} onClick={() => ask(action)} data-testid={`batch-${action}`}>
              {b[action]}（{rowsFor(action).length}）
            </Button>
          ) : null,
        )}
      </Space>
      {failure && <Alert type="error" showIcon title={failure} data-testid="batch-error" />}
      <Modal
        open={results !== null}
        title={results && b.resultTitle(b[results.action], results.items.filter((r) => r.ok).length, results.items.filter((r) => !r.ok).length)}
        onCancel={() => (setResults(null), onFinished())}
        footer={<Button type="primary" onClick={() => (setResults(null), onFinished())} data-testid="batch-results-close">{b.close}</Button>}
        width={640}
        data-testid="batch-results"
      >
        {/* A list, not a table: on a phone each request keeps a full line for its reason. */}
        <List<BatchResult>
          size="small"
          dataSource={results?.items ?? []}
          renderItem={(r) => (
            <List.Item data-testid="batch-result" data-ok={String(r.ok)} data-case-id={r.caseId}>
              <div style={{ width: '100%' }}>
                <Space wrap size={8}>
                  <Tag color={r.ok ? 'green' : 'red'}>{r.ok ? b.ok : b.failed}</Tag>
                  <Typography.Text style={{ fontFamily: 'Menlo, Consolas, monospace', fontSize: 12 }}>{r.trackingCode ?? '—'}</Typography.Text>
                </Space>
                {!r.ok && (
                  <Typography.Paragraph type="danger" style={{ margin: '4px 0 0', fontSize: 13 }} data-testid="batch-result-message">
                    {r.message}
                  </Typography.Paragraph>
                )}
              </div>
            </List.Item>
          )}
        />
      </Modal>
    </>
  );
}
