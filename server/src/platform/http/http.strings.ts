/** The field problems the HTTP layer itself reports (Chinese, as users read them). */
export const FIELD_PROBLEMS = {
  nulCharacter: '不能包含空字符（U+0000）',
  databaseRefused: '内容的格式或取值超出允许范围',
} as const;

/** How the HTTP layer names a part of the request that is not a field. */
export const WHOLE_REQUEST = '(整体)';
