import { defineErrors } from '../../platform/errors/app-error.js';

export const orgsError = defineErrors('orgs', {
  UNIT_NOT_FOUND: { status: 404, message: '未找到该单位，或不在您的管理范围内' },
  UNIT_IS_SCOPE_ROOT: { status: 409, message: '这是您管理范围的最上级单位，不能在此移动或合并；请由上级单位的系统管理员办理' },
  UNIT_MERGED: { status: 409, message: '该单位已合并到其他单位，只保留历史记录，不能再修改' },
  UNIT_KIND_NOT_ADDABLE: { status: 400, message: '不能在此添加这类单位' },
  UNIT_PARENT_KIND: { status: 400, message: '这类单位不能设在所选上级单位之下' },
  UNIT_NAME_TAKEN: { status: 409, message: '同一上级单位下已有同名单位' },
  UNIT_UNCHANGED: { status: 400, message: '没有修改任何内容' },
  UNIT_REGION_INVALID: { status: 400, message: '区划代码不正确：乡镇（街道）为 9 位、村（社区）为 12 位数字，并以上级区划的代码开头；其他单位不填' },
  UNIT_REGION_TAKEN: { status: 409, message: '该区划代码已属于另一个单位' },
  UNIT_MOVE_INTO_SELF: { status: 400, message: '不能把单位移到它自己或它的下级单位之下' },
  UNIT_MERGE_KIND: { status: 400, message: '只能合并同一类型的单位（如两个村（社区）、两个部门）' },
  UNIT_MERGE_INTO_SELF: { status: 400, message: '不能把单位合并到它自己或它的下级单位' },
});
