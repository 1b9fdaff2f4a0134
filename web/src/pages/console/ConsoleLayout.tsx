import { SecurityNotices } from './security/SecurityNotices';
import { useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { App, Avatar, Button, Dropdown, Grid, Layout, Menu, Tooltip } from 'antd';
import type { MenuProps } from 'antd';
import { GlobalOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLogout, useMe } from '../../api/hooks';
import { BrandMark } from '../../components/BrandMark';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { placeName } from '../../components/useCenter';
import { errorText } from '../../components/ErrorState';
import { allowedEntries } from './menu';
import { meRoleLabels } from '../../lib/roles';
import { NotificationBell } from './control/NotificationBell';

export default function ConsoleLayout() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe().data;
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const mobile = !screens.lg;
  const [collapsed, setCollapsed] = useState<boolean | null>(null);
  const isCollapsed = collapsed ?? mobile;

  const entries = allowedEntries(me?.permissions);
  const general = entries.filter((e) => !e.group);
  const admin = entries.filter((e) => e.group === 'admin');
  const items: MenuProps['items'] = [
    ...general.map((e) => ({ key: e.path, icon: e.icon, label: <Link to={e.path}>{t(e.labelKey)}</Link> })),
    ...(admin.length
      ? [
          {
            type: 'group' as const,
            key: 'admin',
            label: t('menu.adminGroup'),
            children: admin.map((e) => ({ key: e.path, icon: e.icon, label: <Link to={e.path}>{t(e.labelKey)}</Link> })),
          },
        ]
      : []),
    { type: 'divider' as const },
    { key: 'portal', icon: <GlobalOutlined />, label: <Link to="/">{t('menu.portal')}</Link> },
  ];
  const selected = [...entries].sort((a, b) => b.path.length - a.path.length).find((e) => location.pathname === e.path || location.pathname.startsWith(`${e.path}/`));

  // mutateAsync: the promise settles even though clearing the session unmounts this layout.
  const doLogout = () =>
    logout.mutateAsync().then(
      () => navigate('/login', { replace: true }),
      (e: unknown) => void message.error(errorText(t, e)),
    );

  const roles = meRoleLabels(me, t, i18n.language).join(', ');
  const userMenu: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div className="user-menu-who">
          <div className="user-menu-name">{me?.fullName}</div>
          <div className="muted small">{me?.username}</div>
          <div className="small">{roles}</div>
          {me?.center && <div className="small">{me.center.name}</div>}
          {me?.department && <div className="small">{me.department.name}</div>}
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout'), danger: true, onClick: doLogout },
  ];

  return (
    <Layout className="console-layout">
      <Layout.Header className="console-header">
        <div className="console-header-left">
          <Button
            type="text"
            className="sider-toggle"
            aria-label={t('console.toggleMenu')}
            icon={isCollapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed(!isCollapsed)}
          />
          <Link to="/console" className="brand brand-console">
            <BrandMark size={38} />
            <span className="brand-text">
              <span className="brand-title">{t('app.title')}</span>
              <span className="brand-place">{me?.center ? placeName(me.center) : t('console.provinceWide')}</span>
            </span>
          </Link>
        </div>
        <div className="console-header-right">
          <NotificationBell enabled={!!me} />
          <LanguageSwitch dark />
          <Dropdown menu={{ items: userMenu }} trigger={['click']} placement="bottomRight">
            <button type="button" className="user-chip" aria-label={t('console.account')} data-testid="user-chip">
              <Avatar size={32} icon={<UserOutlined />} className="user-avatar" />
              <span className="user-chip-text hide-sm">
                <span className="user-chip-name">{me?.fullName}</span>
                <span className="user-chip-role">{roles}</span>
              </span>
            </button>
          </Dropdown>
          <Tooltip title={t('nav.logout')}>
            <Button type="text" className="header-icon-btn hide-xs" icon={<LogoutOutlined />} onClick={doLogout} aria-label={t('nav.logout')} loading={logout.isPending} />
          </Tooltip>
        </div>
      </Layout.Header>
      <Layout hasSider>
        <Layout.Sider
          className="console-sider"
          width={240}
          collapsedWidth={mobile ? 0 : 64}
          collapsed={isCollapsed}
          trigger={null}
          theme="dark"
        >
          <Menu
            theme="dark"
            mode="inline"
            className="console-menu"
            data-testid="console-menu"
            selectedKeys={selected ? [selected.path] : []}
            items={items}
            onClick={() => mobile && setCollapsed(true)}
          />
        </Layout.Sider>
        <Layout.Content className="console-content">
          <SecurityNotices />
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
