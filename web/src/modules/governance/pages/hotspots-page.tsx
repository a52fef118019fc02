import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { errorMessage } from '../../../api/client';
import { useMeta } from '../../../api/meta';
import { createGovernanceTopic, getGovernanceTopics, getHotspots, type GovernanceTopic, type HotspotGroup, type HotspotSettings } from '../api';
import { LeadUnitSelect } from '../components/lead-unit-select';
import { VolumeChart } from '../components/volume-chart';
import { governanceStrings as s } from '../strings';

const perWeek = (n: number | null) => (n === null ? '—' : n.toFixed(1));
const changeLabel = (c: number | null) => (c === null ? '—' : `${c >= 0 ? '+' : ''}${Math.round(c * 100)}%`);

/** 主动治理: which problems grow fastest where, and the 每月一题 made of them. */
export function HotspotsPage() {
  const { message } = App.useApp();
  const { meta } = useMeta();
  const [township, setTownship] = useState<string | undefined>();
  const [data, setData] = useState<{ groups: HotspotGroup[]; settings: HotspotSettings } | null>(null);
  const [topics, setTopics] = useState<GovernanceTopic[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [making, setMaking] = useState<HotspotGroup | null>(null);
  const [form] = Form.useForm<{ title: string; leadUnitId: number }>();

  const load = useCallback(() => {
    setFailed(null);
    getHotspots(township).then(setData, (err: unknown) => setFailed(errorMessage(err)));
    getGovernanceTopics().then((r) => setTopics(r.topics), (err: unknown) => setFailed(errorMessage(err)));
  }, [township]);
  useEffect(load, [load]);

  const submit = async () => {
    if (!making) return;
    const values = await form.validateFields();
    try {
      await createGovernanceTopic({ title: values.title, leadUnitId: values.leadUnitId, topicKey: making.topicKey, townshipCode: making.placeKey || null });
      void message.success(s.form.created);
      setMaking(null);
      load();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {failed && <Alert type="error" showIcon title={failed} />}
      <Card
        size="small"
        title={s.hotspots}
        extra={
          <Space wrap>
            <Select
              allowClear
              placeholder={s.allTownships}
              style={{ width: 180 }}
              value={township}
              onChange={setTownship}
              options={(meta?.townships ?? []).map((t) => ({ value: t.code, label: t.name }))}
              data-testid="hotspots-township"
            />
            <Button onClick={load}>{s.refresh}</Button>
          </Space>
        }
      >
        {data && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {s.hotspotsHint(data.settings.minThisWeek, data.settings.warningGrowth)}
          </Typography.Paragraph>
        )}
        <Table<HotspotGroup>
          size="small"
          loading={!data}
          rowKey={(g) => `${g.topicKey}|${g.placeKey}`}
          dataSource={data?.groups ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 760 }}
          data-testid="hotspots-table"
          onRow={(g) => ({ 'data-testid': 'hotspot-row', 'data-warning': String(g.warning) }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: s.columns.topic, dataIndex: 'topicLabel' },
            { title: s.columns.place, dataIndex: 'placeName' },
            { title: s.columns.thisWeek, dataIndex: 'thisWeek', align: 'right' },
            { title: s.columns.baseAverage, dataIndex: 'lastFourWeeksAverage', align: 'right', render: (v: number) => v.toFixed(1) },
            { title: s.columns.growth, dataIndex: 'growthLabel', align: 'right' },
            { title: s.columns.trend, dataIndex: 'weekly', render: (w: number[]) => w.join(' · ') },
            { title: s.columns.warning, dataIndex: 'warning', render: (w: boolean) => (w ? <Tag color="red">{s.warning}</Tag> : null) },
            {
              title: s.columns.action,
              render: (_, g) => (
                <Button size="small" onClick={() => {
                  setMaking(g);
                  form.setFieldsValue({ title: s.form.defaultTitle(g.placeName, g.topicLabel) });
                }} data-testid="make-topic">
                  {s.makeTopic}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={s.topics}>
        <Table<GovernanceTopic>
          size="small"
          loading={!topics}
          rowKey="id"
          dataSource={topics ?? []}
          locale={{ emptyText: s.noTopics }}
          pagination={false}
          scroll={{ x: 760 }}
          data-testid="governance-topics"
          expandable={{ expandedRowRender: (t) => <VolumeChart topic={t} /> }}
          columns={[
            { title: s.topicColumns.title, dataIndex: 'title' },
            { title: s.topicColumns.topic, dataIndex: 'topicLabel' },
            { title: s.topicColumns.place, dataIndex: 'placeName', render: (p: string | null) => p ?? s.wholeCounty },
            { title: s.topicColumns.lead, dataIndex: 'leadUnitName' },
            { title: s.topicColumns.startedAt, dataIndex: 'startedAt', render: (v: string) => v.slice(0, 10) },
            { title: s.topicColumns.before, render: (_, t) => perWeek(t.volume.beforePerWeek), align: 'right' },
            { title: s.topicColumns.after, render: (_, t) => perWeek(t.volume.afterPerWeek), align: 'right' },
            { title: s.topicColumns.change, render: (_, t) => changeLabel(t.volume.change), align: 'right' },
          ]}
        />
      </Card>
      <Modal open={making !== null} title={s.makeTopic} okText={s.form.submit} cancelText={s.form.cancel} onOk={() => void submit()} onCancel={() => setMaking(null)} destroyOnHidden>
        <Form form={form} layout="vertical" data-testid="make-topic-form">
          <Form.Item name="title" label={s.form.title} rules={[{ required: true, message: s.form.titleRequired }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="leadUnitId" label={s.form.lead} rules={[{ required: true, message: s.form.leadRequired }]}>
            <LeadUnitSelect testId="make-topic-lead" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
