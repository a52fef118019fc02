import type { NewRequestBody, PhotoValue } from './api';

/** Field names of the request forms (the citizen's and the operator's); `categoryPath` is sent as `categoryCode`. */
export interface RequestCoreValues {
  content: string;
  title?: string;
  name?: string;
  phone?: string;
  townshipCode?: string;
  villageCode?: string;
  address?: string;
  photo?: PhotoValue;
  categoryPath?: string[];
}

/** How server field names map onto the forms' fields. */
export const coreFieldAliases: Record<string, string> = { categoryCode: 'categoryPath' };

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
/** Callers on the phone may give a landline (area code and number). */
export const MOBILE_OR_LANDLINE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** The category chosen: the last code of the path, whatever its level. */
export function lastCode(path: string[] | undefined): string | undefined {
  return path && path.length ? path[path.length - 1] : undefined;
}

function clean(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

/** Turns the form's values into the request body; empty optional fields are left out. */
export function toRequestBody(values: RequestCoreValues): NewRequestBody {
  const body: NewRequestBody = { content: values.content.trim() };
  const optional = {
    townshipCode: values.townshipCode || undefined,
    title: clean(values.title),
    name: clean(values.name),
    phone: clean(values.phone),
    villageCode: values.villageCode || undefined,
    address: clean(values.address),
    categoryCode: lastCode(values.categoryPath),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (body as unknown as Record<string, unknown>)[key] = value;
  }
  if (values.photo) {
    body.photo = { mimeType: values.photo.mimeType, dataBase64: values.photo.dataBase64 };
  }
  return body;
}
