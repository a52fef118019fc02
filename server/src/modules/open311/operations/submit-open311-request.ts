import { CITIZEN } from '../../../platform/actor.js';
import type { Database } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { hotlineConfig, type HotlineIntake } from '../../requests/index.js';
import { suggestPlace } from '../../routing/index.js';
import { open311Error, type Open311ErrorCode } from '../open311.errors.js';
import { Open311Errors } from '../rules/errors-list.js';
import type { FormFields } from '../rules/form-body.js';
import { readSubmission } from '../rules/submission.js';
import { markKeyUsed } from './client-of-key.js';

// The intake's own refusals, said with the names the specification gives the fields.
const INTAKE_REFUSALS: Record<string, Open311ErrorCode> = {
  CONTENT_EMPTY: 'OPEN311_DESCRIPTION_MISSING',
  CONTENT_TOO_LONG: 'OPEN311_DESCRIPTION_TOO_LONG',
  PHONE_INVALID: 'OPEN311_PHONE_INVALID',
  CATEGORY_UNKNOWN: 'OPEN311_SERVICE_UNKNOWN',
  REGION_UNKNOWN: 'OPEN311_ADDRESS_ID_UNKNOWN',
};

export interface Open311Client {
  id: number;
  clientName: string;
}

/**
 * POST requests: a citizen's request through another system, taken by the hotline's own intake
 * (channel `open311`, the client system's name beside it). The township the intake needs comes
 * from address_id, or is read from address_string and description by routing's place rule.
 */
export async function submitOpen311Request(database: Database, intake: HotlineIntake, client: Open311Client, fields: FormFields | Record<string, unknown>, now: Date) {
  const reference = await intake.reference();
  const read = readSubmission(fields, reference.categories, reference.townships, hotlineConfig().contentMaxLength);
  if (!read.submission) throw new Open311Errors(read.errors);
  const s = read.submission;
  const place = s.place ?? placeFromText(`${s.address ?? ''}\n${s.content}`, reference.townships);
  if (!place) throw open311Error('OPEN311_PLACE_UNKNOWN', { field: 'address_string' });
  try {
    const received = await intake.submit(
      {
        content: s.content,
        townshipCode: place.townshipCode,
        ...(place.villageCode ? { villageCode: place.villageCode } : {}),
        ...(s.categoryCode ? { categoryCode: s.categoryCode } : {}),
        ...(s.name ? { name: s.name } : {}),
        ...(s.phone ? { phone: s.phone } : {}),
        ...(s.address ? { address: s.address } : {}),
        ...(s.email ? { email: s.email } : {}),
        ...(s.latitude !== undefined && s.longitude !== undefined ? { latitude: s.latitude, longitude: s.longitude } : {}),
        ...(s.mediaUrl ? { mediaUrl: s.mediaUrl } : {}),
        channel: 'open311',
        channelClient: client.clientName,
        urgency: 'normal',
      },
      CITIZEN,
    );
    await markKeyUsed(database.db, client.id, now);
    return { ...received, accountId: s.accountId ?? null, countyName: reference.countyName };
  } catch (error) {
    const code = error instanceof AppError ? INTAKE_REFUSALS[error.code] : undefined;
    if (code) throw open311Error(code, (error as AppError).details);
    throw error;
  }
}

function placeFromText(text: string, townships: Parameters<typeof suggestPlace>[1]['townships']) {
  const place = suggestPlace({ text, townshipCode: null, villageCode: null }, { townships });
  return place.townshipCode ? { townshipCode: place.townshipCode, ...(place.villageCode ? { villageCode: place.villageCode } : {}) } : null;
}
