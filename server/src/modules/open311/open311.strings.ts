/** Every Chinese word the Open311 module shows: the discovery file, notices, the command line. */
export const OPEN311_TEXT = {
  contact: (county: string) => `${county}12345政务服务便民热线。接口问题请联系平台管理员。`,
  keyService: '接口密钥（api_key）由平台管理员签发：在“系统管理 → Open311接口”中新建，或在服务器上运行 fazhi open311 keys create <系统名称>。每个接入的系统（区县APP、微信小程序等）使用各自的密钥。',
  /** The category path a service stands for, as its description. */
  servicePath: (path: string[]) => path.join(' / '),
  unclassified: { name: '其他（由12345热线分类）', description: '不清楚属于哪一类时选择此项，由热线工作人员分类后派单。', group: '其他' },
  /** What the requester reads right after submitting: their codes, shown this once. */
  received: (county: string, trackingCode: string, requesterKey: string) =>
    `【${county}12345】您的诉求已受理。查询码 ${trackingCode}，评价码 ${requesterKey}（请勿告诉他人）。可凭查询码查看办理进度，收到答复后凭评价码评价办理结果。`,
  /** What anyone reads about a request's limit: none until it is dispatched. */
  dueBy: (day: string) => `承办单位应于 ${day} 前办结。`,
  awaitingDispatch: '热线正在分类派单。',
};

export const OPEN311_CLI_TEXT = {
  usage: `用法：
  fazhi open311 keys create <系统名称>   签发接口密钥（只显示这一次）
  fazhi open311 keys list                列出接口密钥
  fazhi open311 keys revoke <编号>       吊销接口密钥`,
  created: (id: number, clientName: string, key: string) =>
    `已为“${clientName}”签发 Open311 接口密钥（编号 ${id}）。密钥只显示这一次，平台只保存其摘要：\n${key}`,
  revoked: (id: number, clientName: string) => `已吊销接口密钥 ${id}（${clientName}）。`,
  none: '还没有签发接口密钥。',
  row: (k: { id: number; clientName: string; keyPrefix: string; createdAt: string; revokedAt: string | null; lastUsedAt: string | null }) =>
    `${String(k.id).padStart(4)}  ${k.keyPrefix}…  ${k.clientName}  签发 ${k.createdAt}  ${k.revokedAt ? `已吊销 ${k.revokedAt}` : '有效'}  ${k.lastUsedAt ? `最近使用 ${k.lastUsedAt}` : '未使用'}`,
  failed: (message: string, code: string) => `${message}（${code}）`,
};
