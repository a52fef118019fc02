import type { ReactNode } from 'react';
import { Button, Grid, Layout, Menu, Space, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { uiStrings } from './strings';

interface StaffShellProps {
  menuItems: NonNullable<MenuProps['items']>;
  selectedKey: string;
  onNavigate: (key: string) => void;
  userName: string;
  unitName?: string;
  roleLabel?: string;
  onLogout: () => void;
  children: ReactNode;
}

/** The desk frame of the staff pages: blue header, left menu, grey work area. */
export function StaffShell(props: StaffShellProps) {
  const { menuItems, selectedKey, onNavigate, userName, unitName, roleLabel, onLogout, children } = props;
  // On a phone the header holds the name and 退出 only, on one line.
  const wide = Grid.useBreakpoint().md;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 17, whiteSpace: 'nowrap' }}>
          {uiStrings.productName}
        </Typography.Text>
        <Space size="middle" style={{ color: '#fff' }}>
          <span data-testid="staff-user" title={roleLabel} style={{ whiteSpace: 'nowrap' }}>
            {userName}
          </span>
          {unitName && wide && <span style={{ color: 'rgba(255,255,255,0.8)' }}>{unitName}</span>}
          <Button size="small" ghost onClick={onLogout} data-testid="staff-logout">
            {uiStrings.logout}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={180} breakpoint="lg" collapsedWidth={0} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <Menu
            mode="inline"
            selectedKeys={[selectedKey]}
            items={menuItems}
            onClick={(info) => onNavigate(info.key)}
            style={{ borderInlineEnd: 'none', paddingTop: 8 }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 16, minWidth: 0 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
