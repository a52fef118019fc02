import { defineErrors } from '../../platform/errors/app-error.js';

export const messagingError = defineErrors('messaging', {
  SMS_ENDPOINT_REQUIRED: { status: 400, message: '启用短信网关前请填写网关地址' },
  SMS_NOT_ENABLED: { status: 409, message: '短信网关尚未设置或未启用，请先保存并启用后再发送测试短信' },
  SMS_PHONE_INVALID: { status: 400, message: '测试短信须发往一个手机号码（11 位，以 1 开头）' },
});
