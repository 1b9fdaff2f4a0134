import type { ThemeConfig } from 'antd';

// A sober public-service palette: navy for actions, deep red and gold for the institutional header.
export const colors = {
  navy: '#1f4e8c',
  navyDark: '#12305a',
  red: '#a31b1b',
  redDark: '#7c1212',
  gold: '#e8b923',
  paper: '#f5f6f8',
};

export const theme: ThemeConfig = {
  token: {
    colorPrimary: colors.navy,
    colorLink: colors.navy,
    colorError: '#c62828',
    colorSuccess: '#2e7d32',
    colorWarning: '#b26a00',
    borderRadius: 6,
    fontFamily:
      "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
    fontSize: 14,
    colorBgLayout: colors.paper,
  },
  components: {
    Layout: {
      headerBg: colors.red,
      siderBg: colors.navyDark,
      headerHeight: 64,
      headerPadding: '0 24px',
    },
    Menu: {
      darkItemBg: colors.navyDark,
      darkSubMenuItemBg: '#0d2545',
      darkItemSelectedBg: colors.navy,
    },
    Table: {
      headerBg: '#eef2f8',
      headerColor: '#1b2a41',
    },
    Card: {
      headerFontSize: 16,
    },
  },
};
