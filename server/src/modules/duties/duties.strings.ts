// Column headers of the county import files (docs/duty-lists.md) and the row problems users read.
export const POWER_COLUMNS = {
  code: '编码',
  name: '事项名称',
  powerKind: '权力类型',
  unit: '实施主体',
  level: '层级',
  basis: '设定依据',
  keywords: '关键词',
  categories: '对应诉求类别',
} as const;

export const TOWNSHIP_COLUMNS = {
  code: '编码',
  name: '事项名称',
  role: '乡镇职责',
  unit: '配合部门',
  basis: '依据',
  keywords: '关键词',
  categories: '对应诉求类别',
} as const;

export const LIST_LABELS = { power: '权责清单', township: '属地管理事项清单' } as const;

export const ROW_PROBLEMS = {
  missing: (row: number, column: string) => `第${row}行：“${column}”不能为空`,
  duplicateCode: (row: number, code: string) => `第${row}行：编码 ${code} 重复`,
  unknownUnit: (row: number, name: string) => `第${row}行：找不到单位“${name}”`,
  unknownCategory: (row: number, code: string) => `第${row}行：诉求类别 ${code} 不存在`,
  badRole: (row: number, value: string) => `第${row}行：乡镇职责应为“主责”或“配合”，而不是“${value}”`,
  noRows: '文件中没有事项',
  missingColumns: (columns: string[]) => `缺少列：${columns.join('、')}`,
};

export const CLI_TEXT = {
  usage: [
    '用法 usage:',
    '  duties import --power 权责清单.xlsx|.csv [--township 属地清单.xlsx|.csv]',
    '  duties import --township 属地清单.xlsx|.csv',
  ].join('\n'),
  imported: (list: string, count: number) => `已导入${list} ${count} 项`,
  failed: '导入失败，未做任何修改：',
};
