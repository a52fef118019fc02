import { useCallback, useEffect, useState } from 'react';
import { Alert, Drawer, Grid, Table } from 'antd';
import { Link } from 'react-router-dom';
import type { DrillDownKind, DrillDownRow } from '../../../../../contracts/statistics';
import { useLoaded } from '../../../api/use-loaded';
import { formatDateTime } from '../../../ui/format';
import { StateTag } from '../../citizen/components/state-tag';
import { staffStrings } from '../../staff/strings';
import { fetchDrillDown } from '../api';
import { metricsStrings as s } from '../strings';

const PAGE_SIZE = 20;
const stateLabels = new Map<string, string>(staffStrings.states.map((st) => [st.value, st.label]));
const c = s.drillDown.columns;

interface DrillDownDrawerProps {
  unitId: number;
  unitName: string;
  /** The live count to list; null keeps the drawer closed. */
  kind: DrillDownKind | null;
  onClose: () => void;
}

/** The requests behind one live count, paged by the server, each linking to its detail page. */
export function DrillDownDrawer({ unitId, unitName, kind, onClose }: DrillDownDrawerProps) {
  const screens = Grid.useBreakpoint();
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [kind, unitId]);
  const load = useCallback(
    (signal: AbortSignal) => fetchDrillDown({ unitId, kind: kind!, page, pageSize: PAGE_SIZE }, signal),
    [unitId, kind, page],
  );
  const { data, loading, error } = useLoaded(kind ? load : null);

  return (
    <Drawer
      open={kind !== null}
      onClose={onClose}
      title={kind ? s.drillDown.title(s.dashboard.liveCounts[kind], unitName) : null}
      size={screens.lg ? 1000 : '100%'}
      destroyOnHidden
      data-testid="drill-down"
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<DrillDownRow>
        rowKey="caseId"
        size="small"
        loading={loading}
        dataSource={data?.rows ?? []}
        locale={{ emptyText: s.drillDown.empty }}
        scroll={{ x: 900 }}
        onRow={(row) => ({ 'data-testid': 'drill-down-row', 'data-case-id': row.caseId }) as React.HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: s.drillDown.total,
          onChange: setPage,
        }}
        columns={[
          {
            title: c.trackingCode,
            dataIndex: 'trackingCode',
            width: 190,
            render: (code: string, row) => (
              <Link style={{ whiteSpace: 'nowrap' }} to={`/staff/requests/${row.caseId}`} data-testid="drill-down-link">
                {code}
              </Link>
            ),
          },
          { title: c.title, dataIndex: 'title', ellipsis: true },
          { title: c.unit, dataIndex: 'unitName', width: 170, ellipsis: true, render: (v: string | null) => v ?? s.none },
          { title: c.receivedAt, dataIndex: 'receivedAt', width: 140, render: formatDateTime },
          { title: c.dueAt, dataIndex: 'dueAt', width: 140, render: formatDateTime },
          { title: c.state, dataIndex: 'state', width: 100, render: (st: string) => <StateTag state={st} label={stateLabels.get(st) ?? st} /> },
        ]}
      />
    </Drawer>
  );
}
