/** The field problems the HTTP layer itself reports (Chinese, as users read them). */
export const FIELD_PROBLEMS = {
  nulCharacter: '不能包含空字符（U+0000）',
  notFinite: '数值超出允许范围',
  loneSurrogate: '含有无法识别的字符（不成对的 Unicode 代理项）',
  databaseRefused: '内容的格式或取值超出允许范围',
  badAddress: '地址中有无法识别的字符',
  paramTooLong: '地址中的参数过长',
} as const;

/** How the HTTP layer names a part of the request that is not a field. */
export const WHOLE_REQUEST = '(整体)';
export const ADDRESS = '(地址)';
