import { List, Space, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../ui/format';
import type { RequestDetail } from '../api';
import { staffStrings as s } from '../strings';

const c = s.detail.innerColumns;
const STATUS_COLORS: Record<string, string> = { pending: 'gold', signed: 'blue', replied: 'green', withdrawn: 'default' };

/** The co-handlers (协办) and communities or grids (下派) the lead called in, and what each answered it. */
export function InnerDispatches({ detail }: { detail: RequestDetail }) {
  const inner = detail.dispatches.filter((d) => d.role !== 'lead');
  const cited = new Set((detail.request.replyCites ?? []).map((r) => r.dispatchId));
  return (
    <List
      size="small"
      dataSource={inner}
      locale={{ emptyText: s.detail.noInner }}
      data-testid="inner-dispatches"
      renderItem={(d) => (
        <List.Item key={d.id} data-testid="inner-dispatch" data-unit-id={d.unitId} data-status={d.status}>
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Space wrap size={4}>
              <Typography.Text strong>{d.unitName ?? '—'}</Typography.Text>
              <Tag>{d.roleLabel}</Tag>
              <Tag color={STATUS_COLORS[d.status] ?? 'default'}>{d.statusLabel}</Tag>
              {cited.has(d.id) && <Tag color="purple">{s.detail.cited}</Tag>}
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.dueAt}：{formatDateTime(d.dueAt)}
            </Typography.Text>
            {d.instruction && (
              <Typography.Text style={{ fontSize: 13 }}>
                {c.instruction}：{d.instruction}
              </Typography.Text>
            )}
            {d.reply && (
              <div data-testid="inner-reply">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.reply}（{formatDateTime(d.repliedAt ?? null)}）
                </Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap' }}>{d.reply}</div>
              </div>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}
