// The text an entry is made of, tidied before it is stored: keywords as one list, and the
// personal details a request's text may carry masked before it pre-fills a draft.

/** Keywords typed with any separator (spaces, commas, 、, ；), each once, at most 20. */
export function normaliseKeywords(raw: string | undefined | null): string {
  if (!raw) return '';
  const words = raw.split(/[\s,，、;；/|]+/u).map((w) => w.trim()).filter(Boolean);
  return [...new Set(words)].slice(0, 20).join(' ');
}

// Mobile and landline numbers, identity numbers, and digits run into an address (3号楼2单元501).
const PATTERNS: Array<[RegExp, string]> = [
  [/\d{17}[\dXx]/g, '＊＊＊'],
  [/(?<!\d)1[3-9]\d{9}(?!\d)/g, '＊＊＊'],
  [/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, '＊＊＊'],
  [/\d+(号楼|栋|幢|单元|室|号院)/g, '＊$1'],
];

/**
 * A request's question or reply with the numbers that identify a person masked: a draft grown
 * from it starts nearer to a general answer, and its maker removes names and places by hand.
 */
export function maskPersonalDetails(text: string): string {
  return PATTERNS.reduce((out, [pattern, mask]) => out.replace(pattern, mask), text);
}
