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
    // WCAG 2.1 AA asks 4.5:1 for small text: antd's grey secondary text (#8c8c8c, 3.4:1 on white) fails it, and it
    // is on every public page (hints, subtitles, descriptions). These greys reach 5.7:1 or more on white and on the
    // page's light grey.
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    // A select's placeholder is page text for axe-core (not a native placeholder): #6b6b6b is 5.3:1, still lighter than a value.
    colorTextPlaceholder: '#6b6b6b',
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
