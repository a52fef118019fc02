/** Every Chinese word `fazhi backup` and `fazhi restore` show. */
const n = (value: number) => value.toLocaleString('en-US');
const list = (names: string[], max = 5) => names.slice(0, max).join('、') + (names.length > max ? ` 等 ${names.length} 个` : '');

export const BACKUP_ERROR_TEXT = {
  BACKUP_SOURCE_EMPTY: '数据库中没有 Fazhi 的数据（没有 schema_migrations 表），没有可备份的内容。请检查 FAZHI_DATA_DIR 或 DATABASE_URL。',
  BACKUP_DATA_DIR_MISSING: (dir: string) => `内置数据库的数据目录不存在：${dir}。请检查 FAZHI_DATA_DIR。`,
  BACKUP_FILE_EXISTS: (file: string) => `备份文件已存在：${file}。为免覆盖已有的备份，请换一个文件名。`,
  BACKUP_FILE_MISSING: (file: string) => `找不到备份文件：${file}`,
  BACKUP_NOT_A_BACKUP: '该文件不是 Fazhi 备份文件（应为 fazhi backup 写出的 gzip 文件），未做任何改动。',
  BACKUP_FORMAT_UNKNOWN: (version: unknown) => `备份文件格式版本 ${String(version)} 来自更新版本的 Fazhi，本版本无法读取，未做任何改动。请先升级 Fazhi。`,
  BACKUP_CORRUPT: (detail: string) => `备份文件已损坏：${detail}。未做任何改动；请改用另一份备份。`,
  BACKUP_FROM_NEWER_RELEASE: (hashes: string[]) =>
    `备份来自更新版本的 Fazhi：其中 ${hashes.length} 个数据库迁移本版本不认识（${list(hashes.map((h) => h.slice(0, 12)), 3)}）。未做任何改动；请先把 Fazhi 升级到写出该备份的版本或更新的版本，再恢复。`,
  BACKUP_SCHEMA_MISMATCH: (table: string) =>
    `备份中表 ${table} 的结构与本版本按相同迁移建出的表不一致（备份来自修改过的数据库或程序），未做任何改动。`,
  RESTORE_LOAD_FAILED: (what: string, reason: string) => `${what} 的数据无法载入数据库（${reason}），未做任何改动。`,
  RESTORE_TARGET_NOT_EMPTY: (tables: string[]) =>
    `目标数据库已有数据（表 ${list(tables)}），恢复只能写入空数据库，未做任何改动。请新建一个空的 PostgreSQL 数据库（DATABASE_URL），或换一个新的数据目录（FAZHI_DATA_DIR）。`,
  RESTORE_TARGET_SCHEMA_AHEAD: (count: number) =>
    `目标数据库虽然没有数据，但已按另一版本建表（有 ${count} 个迁移不在备份中），未做任何改动。请新建一个空的数据库或数据目录再恢复，恢复前不要在其上启动 fazhi serve。`,
};

export const BACKUP_CORRUPTION = {
  unreadable: (reason: string) => `无法解压（${reason}）`,
  truncated: '文件不完整，可能在写出或复制时被截断',
  badLine: (what: string) => `无法识别的内容（${what}）`,
  unexpectedTable: (expected: string, found: string) => `应为表 ${expected} 的数据，实际为 ${found}`,
  rowCount: (table: string, expected: number, found: number) => `表 ${table} 应有 ${n(expected)} 行，实际读到 ${n(found)} 行`,
  checksum: (table: string) => `表 ${table} 的数据与备份记录的 SHA-256 校验值不符`,
  bodyChecksum: '文件内容与备份记录的 SHA-256 校验值不符',
  tableList: '文件末尾记录的表与文件开头列出的表不一致',
  trailingData: '备份结束标记之后还有多余内容',
  loadedCount: (table: string, expected: number, found: number) => `表 ${table} 载入后有 ${n(found)} 行，备份记录为 ${n(expected)} 行`,
};
