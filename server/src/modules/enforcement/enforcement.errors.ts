import { defineErrors } from '../../platform/errors/app-error.js';

/** 行政执法's registers: what a refusal says, by stable code. Out of scope reads as not found. */
export const enforcementError = defineErrors('enforcement', {
  XZZF_SUBJECT_NOT_FOUND: { status: 404, message: '未找到该执法主体，或您无权查看' },
  XZZF_OFFICER_NOT_FOUND: { status: 404, message: '未找到该执法人员，或您无权查看' },
  XZZF_CERTIFICATE_NOT_FOUND: { status: 404, message: '未找到该执法证，或您无权查看' },
  XZZF_OBJECT_NOT_FOUND: { status: 404, message: '未找到该执法对象，或您无权查看' },
  XZZF_MATTER_NOT_FOUND: { status: 404, message: '未找到该执法事项，或您无权查看' },
  XZZF_NOT_SUPERVISOR: { status: 403, message: '执法主体由司法局的执法监督人员登记和调整' },
  XZZF_NOT_SUBJECT_ADMIN: { status: 403, message: '执法人员和执法证由本执法主体的管理员或司法局的执法监督人员维护' },
  XZZF_NOT_REGISTRAR: { status: 403, message: '您没有登记执法对象的权限' },
  XZZF_UNIT_UNKNOWN: { status: 400, message: '所属单位必须是您管辖范围内的部门或乡镇（街道）' },
  XZZF_SUBJECT_NAME_TAKEN: { status: 409, message: '已有同名的执法主体' },
  XZZF_FIELD_UNKNOWN: { status: 400, message: '执法领域不在执法领域清单中' },
  XZZF_FIELD_NOT_HELD: { status: 400, message: '执法证的领域超出了所属执法主体的执法领域' },
  XZZF_ENTRUSTING_INVALID: { status: 400, message: '受委托组织须写明委托它的行政执法机关；其他执法主体不填委托机关' },
  XZZF_REGION_UNKNOWN: { status: 400, message: '管辖区域须是本县（区）或其乡镇（街道）的区划代码' },
  XZZF_CERTIFICATE_NUMBER_TAKEN: { status: 409, message: '该执法证号已经登记' },
  XZZF_CERTIFICATE_DATES: { status: 400, message: '执法证有效期截止日不能早于起始日' },
  XZZF_CERTIFICATE_FINAL: { status: 409, message: '执法证已吊销或注销，不能再改变状态；请登记新证' },
  XZZF_USER_UNKNOWN: { status: 400, message: '没有这个用户账号，或它不属于该执法主体所在单位' },
  XZZF_USER_ALREADY_OFFICER: { status: 409, message: '该用户账号已登记为执法人员' },
  XZZF_CREDIT_CODE_INVALID: { status: 400, message: '统一社会信用代码不正确，请核对 18 位代码' },
  XZZF_ID_NUMBER_INVALID: { status: 400, message: '居民身份证号码不正确：请核对 18 位号码（校验码与出生日期）' },
  XZZF_OBJECT_EXISTS: { status: 409, message: '该执法对象已经登记' },
  XZZF_OFFICERS_NOT_CERTIFIED: { status: 409, message: '执法人员不符合要求：须有两名以上持有效执法证、且执法证含该领域的执法人员' },
  XZZF_MATTER_IMPORT_INVALID: { status: 400, message: '执法事项文件有错误，未导入任何事项' },
});
