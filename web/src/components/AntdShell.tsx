import type { ReactNode } from 'react';
import { Outlet } from 'react-router-dom';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { theme } from '../theme';

/**
 * Ant Design's theme, locale and message/modal context, around the pages built with it (the console, the kiosk and
 * board, and the public pages not yet moved to public-ui). Loaded with those pages only (App.tsx): the light public
 * pages (home, catalog, a procedure, the look-up, sign-in) never download Ant Design.
 */
export default function AntdShell({ children }: { children?: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : viVN} theme={theme}>
      <AntApp>{children ?? <Outlet />}</AntApp>
    </ConfigProvider>
  );
}
