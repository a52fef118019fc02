/** What XML 1.0 cannot hold at all, even escaped: C0 controls but tab, LF and CR; U+FFFE and U+FFFF; lone surrogates. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as XML can carry it (SVG, .docx). What people type is stored as typed, and a control
 * character in it must not stop a chart or a report from being written.
 */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}
