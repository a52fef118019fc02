import type { InputSchema } from './case-type.js';
import { newSalt, personalCommitment } from './event-chain.js';

/** How a personal value stands in the record: `{ "$personal": <salted hash> }`. */
export const PERSONAL_KEY = '$personal';

export interface PersonalValue {
  field: string;
  value: string;
  salt: string;
}

/** Fields of an action's input marked `'x-personal': true` in its schema. */
export function personalFields(schema: InputSchema): string[] {
  return Object.entries(schema.properties)
    .filter(([, property]) => (property as { 'x-personal'?: boolean })['x-personal'] === true)
    .map(([name]) => name);
}

/**
 * Splits personal values out of what goes into the record: each is replaced by its salted
 * hash, and returned to be stored beside the record where it can be erased.
 */
export function withoutPersonalData(values: Record<string, unknown>, fields: readonly string[]): { chained: Record<string, unknown>; personal: PersonalValue[] } {
  const chained = { ...values };
  const personal: PersonalValue[] = [];
  for (const field of fields) {
    const value = values[field];
    if (typeof value !== 'string' || value === '') continue;
    const salt = newSalt();
    chained[field] = { [PERSONAL_KEY]: personalCommitment(value, salt) };
    personal.push({ field, value, salt });
  }
  return { chained, personal };
}
