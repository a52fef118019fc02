import { Descriptions, Space, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { Meta } from '../../../api/meta';
import { formatDateTime } from '../../../ui/format';
import { StateTag } from '../../citizen/components/state-tag';
import type { RequestDetail } from '../api';
import { staffStrings as s } from '../strings';
import { ClockTag } from './clock-tag';
import { Link } from 'react-router-dom';
import { knowledgeStrings as ks } from '../../knowledge/strings';

const d = s.detail;

function channelLabel(meta: Meta | null, value: string): string {
  return meta?.channels.find((c) => c.value === value)?.label ?? value;
}

export function RequestDescriptions({ detail, meta }: { detail: RequestDetail; meta: Meta | null }) {
  const r = detail.request;
  const place = [r.townshipName, r.villageName].filter(Boolean).join(' / ');
  const items: DescriptionsProps['items'] = [
    {
      key: 'code',
      label: d.trackingCode,
      children: <Typography.Text copyable data-testid="detail-tracking-code">{detail.trackingCode}</Typography.Text>,
    },
    { key: 'state', label: d.state, children: <StateTag state={detail.state} label={detail.stateLabel} testId="detail-state" /> },
    { key: 'channel', label: d.channel, children: [channelLabel(meta, r.channel), r.channelClient].filter(Boolean).join(' · ') },
    { key: 'type', label: d.requestType, children: r.requestType ?? '—' },
    { key: 'category', label: d.category, children: r.categoryName ?? '—' },
    {
      key: 'urgency',
      label: d.urgency,
      children: r.urgency === 'urgent' ? <Tag color="red">{r.urgencyLabel}</Tag> : r.urgencyLabel,
    },
    {
      key: 'requester',
      label: d.requesterName,
      children: (
        <Space size={4}>
          <span data-testid="detail-requester-name">{r.requesterName ?? '—'}</span>
          {r.requesterMasked && <Tag>{d.masked}</Tag>}
        </Space>
      ),
    },
    { key: 'phone', label: d.requesterPhone, children: <span data-testid="detail-requester-phone">{r.requesterPhone ?? '—'}</span> },
    { key: 'received', label: d.receivedAt, children: formatDateTime(r.receivedAt) },
    { key: 'place', label: d.township, children: place || '—' },
    { key: 'address', label: d.address, span: 2, children: r.address ?? '—' },
    // What other systems may send besides (Open311): shown only when there is something.
    ...(r.requesterEmail ? [{ key: 'email', label: d.requesterEmail, children: r.requesterEmail }] : []),
    ...(r.location ? [{ key: 'location', label: d.location, children: `${r.location.lat}, ${r.location.long}` }] : []),
    ...(r.mediaUrl
      ? [{ key: 'media', label: d.mediaUrl, children: <Typography.Link href={r.mediaUrl} target="_blank" rel="noopener noreferrer">{r.mediaUrl}</Typography.Link> }]
      : []),
    {
      key: 'clocks',
      label: d.clocks,
      span: 3,
      children: detail.clocks.length ? (
        <Space wrap size={16}>
          {detail.clocks.map((k) => {
            const label = [d.clockNames[k.name] ?? k.name, k.unitName].filter(Boolean).join(' · ');
            return (
              <Space key={k.id ?? k.name} size={4} wrap data-testid="detail-clock" data-clock={k.name}>
                <span style={{ whiteSpace: 'nowrap' }}>{label}</span>
                <ClockTag clock={k} label={label} />
              </Space>
            );
          })}
        </Space>
      ) : (
        r.dueAt ? `${d.dueAt} ${formatDateTime(r.dueAt)}` : '—'
      ),
    },
    { key: 'title', label: d.title, span: 3, children: r.title ?? '—' },
    {
      key: 'content',
      label: d.content,
      span: 3,
      children: <div style={{ whiteSpace: 'pre-wrap' }} data-testid="detail-content">{r.content}</div>,
    },
  ];
  if (detail.attachments?.length) {
    items.push({
      key: 'photos',
      label: d.photos,
      span: 3,
      children: (
        <Space wrap data-testid="detail-photos">
          {detail.attachments.map((a) => (
            <a key={a.id} href={a.url} target="_blank" rel="noopener">
              <img
                src={a.url}
                alt={d.photoAlt}
                style={{ width: 120, height: 90, objectFit: 'cover', borderRadius: 4, border: '1px solid #f0f0f0' }}
              />
            </a>
          ))}
        </Space>
      ),
    });
  }
  if (r.knowledgeEntry) {
    items.push({
      key: 'knowledge',
      label: ks.request.entry,
      span: 3,
      children: (
        <Link to={`/staff/kb/entries/${r.knowledgeEntry.caseId}`} data-testid="detail-knowledge-entry">
          {r.knowledgeEntry.question}（{ks.entry.revision(r.knowledgeEntry.revision)}）
        </Link>
      ),
    });
  }
  if (r.reply) {
    items.push({
      key: 'reply',
      label: d.reply,
      span: 3,
      children: (
        <div data-testid="detail-reply">
          <div style={{ whiteSpace: 'pre-wrap' }}>{r.reply}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[r.repliedBy && `${d.repliedBy}：${r.repliedBy}`, r.repliedAt && `${d.repliedAt}：${formatDateTime(r.repliedAt)}`]
              .filter(Boolean)
              .join('　')}
          </Typography.Text>
          {!!r.replyCites?.length && (
            <div data-testid="detail-reply-cites" style={{ marginTop: 4 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {d.cites}：
              </Typography.Text>
              {r.replyCites.map((cite) => (
                <Tag key={cite.dispatchId} color="purple">
                  {cite.roleLabel} · {cite.unitName}
                </Tag>
              ))}
            </div>
          )}
        </div>
      ),
    });
  }
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
      items={items}
      styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
      data-testid="request-descriptions"
    />
  );
}
