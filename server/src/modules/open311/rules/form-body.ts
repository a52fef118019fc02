/** A form body's fields: a key sent more than once keeps every value, in order. */
export type FormFields = Record<string, string | string[]>;

/**
 * application/x-www-form-urlencoded as the specification sends it (UTF-8). Keys stay as sent,
 * `attribute[code]` and `attribute[code][]` included; nothing is nested, so no key can reach
 * an object's prototype.
 */
export function parseForm(body: string): FormFields {
  const fields: FormFields = Object.create(null) as FormFields;
  for (const [key, value] of new URLSearchParams(body)) {
    const had = fields[key];
    fields[key] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  return fields;
}

/** A field as one string: absent, empty and blank are the same (the specification's "optional"). */
export function field(fields: Readonly<Record<string, unknown>> | undefined, name: string): string | undefined {
  const value = fields?.[name];
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text === 'number' || typeof text === 'boolean') return String(text);
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
}

/** A comma-separated list parameter: its items, trimmed, without empties. */
export function list(value: string | undefined): string[] {
  return value ? value.split(',').map((v) => v.trim()).filter(Boolean) : [];
}
