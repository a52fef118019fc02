import { useState, type ReactNode } from 'react';
import { DownOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Grid, Layout, Menu, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { uiStrings } from './strings';

interface StaffShellProps {
  menuItems: NonNullable<MenuProps['items']>;
  selectedKey: string;
  onNavigate: (key: string) => void;
  userName: string;
  unitName?: string;
  roleLabel?: string;
  /** The person's own menu under their name (password, signing out). */
  userMenuItems: NonNullable<MenuProps['items']>;
  onUserMenu: (key: string) => void;
  children: ReactNode;
}

/** The desk frame of the staff pages: blue header, left menu, grey work area. */
export function StaffShell(props: StaffShellProps) {
  const { menuItems, selectedKey, onNavigate, userName, unitName, roleLabel, userMenuItems, onUserMenu, children } = props;
  const screens = Grid.useBreakpoint();
  // On a phone the header holds the name only, and the menu slides over the page instead of squeezing it.
  const wide = screens.md;
  const narrow = screens.lg === false;
  const [collapsed, setCollapsed] = useState(false);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12, ...(narrow ? { paddingInline: 12 } : {}) }}>
        <span style={{ display: 'flex', alignItems: 'center', gap: 4, minWidth: 0 }}>
          {/* On a phone the menu opens from the header, not from a handle over the page. */}
          {narrow && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={uiStrings.menu}
              onClick={() => setCollapsed(!collapsed)}
              style={{ color: '#fff', marginInlineStart: -8 }}
              data-testid="staff-menu-toggle"
            />
          )}
          <Typography.Text strong style={{ color: '#fff', fontSize: 17, whiteSpace: 'nowrap' }}>
            {uiStrings.productName}
          </Typography.Text>
        </span>
        <Dropdown menu={{ items: userMenuItems, onClick: ({ key }) => onUserMenu(key) }} trigger={['click']} placement="bottomRight">
          <Button type="text" style={{ color: '#fff', paddingInline: 8, minWidth: 0 }} data-testid="staff-user-menu">
            <UserOutlined />
            <span data-testid="staff-user" title={roleLabel} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: wide ? 240 : 150 }}>
              {userName}
            </span>
            {unitName && wide && <span style={{ color: 'rgba(255,255,255,0.8)' }}>{unitName}</span>}
            <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout style={{ position: 'relative' }}>
        <Layout.Sider
          width={180}
          breakpoint="lg"
          collapsedWidth={0}
          collapsed={collapsed}
          onCollapse={setCollapsed}
          onBreakpoint={setCollapsed}
          trigger={null}
          theme="light"
          style={{ borderRight: '1px solid #f0f0f0', ...(narrow ? { position: 'absolute', zIndex: 20, height: '100%' } : {}) }}
          data-testid="staff-menu"
        >
          <Menu
            mode="inline"
            selectedKeys={[selectedKey]}
            items={menuItems}
            onClick={(info) => {
              if (narrow) setCollapsed(true);
              onNavigate(info.key);
            }}
            style={{ borderInlineEnd: 'none', paddingTop: 8 }}
          />
        </Layout.Sider>
        {narrow && !collapsed && (
          // A tap beside the open menu closes it, as on any phone.
          <div onClick={() => setCollapsed(true)} style={{ position: 'absolute', inset: 0, zIndex: 19, background: 'rgba(0,0,0,0.25)' }} />
        )}
        <Layout.Content style={{ padding: narrow ? 12 : 16, minWidth: 0 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
