import { and, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { cases } from '../../cases/index.js';
import { findUnits } from '../../orgs/index.js';
import { CENTER_NAME_FALLBACK, hotlineRequests, STATE_LABELS, type ReferenceData } from '../../requests/index.js';
import { open311Error } from '../open311.errors.js';
import { OPEN311_TEXT } from '../open311.strings.js';
import { redactForPublic } from '../rules/redact.js';
import { findServiceCode, serviceOfRequest, UNCLASSIFIED_CODE } from '../rules/services.js';
import { open311Status, statesFor } from '../rules/status.js';
import { formatW3cDatetime } from '../rules/w3c-datetime.js';

/** The most requests one answer lists (the specification's default). */
export const MAX_REQUESTS = 1000;
/** Reports (举报) name someone: their text and exact place are never published. */
const WITHHELD_TYPES = new Set(['举报']);
const DESCRIPTION_MAX = 4000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PublicRequestsQuery {
  ids?: string[];
  serviceCodes?: string[];
  statuses?: Array<'open' | 'closed'>;
  from: Date;
  to: Date;
}

/** One request as GeoReport v2 shows it to anyone: no requester's name, phone, e-mail or device. */
export interface PublicRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  lat?: number;
  long?: number;
  media_url: string | null;
}

const columns = {
  caseId: hotlineRequests.caseId,
  categoryCode: hotlineRequests.categoryCode,
  requestType: hotlineRequests.requestType,
  content: hotlineRequests.content,
  requesterName: hotlineRequests.requesterName,
  address: hotlineRequests.address,
  latitude: hotlineRequests.latitude,
  longitude: hotlineRequests.longitude,
  mediaUrl: hotlineRequests.mediaUrl,
  townshipCode: hotlineRequests.townshipCode,
  villageCode: hotlineRequests.villageCode,
  receivedAt: hotlineRequests.receivedAt,
  dueAt: hotlineRequests.dueAt,
  closedAt: hotlineRequests.closedAt,
  repliedByUnitId: hotlineRequests.repliedByUnitId,
  state: cases.state,
  updatedAt: cases.updatedAt,
  ownerUnitId: cases.ownerUnitId,
  organUnitId: cases.organUnitId,
};
function selectRows(tx: Db, where: SQL | undefined) {
  return tx.select(columns).from(hotlineRequests).innerJoin(cases, eq(cases.id, hotlineRequests.caseId))
    .where(where).orderBy(desc(hotlineRequests.receivedAt), desc(hotlineRequests.caseId)).limit(MAX_REQUESTS);
}
type Row = Awaited<ReturnType<typeof selectRows>>[number];

/**
 * GET requests: by id (which overrides everything else), or by service, status and the day
 * received, newest first, at most 1000.
 */
export async function listPublicRequests(tx: Db, query: PublicRequestsQuery, reference: ReferenceData): Promise<PublicRequest[]> {
  let where: SQL | undefined;
  if (query.ids) {
    const ids = [...new Set(query.ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
    if (ids.length === 0) return [];
    where = inArray(hotlineRequests.caseId, ids);
  } else {
    const codes = (query.serviceCodes ?? []).map((c) => findServiceCode(reference.categories, c));
    const known = codes.filter((c): c is string => c !== null && c !== UNCLASSIFIED_CODE);
    const byService = query.serviceCodes?.length
      ? (or(known.length ? inArray(hotlineRequests.categoryCode, known) : undefined, codes.includes(UNCLASSIFIED_CODE) ? isNull(hotlineRequests.categoryCode) : undefined) ?? sql`false`)
      : undefined;
    const states = query.statuses?.length ? [...new Set(query.statuses.flatMap((s) => statesFor(s, Object.keys(STATE_LABELS))))] : null;
    where = and(gte(hotlineRequests.receivedAt, query.from), lte(hotlineRequests.receivedAt, query.to), byService, states ? inArray(cases.state, states) : undefined);
  }
  const rows = await selectRows(tx, where);
  const units = await findUnits(tx, rows.flatMap((r) => [r.ownerUnitId ?? 0, r.repliedByUnitId ?? 0, r.organUnitId ?? 0]).filter((id) => id > 0));
  const unitName = (id: number | null) => (id ? units.get(id)?.name : undefined);
  return rows.map((r) => toPublicRequest(r, reference, (r) => unitName(r.ownerUnitId) ?? unitName(r.repliedByUnitId) ?? unitName(r.organUnitId) ?? CENTER_NAME_FALLBACK));
}

/** GET requests/{id}: the one request, or 404. */
export async function publicRequest(tx: Db, id: string, reference: ReferenceData): Promise<PublicRequest> {
  const [found] = UUID.test(id) ? await listPublicRequests(tx, { ids: [id], from: new Date(0), to: new Date(0) }, reference) : [];
  if (!found) throw open311Error('OPEN311_REQUEST_NOT_FOUND');
  return found;
}

function toPublicRequest(r: Row, reference: ReferenceData, agency: (r: Row) => string): PublicRequest {
  const withheld = WITHHELD_TYPES.has(r.requestType ?? '');
  const township = reference.townships.get(r.townshipCode ?? '');
  const region = `${township?.name ?? ''}${r.villageCode ? (township?.villages.get(r.villageCode) ?? '') : ''}`;
  const service = serviceOfRequest(reference.categories, r.categoryCode);
  const status = open311Status(r.state);
  const located = !withheld && r.latitude !== null && r.longitude !== null;
  return {
    service_request_id: r.caseId,
    status,
    status_notes: STATE_LABELS[r.state as keyof typeof STATE_LABELS] ?? null,
    service_name: service.name,
    service_code: service.code,
    description: withheld ? null : [...redactForPublic(r.content, r.requesterName)].slice(0, DESCRIPTION_MAX).join(''),
    agency_responsible: agency(r),
    service_notice: notice(r),
    requested_datetime: formatW3cDatetime(r.receivedAt),
    updated_datetime: formatW3cDatetime(status === 'closed' && r.closedAt ? r.closedAt : r.updatedAt),
    expected_datetime: r.dueAt ? formatW3cDatetime(r.dueAt) : null,
    address: (!withheld && r.address ? redactForPublic(r.address, r.requesterName) : region) || null,
    address_id: r.villageCode ?? r.townshipCode ?? null,
    ...(located ? { lat: r.latitude!, long: r.longitude! } : {}),
    media_url: r.mediaUrl,
  };
}

function notice(r: Row): string | null {
  if (r.state === 'received' || r.state === 'returned') return OPEN311_TEXT.awaitingDispatch;
  if ((r.state === 'dispatched' || r.state === 'handling' || r.state === 'rectifying') && r.dueAt) return OPEN311_TEXT.dueBy(formatW3cDatetime(r.dueAt).slice(0, 10));
  return null;
}
