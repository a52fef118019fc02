import { defineErrors } from '../../platform/errors/app-error.js';

/**
 * Open311 answers these as the specification's list of errors: `code` is the stable code,
 * `description` the message; 403 for the key, 404 for what does not exist, 400 otherwise.
 */
export const open311Error = defineErrors('open311', {
  OPEN311_API_KEY_MISSING: { status: 403, message: '缺少接口密钥（api_key）：提交诉求须使用平台管理员签发的接口密钥' },
  OPEN311_API_KEY_INVALID: { status: 403, message: '接口密钥（api_key）无效或已被吊销' },
  OPEN311_JURISDICTION_UNKNOWN: { status: 404, message: '没有这个辖区（jurisdiction_id）：本接口只服务本县（区），辖区代码是其行政区划代码' },
  OPEN311_SERVICE_CODE_MISSING: { status: 400, message: '缺少诉求类别（service_code）' },
  OPEN311_SERVICE_UNKNOWN: { status: 404, message: '没有这个诉求类别（service_code）' },
  OPEN311_LOCATION_MISSING: { status: 400, message: '缺少位置：请提供 lat 和 long，或 address_string，或 address_id' },
  OPEN311_LAT_LONG_INVALID: { status: 400, message: '经纬度（lat、long）须同时提供，且为 WGS84 十进制度数（纬度 -90 至 90，经度 -180 至 180）' },
  OPEN311_ADDRESS_ID_UNKNOWN: { status: 400, message: '没有这个地址编号（address_id）：须为本县（区）乡镇（街道）或村（社区）的行政区划代码' },
  OPEN311_PLACE_UNKNOWN: { status: 400, message: '无法确定诉求所在的乡镇（街道）：请在 address_string 或 description 中写明乡镇（街道）或村（社区）的名称，或用 address_id 给出其行政区划代码（经纬度本身不能确定乡镇）' },
  OPEN311_DESCRIPTION_MISSING: { status: 400, message: '请在 description 中填写诉求内容' },
  OPEN311_DESCRIPTION_TOO_LONG: { status: 400, message: '诉求内容（description）过长，请精简后再提交' },
  OPEN311_PHONE_INVALID: { status: 400, message: '联系电话（phone）格式不正确：请填写手机号或带区号的固定电话' },
  OPEN311_EMAIL_INVALID: { status: 400, message: '电子邮箱（email）格式不正确' },
  OPEN311_MEDIA_URL_INVALID: { status: 400, message: '图片地址（media_url）须为 http 或 https 网址' },
  OPEN311_DATE_INVALID: { status: 400, message: 'start_date、end_date 须为带时区的 W3C 日期时间，例如 2026-03-01T00:00:00+08:00' },
  OPEN311_DATE_RANGE_INVALID: { status: 400, message: '查询期间不正确：start_date 不能晚于 end_date，且期间不能超过 90 天' },
  OPEN311_STATUS_INVALID: { status: 400, message: 'status 只能是 open 或 closed（多个用逗号分隔）' },
  OPEN311_TOO_MANY_IDS: { status: 400, message: 'service_request_id 一次最多查询 1000 个' },
  OPEN311_REQUEST_NOT_FOUND: { status: 404, message: '没有这个诉求（service_request_id）' },
  OPEN311_TOKEN_NOT_FOUND: { status: 404, message: '没有这个令牌（token）：本平台实时受理，提交后即返回 service_request_id，不签发令牌' },
  OPEN311_NOT_FOUND: { status: 404, message: '没有这个接口地址：请在地址后写明格式 .json 或 .xml（接口清单见 discovery.xml）' },
  OPEN311_BODY_INVALID: { status: 400, message: '请求体须为 application/x-www-form-urlencoded 表单（UTF-8）' },
  OPEN311_RATE_LIMITED: { status: 429, message: '该接口密钥提交过于频繁，请稍后再试' },
  OPEN311_KEY_NOT_FOUND: { status: 404, message: '没有这个接口密钥' },
  OPEN311_KEY_REVOKED: { status: 409, message: '该接口密钥已经吊销' },
  OPEN311_CLIENT_NAME_INVALID: { status: 400, message: '请填写使用该密钥的系统名称（1 至 50 个字符）' },
});

export type Open311ErrorCode = Parameters<typeof open311Error>[0];
