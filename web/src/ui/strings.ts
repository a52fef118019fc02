/** Strings shared by the shells and the API layer (not tied to one module). */
export const uiStrings = {
  productName: '法治 · 接诉即办',
  hotlineName: '12345 政务服务便民热线',
  loading: '加载中…',
  notFoundTitle: '页面不存在',
  notFoundText: '您访问的页面不存在或已被移除。',
  backHome: '返回首页',
  networkError: '网络连接失败，请检查网络后重试',
  unknownError: '系统繁忙，请稍后重试',
  badResponse: '服务器返回了无法识别的内容',
  logout: '退出',
  menu: '菜单',
  copy: '复制',
  copied: '已复制',
  copyFailed: '复制失败，请手动抄写',
  copyright: '政务服务便民热线 · 全面接诉 · 不搞实名制',
} as const;
