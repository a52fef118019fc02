/**
 * What a published document hides: a person's name becomes surname + 某 (张三 → 张某, 欧阳明 →
 * 欧某), and identity-card, mobile and landline numbers in any text are masked. A name longer
 * than four characters is an organisation's (某某有限公司), which a published decision names.
 */
const PERSON_NAME = /^[\u3400-\u9fff·]{1,4}$/u;
const IDENTITY_CARD = /(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g;

export const REDACTED_MARK = '某';

export function redactPersonName(name: string): string {
  const trimmed = name.trim();
  if (!PERSON_NAME.test(trimmed)) return trimmed;
  return `${[...trimmed][0]}${REDACTED_MARK}`;
}

export function maskIdentifiers(text: string): string {
  return text
    .replace(IDENTITY_CARD, (s) => `${s.slice(0, 6)}${'*'.repeat(12)}`)
    .replace(MOBILE, (s) => `${s.slice(0, 3)}****${s.slice(-4)}`)
    .replace(LANDLINE, (s) => s.replace(/\d{4}$/, '****'));
}

/** A person field may list several people (第三人：张三、李四); each is redacted on its own. */
const PEOPLE_SEPARATOR = '、';
const redactPeople = (value: string) => value.split(PEOPLE_SEPARATOR).map(redactPersonName).join(PEOPLE_SEPARATOR);

/**
 * Every value of a document's fields made fit to publish: person fields redacted, and each
 * person's full name replaced wherever else it appears (a reasoning that names the applicant).
 */
export function redactFields(
  fields: ReadonlyArray<{ name: string; kind: string }>,
  values: Readonly<Record<string, string | number>>,
): Record<string, string | number> {
  const names = fields
    .filter((f) => f.kind === 'person' && typeof values[f.name] === 'string' && String(values[f.name]).trim())
    .flatMap((f) => String(values[f.name]).split(PEOPLE_SEPARATOR).map((name) => name.trim()).filter(Boolean))
    .sort((a, b) => b.length - a.length);
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value !== 'string') {
      out[key] = value;
      continue;
    }
    const field = fields.find((f) => f.name === key);
    let text = field?.kind === 'person' ? redactPeople(value) : value;
    for (const name of names) if (name !== redactPersonName(name)) text = text.split(name).join(redactPersonName(name));
    out[key] = maskIdentifiers(text);
  }
  return out;
}
