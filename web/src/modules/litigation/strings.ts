/** Every word of 行政应诉's web pages. */
export const litigationStrings = {
  label: '行政应诉',
  menu: { todo: '待办', search: '案件查询', figures: '统计' },
  titles: { todo: '行政应诉待办', search: '行政应诉案件查询', figures: '行政应诉统计' },
} as const;
