import { createHash, randomUUID } from 'node:crypto';
import type { SubmitRequestBody } from '../../../../../contracts/requests.js';
import type { Actor } from '../../../platform/actor.js';
import { isStaff } from '../../../platform/actor.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { platformKeyring } from '../../../platform/keyring.js';
import { cleanImage } from '../../../platform/uploads/images.js';
import { newRequesterKey, openCases, storeRequesterKeys } from '../../cases/index.js';
import { HOTLINE_CASE_TYPE } from '../hotline-case-type.js';
import { hotlineConfig, photoPolicy } from '../hotline-config.js';
import type { ReferenceData } from '../reference-data.js';
import { requestError } from '../requests.errors.js';
import { hotlineAttachments, hotlineRequests } from '../requests.tables.js';
import { LANDLINE, MAINLAND_MOBILE } from '../rules/mask.js';
import { newTrackingCode } from '../rules/tracking-code.js';

/** What intake takes: the public body, plus what an operator may record for the caller. */
export interface SubmitRequestInput extends SubmitRequestBody {
  requestType?: string;
  urgency?: 'normal' | 'urgent';
  channel?: string;
  /** The other system that sent it (an Open311 client's name). */
  channelClient?: string;
  /** What another system may send besides: a point (WGS84), an e-mail address, a picture's address. */
  latitude?: number;
  longitude?: number;
  email?: string;
  mediaUrl?: string;
}

export interface PreparedRequest {
  caseId: string;
  trackingCode: string;
  /** The hotline center that receives it. */
  organUnitId: number | null;
  /** The requester's own key to rate the answer: shown to a citizen once, or sent by SMS. */
  requesterKey: string;
  input: SubmitRequestInput;
  photo: { mimeType: string; bytes: Buffer } | null;
  actor: Actor;
}

/**
 * Links repeat calls by a keyed hash of the number, so the index holds no phone numbers and a
 * copy of the database does not give them back (a plain hash of eleven digits is soon guessed).
 */
export function callerKey(phone: string): string {
  return platformKeyring().mac('personal.data', 'caller', phone.replace(/\D/g, '')).slice(0, 32);
}

/**
 * A place is needed where the township of the place must handle the request: a category
 * whose matters belong to the township (属地, no department owns it), unless the caller only
 * asks a question. Without a category the center classifies it, and places it then.
 */
export function needsPlace(input: Pick<SubmitRequestInput, 'categoryCode' | 'requestType'>, reference: ReferenceData): boolean {
  if (!input.categoryCode || input.requestType === '咨询') return false;
  const category = reference.categories.get(input.categoryCode);
  return category !== undefined && category.level === 3 && category.defaultUnitId === null;
}

/** Checks everything that a schema cannot; throws the first problem with its stable code. The photo is re-encoded last. */
export async function prepareRequest(input: SubmitRequestInput, reference: ReferenceData, actor: Actor): Promise<PreparedRequest> {
  const config = hotlineConfig();
  const content = input.content?.trim() ?? '';
  if (!content) throw requestError('CONTENT_EMPTY', { field: 'content' });
  if ([...content].length > config.contentMaxLength) throw requestError('CONTENT_TOO_LONG', { field: 'content', max: config.contentMaxLength });
  const township = input.townshipCode ? reference.townships.get(input.townshipCode) : undefined;
  if ((input.townshipCode && !township) || (input.villageCode && !township?.villages.has(input.villageCode))) {
    throw requestError('REGION_UNKNOWN', { field: input.villageCode && township ? 'villageCode' : 'townshipCode' });
  }
  if (input.categoryCode && !reference.categories.has(input.categoryCode)) throw requestError('CATEGORY_UNKNOWN', { field: 'categoryCode' });
  if (!township && needsPlace(input, reference)) throw requestError('PLACE_REQUIRED', { field: 'townshipCode' });
  const phone = input.phone?.replace(/\s/g, '');
  if (phone && !MAINLAND_MOBILE.test(phone) && !LANDLINE.test(phone)) throw requestError('PHONE_INVALID', { field: 'phone' });
  const photo = input.photo ? await cleanImage(Buffer.from(input.photo.dataBase64, 'base64'), input.photo.mimeType, photoPolicy()) : null;
  return {
    caseId: randomUUID(),
    trackingCode: newTrackingCode(),
    organUnitId: reference.centerUnitId,
    requesterKey: newRequesterKey(),
    input: { ...input, content, ...(phone ? { phone } : {}) },
    photo,
    actor,
  };
}

/** A point as the record keeps it beside the other personal details ("lat,long"); undefined without one. */
export function locationOf(input: Pick<SubmitRequestInput, 'latitude' | 'longitude'>): string | undefined {
  return input.latitude !== undefined && input.longitude !== undefined ? `${input.latitude},${input.longitude}` : undefined;
}

/** Writes prepared requests and their opening events, in the caller's transaction. */
export async function insertRequests(tx: Db, requests: PreparedRequest[], at: Date): Promise<void> {
  if (requests.length === 0) return;
  const channelOf = (r: PreparedRequest) => r.input.channel ?? (isStaff(r.actor) ? 'phone' : 'web');
  await openCases(
    tx,
    requests.map((request) => ({
      caseId: request.caseId,
      caseType: HOTLINE_CASE_TYPE,
      actor: request.actor,
      at,
      organUnitId: request.organUnitId,
      regionCode: request.input.villageCode ?? request.input.townshipCode ?? null,
      // The record keeps salted hashes of the requester's details; the details themselves can be erased.
      personal: {
        requesterName: request.input.name?.trim(),
        requesterPhone: request.input.phone,
        address: request.input.address?.trim(),
        requesterEmail: request.input.email?.trim(),
        location: locationOf(request.input),
      },
      // Hashes stand in for the text and photo, which the request's own row keeps.
      payload: {
        trackingCode: request.trackingCode,
        channel: channelOf(request),
        ...(request.input.channelClient ? { channelClient: request.input.channelClient } : {}),
        ...(request.input.mediaUrl ? { mediaUrl: request.input.mediaUrl } : {}),
        townshipCode: request.input.townshipCode ?? null,
        villageCode: request.input.villageCode ?? null,
        categoryCode: request.input.categoryCode ?? null,
        requestType: request.input.requestType ?? null,
        contentSha256: createHash('sha256').update(request.input.content).digest('hex'),
        titleSha256: request.input.title?.trim() ? createHash('sha256').update(request.input.title.trim()).digest('hex') : null,
        photoSha256: request.photo ? createHash('sha256').update(request.photo.bytes).digest('hex') : null,
      },
    })),
  );
  await tx.insert(hotlineRequests).values(
    requests.map((request) => ({
      caseId: request.caseId,
      trackingCode: request.trackingCode,
      channel: channelOf(request),
      channelClient: request.input.channelClient ?? null,
      requestType: request.input.requestType ?? null,
      categoryCode: request.input.categoryCode ?? null,
      urgency: request.input.urgency ?? 'normal',
      title: request.input.title?.trim() || null,
      content: request.input.content,
      requesterName: request.input.name?.trim() || null,
      requesterPhone: request.input.phone ?? null,
      callerKey: request.input.phone ? callerKey(request.input.phone) : null,
      townshipCode: request.input.townshipCode ?? null,
      villageCode: request.input.villageCode ?? null,
      address: request.input.address?.trim() || null,
      latitude: locationOf(request.input) ? request.input.latitude! : null,
      longitude: locationOf(request.input) ? request.input.longitude! : null,
      requesterEmail: request.input.email?.trim() || null,
      mediaUrl: request.input.mediaUrl ?? null,
      receivedAt: at,
      recordedBy: isStaff(request.actor) ? request.actor.userId : null,
    })),
  );
  await storeRequesterKeys(tx, requests.map((r) => ({ caseId: r.caseId, key: r.requesterKey })));
  const withPhotos = requests.filter((r) => r.photo);
  if (withPhotos.length) {
    await tx.insert(hotlineAttachments).values(
      withPhotos.map((r) => ({
        id: randomUUID(),
        caseId: r.caseId,
        mimeType: r.photo!.mimeType,
        size: r.photo!.bytes.length,
        sha256: createHash('sha256').update(r.photo!.bytes).digest('hex'),
        data: r.photo!.bytes,
      })),
    );
  }
}

interface Waiting {
  request: PreparedRequest;
  resolve: (value: { caseId: string; trackingCode: string }) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for intake: submissions that arrive together are written in one
 * transaction, and each is acknowledged only after that transaction commits. A batch
 * that fails is retried one by one, so one bad row never loses its neighbours.
 */
export class IntakeQueue {
  private waiting: Waiting[] = [];
  private running = 0;

  constructor(
    private readonly database: Database,
    private readonly now: () => Date,
    private readonly options: { maxBatch: number; concurrency: number; onCommitted?: (caseIds: string[]) => void } = { maxBatch: 200, concurrency: 1 },
  ) {}

  submit(request: PreparedRequest): Promise<{ caseId: string; trackingCode: string }> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      if (this.running < this.options.concurrency) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running++;
    try {
      while (this.waiting.length) {
        const batch = this.waiting.splice(0, this.options.maxBatch);
        try {
          await this.database.transaction((tx) => insertRequests(tx, batch.map((item) => item.request), this.now()));
          for (const item of batch) item.resolve({ caseId: item.request.caseId, trackingCode: item.request.trackingCode });
          this.options.onCommitted?.(batch.map((item) => item.request.caseId));
        } catch {
          for (const item of batch) {
            try {
              await this.database.transaction((tx) => insertRequests(tx, [item.request], this.now()));
              item.resolve({ caseId: item.request.caseId, trackingCode: item.request.trackingCode });
              this.options.onCommitted?.([item.request.caseId]);
            } catch (error) {
              item.reject(error);
            }
          }
        }
      }
    } finally {
      this.running--;
    }
  }
}
