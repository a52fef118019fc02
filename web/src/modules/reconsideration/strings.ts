/** Every word of 行政复议's web pages. */
export const reconsiderationStrings = {
  label: '行政复议',
  menu: { todo: '待办', search: '案件查询', figures: '统计' },
  titles: { todo: '行政复议待办', search: '行政复议案件查询', figures: '行政复议统计' },
} as const;
