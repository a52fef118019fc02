import { defineErrors } from '../../platform/errors/app-error.js';
import { ATTACHMENT_LIMIT_MB } from './documents.strings.js';

/**
 * Refusals of the documents module. The attachment codes follow the platform's image codes
 * (`PHOTO_*`): a file too large is 413, a type not taken or content not what it claims 415.
 */
export const documentError = defineErrors('documents', {
  DOCUMENT_TEMPLATE_UNKNOWN: { status: 400, message: '该案件没有这种文书模板' },
  DOCUMENT_FIELDS_MISSING: { status: 400, message: '文书缺少必填项' },
  DOCUMENT_FIELD_INVALID: { status: 400, message: '文书内容填写不正确' },
  DOCUMENT_DRAFT_FORBIDDEN: { status: 403, message: '您现在不能起草这种文书：只有此时可以办理签发该文书的操作的人员才能起草' },
  DOCUMENT_NOT_FOUND: { status: 404, message: '未找到该文书，或您无权查看' },
  DOCUMENT_FINAL: { status: 409, message: '该文书已签发定稿，不能再起草、修改或重新签发' },
  DOCUMENT_NOT_LATEST: { status: 409, message: '只能签发该文书的最新一稿' },
  DOCUMENT_ORGAN_UNKNOWN: { status: 409, message: '未确定发文机关，不能生成文书' },
  ATTACHMENT_NOT_FOUND: { status: 404, message: '未找到该附件，或您无权查看' },
  ATTACHMENT_ADD_FORBIDDEN: { status: 403, message: '您现在不能为该案件添加附件：只有此时可以办理本案的人员才能添加' },
  ATTACHMENT_TYPE_NOT_ALLOWED: { status: 415, message: '只能上传 PDF、JPG、PNG、WebP 图片、Word（.docx）、Excel（.xlsx）或纯文本（.txt）文件' },
  ATTACHMENT_CONTENT_MISMATCH: { status: 415, message: '文件内容与所声明的类型不符，请确认文件未损坏、扩展名正确后重新上传' },
  ATTACHMENT_TOO_LARGE: { status: 413, message: `附件不能超过 ${ATTACHMENT_LIMIT_MB} MB` },
  ATTACHMENT_EMPTY: { status: 400, message: '附件是空文件' },
  ATTACHMENT_NOT_BASE64: { status: 400, message: '附件内容不是有效的 Base64 编码' },
  ATTACHMENT_STAGING_INVALID: { status: 400, message: '附件凭证无效或已使用，请重新上传附件' },
});
