import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/database.js';
import { caseAttachments } from '../documents.tables.js';
import { prepareAttachment, sha256Hex, type AttachmentUpload } from './prepare-attachment.js';

/**
 * Keeps a file sent before its case exists (a public application form uploads first, then
 * submits). The token, shown to the sender once, is what later binds the file to the case
 * opened from the same form: an id alone would let anyone claim someone else's upload.
 */
export async function stageAttachment(tx: Db, input: AttachmentUpload & { at: Date }): Promise<{ attachmentId: string; token: string; sha256: string }> {
  const file = await prepareAttachment(input);
  const attachmentId = randomUUID();
  const token = randomBytes(32).toString('base64url');
  await tx.insert(caseAttachments).values({
    id: attachmentId,
    caseId: null,
    fileName: file.fileName,
    mediaType: file.mediaType,
    size: file.bytes.length,
    sha256: file.sha256,
    bytes: file.bytes,
    addedAt: input.at,
    addedByUserId: null,
    stagingTokenHash: sha256Hex(Buffer.from(token)),
  });
  return { attachmentId, token, sha256: file.sha256 };
}
