import type { ThemeConfig } from 'antd';

/** A sober government blue, compact enough for dense staff tables. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fbf',
    colorInfo: '#1f5fbf',
    colorLink: '#1f5fbf',
    colorSuccess: '#2e8b57',
    colorWarning: '#d48806',
    colorError: '#c8102e',
    borderRadius: 4,
    fontSize: 14,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
  },
  components: {
    Layout: { headerBg: '#1f5fbf', siderBg: '#ffffff', headerHeight: 56, headerPadding: '0 20px' },
    Table: { headerBg: '#f2f5fa', cellPaddingBlockSM: 6 },
    Menu: { itemSelectedBg: '#e8f0fc' },
  },
};

export const brandColor = '#1f5fbf';
