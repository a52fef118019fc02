import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { getCaseType } from '../case-registry.js';
import { cases } from '../cases.tables.js';
import { GENESIS_HASH } from '../event-chain.js';
import { appendEvent } from '../internal-append-event.js';

export interface OpenCaseInput {
  caseId: string;
  caseType: string;
  actor: Actor;
  at: Date;
  regionCode?: string | null;
  ownerUnitId?: number | null;
  /** Facts recorded in the opening event. */
  payload: Record<string, unknown>;
}

/** Creates a case in its type's initial state with its first event, in the caller's transaction. */
export async function openCase(tx: Db, input: OpenCaseInput): Promise<void> {
  const type = getCaseType(input.caseType);
  await tx.insert(cases).values({
    id: input.caseId,
    caseType: type.name,
    state: type.initialState,
    ownerUnitId: input.ownerUnitId ?? null,
    regionCode: input.regionCode ?? null,
    lastSeq: 0,
    lastHash: GENESIS_HASH,
    createdAt: input.at,
    updatedAt: input.at,
  });
  await appendEvent(tx, {
    caseId: input.caseId,
    prevSeq: 0,
    prevHash: GENESIS_HASH,
    type: type.openEvent,
    actor: input.actor,
    payload: input.payload,
    at: input.at,
  });
}
