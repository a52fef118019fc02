import { defineErrors } from '../../platform/errors/app-error.js';

export const dutyError = defineErrors('duties', {
  DUTY_IMPORT_INVALID: { status: 422, message: '清单文件有误，未导入任何事项；请按提示修改后重新导入' },
  DUTY_PREVIEW_STALE: { status: 409, message: '清单或文件已与预览时不同（可能他人刚导入过），未做任何修改；请重新预览后再确认' },
  DUTY_FILE_UNREADABLE: { status: 415, message: '无法读取清单文件：请上传 .xlsx 或 UTF-8 编码的 .csv 文件' },
});
