import type { NewRequestBody } from './api';
import { lastCode } from './components/category-cascader';
import type { RequestCoreValues } from './components/request-core-fields';

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
