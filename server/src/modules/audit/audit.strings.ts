export { SECURITY_EVENT_LABELS } from '../../../../contracts/accounts.js';

export const AUDIT_TEXT = {
  keyMismatch: (file: string, fileKey: string, databaseKeys: string) =>
    `平台密钥与数据库不符：${file} 中的密钥（${fileKey}）不是本数据库使用的密钥（${databaseKeys}）。多台服务器必须使用同一个密钥文件；请从首台服务器复制 ${file}，或设置 FAZHI_KEY_FILE 指向它。`,
  keyMissing: (file: string, databaseKeys: string) =>
    `找不到平台密钥文件 ${file}，而本数据库的记录已由密钥 ${databaseKeys} 签封。请从备份恢复该密钥文件（或设置 FAZHI_KEY_FILE 指向它）；不要生成新密钥，否则无法校验已有记录。`,
};
