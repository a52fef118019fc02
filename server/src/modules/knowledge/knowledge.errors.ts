import { defineErrors } from '../../platform/errors/app-error.js';

export const knowledgeError = defineErrors('knowledge', {
  KB_ENTRY_NOT_FOUND: { status: 404, message: '未找到该知识库条目，或您无权查看' },
  KB_ENTRY_NOT_PUBLISHED: { status: 409, message: '该知识库条目尚未发布或已停用，不能用于直接答复' },
  KB_ENTRY_EXPIRED: { status: 409, message: '该知识库条目已过有效期或复核日期，不能用于直接答复；请联系所属单位复核更新' },
  KB_ENTRY_NOT_YET_VALID: { status: 409, message: '该知识库条目尚未生效，不能用于直接答复' },
  KB_NOT_EDITOR: { status: 403, message: '您没有知识库维护权限' },
  KB_OWNER_NOT_HELD: { status: 403, message: '您不能为该单位维护知识库条目：请由该单位的知识库维护人或热线中心的审核发布人办理' },
  KB_OWNER_UNKNOWN: { status: 400, message: '所属单位必须是本级政府、热线中心、部门或乡镇（街道）' },
  KB_VALIDITY_INVALID: { status: 400, message: '有效期截止日不能早于生效日期' },
  KB_REVIEW_DATE_PAST: { status: 400, message: '复核日期不能早于今天' },
  KB_VALIDITY_ENDED: { status: 409, message: '有效期已届满：请先修改有效期，或停用该条目' },
  KB_CATEGORY_UNKNOWN: { status: 400, message: '没有这个诉求类别' },
  KB_SOURCE_NOT_FOUND: { status: 404, message: '未找到来源诉求，或您无权查看' },
  KB_SOURCE_NOT_ELIGIBLE: { status: 409, message: '只有已答复或已办结、且未被评为不满意的诉求才能生成知识库条目' },
});

export type KnowledgeErrorCode = Parameters<typeof knowledgeError>[0];
