/** Every Chinese word the SMS settings show or send. */
export const MESSAGING_TEXT = {
  testMessage: (sign: string) => `【${sign}】这是一条测试短信：本平台的短信网关设置可用。如非本人操作请忽略。`,
  defaultSign: '12345热线',
};

/** The messages the platform sends, for which a gateway may need a template id. */
export const SMS_MESSAGES = {
  receipt: '受理回执（查询码和评价码）',
  test: '测试短信',
} as const;
