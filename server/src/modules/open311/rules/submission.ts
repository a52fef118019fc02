import type { AppError } from '../../../platform/errors/app-error.js';
import { open311Error } from '../open311.errors.js';
import { field, type FormFields } from './form-body.js';
import { findServiceCode, UNCLASSIFIED_CODE } from './services.js';

export interface Place {
  townshipCode: string;
  villageCode?: string;
}

export type Townships = ReadonlyMap<string, { code: string; villages: ReadonlyMap<string, string> }>;

/** What an Open311 POST becomes for the hotline's intake (the place still to be found). */
export interface Submission {
  categoryCode?: string;
  content: string;
  name?: string;
  phone?: string;
  email?: string;
  address?: string;
  latitude?: number;
  longitude?: number;
  mediaUrl?: string;
  /** The place address_id named, when it did. */
  place?: Place;
  accountId?: string;
}

const EMAIL = /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/;
const CJK = /[\u3400-\u9fff]/u;

/** The community (村/社区, 12 digits) or township (乡镇/街道, 9 digits) an address_id names; null when none of the county's. */
export function placeOfAddressId(townships: Townships, addressId: string): Place | null {
  if (/^\d{9}$/.test(addressId)) return townships.get(addressId) ? { townshipCode: addressId } : null;
  if (/^\d{12}$/.test(addressId)) {
    const township = townships.get(addressId.slice(0, 9));
    return township?.villages.has(addressId) ? { townshipCode: addressId.slice(0, 9), villageCode: addressId } : null;
  }
  return null;
}

/** A coordinate as sent: a plain decimal number, inside its range. */
function coordinate(text: string, limit: number): number | null {
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) && Math.abs(value) <= limit ? value : null;
}

/** Chinese names go family name first without a space; others as they were given. */
export function fullName(first: string | undefined, last: string | undefined): string | undefined {
  if (!first && !last) return undefined;
  if (first && last) return CJK.test(first + last) ? `${last}${first}` : `${first} ${last}`;
  return first ?? last;
}

/**
 * Reads a POST's fields as the specification names them, and answers every problem at once:
 * the errors first that say something does not exist (404), then the rest (400).
 */
export function readSubmission(
  fields: FormFields | Record<string, unknown>,
  categories: ReadonlyMap<string, unknown>,
  townships: Townships,
  contentMaxLength: number,
): { submission: Submission; errors: [] } | { submission: null; errors: AppError[] } {
  const notFound: AppError[] = [];
  const invalid: AppError[] = [];
  const given = (name: string) => field(fields, name);

  const serviceCode = given('service_code');
  const code = serviceCode === undefined ? null : findServiceCode(categories as ReadonlyMap<string, { code: string }>, serviceCode);
  if (serviceCode === undefined) invalid.push(open311Error('OPEN311_SERVICE_CODE_MISSING', { field: 'service_code' }));
  else if (!code) notFound.push(open311Error('OPEN311_SERVICE_UNKNOWN', { field: 'service_code' }));

  const [lat, long] = [given('lat'), given('long')];
  const latitude = lat === undefined ? undefined : coordinate(lat, 90);
  const longitude = long === undefined ? undefined : coordinate(long, 180);
  if ((lat === undefined) !== (long === undefined) || latitude === null || longitude === null) invalid.push(open311Error('OPEN311_LAT_LONG_INVALID', { field: 'lat' }));

  const address = given('address_string');
  const addressId = given('address_id');
  const place = addressId === undefined ? undefined : placeOfAddressId(townships, addressId);
  if (place === null) invalid.push(open311Error('OPEN311_ADDRESS_ID_UNKNOWN', { field: 'address_id' }));
  if (lat === undefined && long === undefined && address === undefined && addressId === undefined) invalid.push(open311Error('OPEN311_LOCATION_MISSING', { field: 'address_string' }));

  const content = given('description');
  if (content === undefined) invalid.push(open311Error('OPEN311_DESCRIPTION_MISSING', { field: 'description' }));
  else if ([...content].length > contentMaxLength) invalid.push(open311Error('OPEN311_DESCRIPTION_TOO_LONG', { field: 'description', max: contentMaxLength }));

  const email = given('email');
  if (email !== undefined && !EMAIL.test(email)) invalid.push(open311Error('OPEN311_EMAIL_INVALID', { field: 'email' }));
  const mediaUrl = given('media_url');
  if (mediaUrl !== undefined && !isWebAddress(mediaUrl)) invalid.push(open311Error('OPEN311_MEDIA_URL_INVALID', { field: 'media_url' }));
  // +86 and the separators people type; the intake checks the number itself.
  const phone = given('phone')?.replace(/[\s()-]/g, '').replace(/^(\+|00)86/, '');

  const errors = [...notFound, ...invalid];
  if (errors.length) return { submission: null, errors };
  const name = fullName(given('first_name'), given('last_name'));
  const accountId = given('account_id');
  return {
    submission: {
      ...(code && code !== UNCLASSIFIED_CODE ? { categoryCode: code } : {}),
      content: content!,
      ...(name ? { name } : {}),
      ...(phone ? { phone } : {}),
      ...(email ? { email } : {}),
      ...(address ? { address } : {}),
      ...(latitude !== undefined && longitude !== undefined ? { latitude: latitude!, longitude: longitude! } : {}),
      ...(mediaUrl ? { mediaUrl } : {}),
      ...(place ? { place } : {}),
      ...(accountId ? { accountId } : {}),
    },
    errors: [],
  };
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
  } catch {
    return false;
  }
}
