import { randomUUID } from 'node:crypto';
import { isStaff, type Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { recordCaseEvent } from '../../cases/index.js';
import { caseAttachments } from '../documents.tables.js';
import { lockCase } from './case-row.js';
import { prepareAttachment, type AttachmentUpload } from './prepare-attachment.js';

export type AddAttachmentInput = AttachmentUpload & { caseId: string; actor: Actor; at: Date };

/**
 * Adds a file to a case and records `attachment_added` { attachmentId, mediaType, size, sha256 }
 * in its chain, in the caller's transaction. The file name stays beside the record, not in it:
 * a citizen's file is often named after them. The caller has checked the actor may do this.
 */
export async function addAttachment(tx: Db, input: AddAttachmentInput): Promise<{ attachmentId: string; sha256: string }> {
  const file = await prepareAttachment(input);
  await lockCase(tx, input.caseId);
  const attachmentId = randomUUID();
  await tx.insert(caseAttachments).values({
    id: attachmentId,
    caseId: input.caseId,
    fileName: file.fileName,
    mediaType: file.mediaType,
    size: file.bytes.length,
    sha256: file.sha256,
    bytes: file.bytes,
    addedAt: input.at,
    addedByUserId: isStaff(input.actor) ? input.actor.userId : null,
  });
  await recordCaseEvent(tx, {
    caseId: input.caseId,
    type: 'attachment_added',
    actor: input.actor,
    payload: { attachmentId, mediaType: file.mediaType, size: file.bytes.length, sha256: file.sha256 },
    at: input.at,
  });
  return { attachmentId, sha256: file.sha256 };
}
