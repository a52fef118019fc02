import { timingSafeEqual } from 'node:crypto';
import { and, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { recordCaseEvent } from '../../cases/index.js';
import { documentError } from '../documents.errors.js';
import { caseAttachments } from '../documents.tables.js';
import { lockCase } from './case-row.js';
import { sha256Hex } from './prepare-attachment.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Binds staged files to the case just opened (in the opening's transaction) and records
 * `attachments_bound` { attachments: [{ attachmentId, mediaType, size, sha256 }] } in its chain.
 * `tokens[i]` is the token `ids[i]` was given. A wrong or used token refuses them all
 * (ATTACHMENT_STAGING_INVALID), and the caller's transaction rolls back.
 */
export async function bindAttachments(tx: Db, caseId: string, ids: readonly string[], tokens: readonly string[], actor: Actor, at: Date): Promise<Array<{ attachmentId: string; sha256: string }>> {
  if (ids.length === 0) return [];
  if (ids.length !== tokens.length || new Set(ids).size !== ids.length || !ids.every((id) => UUID.test(id))) throw documentError('ATTACHMENT_STAGING_INVALID');
  await lockCase(tx, caseId);
  const rows = await tx
    .select({ id: caseAttachments.id, mediaType: caseAttachments.mediaType, size: caseAttachments.size, sha256: caseAttachments.sha256, tokenHash: caseAttachments.stagingTokenHash })
    .from(caseAttachments)
    .where(and(inArray(caseAttachments.id, [...ids]), isNull(caseAttachments.caseId)))
    .for('update');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const staged = ids.map((id, i) => {
    const row = byId.get(id.toLowerCase());
    const presented = Buffer.from(sha256Hex(Buffer.from(tokens[i]!)));
    if (!row?.tokenHash || !timingSafeEqual(Buffer.from(row.tokenHash), presented)) throw documentError('ATTACHMENT_STAGING_INVALID', { attachmentId: id });
    return row;
  });
  await tx.update(caseAttachments).set({ caseId, stagingTokenHash: null }).where(inArray(caseAttachments.id, staged.map((r) => r.id)));
  const attachments = staged.map((r) => ({ attachmentId: r.id, mediaType: r.mediaType, size: r.size, sha256: r.sha256 }));
  await recordCaseEvent(tx, { caseId, type: 'attachments_bound', actor, payload: { attachments }, at });
  return attachments.map(({ attachmentId, sha256 }) => ({ attachmentId, sha256 }));
}
