import { useEffect, useState } from 'react';
import { Alert, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { CallerHistory } from '../../../../../contracts/requests';
import { formatDateTime } from '../../../ui/format';
import { MOBILE_OR_LANDLINE_PATTERN } from '../../citizen/request-body';
import { callerHistory } from '../api';
import { staffStrings as s } from '../strings';

/** While a call is open: whether this number called before, and about what. */
export function CallerHistoryCard({ phone }: { phone: string | undefined }) {
  const [history, setHistory] = useState<CallerHistory | null>(null);
  const number = phone?.replace(/[\s-]/g, '') ?? '';
  const valid = MOBILE_OR_LANDLINE_PATTERN.test(number);
  useEffect(() => {
    if (!valid) {
      setHistory(null);
      return;
    }
    let alive = true;
    callerHistory(number).then(
      (h) => alive && setHistory(h),
      () => alive && setHistory(null),
    );
    return () => {
      alive = false;
    };
  }, [number, valid]);
  if (!history) return null;
  if (history.total === 0) return <Alert type="info" showIcon message={s.newRequest.callerNone} style={{ marginBottom: 16 }} data-testid="caller-history" data-total={0} />;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="caller-history"
      data-total={history.total}
      message={
        <span>
          <Tag color="orange">{s.newRequest.callerRepeat}</Tag>
          {s.newRequest.callerCount(history.total)}
        </span>
      }
      description={
        <List
          size="small"
          dataSource={history.items}
          renderItem={(item) => (
            <List.Item key={item.caseId}>
              <Link to={`/staff/requests/${item.caseId}`} target="_blank">
                {item.trackingCode}
              </Link>
              <Typography.Text ellipsis style={{ flex: 1, margin: '0 8px', minWidth: 0 }}>
                {item.title}
              </Typography.Text>
              <Typography.Text type="secondary">
                {item.stateLabel} · {formatDateTime(item.receivedAt)}
              </Typography.Text>
            </List.Item>
          )}
        />
      }
    />
  );
}
