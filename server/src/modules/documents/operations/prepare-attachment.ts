import { createHash } from 'node:crypto';
import { cleanImage } from '../../../platform/uploads/images.js';
import { imagePolicy } from '../../../platform/uploads/image-policy.js';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, attachmentFileName, checkAttachment, decodeBase64 } from '../rules/attachment-content.js';

/** A file as it will be stored: checked, images re-encoded, hashed. */
export interface PreparedAttachment {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
  sha256: string;
}

/** What a caller hands over: the file as sent (base64 from JSON, or bytes), or already prepared. */
export type AttachmentUpload =
  | { name: string; mediaType: string; contentBase64: string }
  | { name: string; mediaType: string; bytes: Uint8Array }
  | { prepared: PreparedAttachment };

const IMAGE_POLICY = imagePolicy({
  maxBytes: ATTACHMENT_MAX_BYTES,
  mimeTypes: Object.keys(ATTACHMENT_TYPES).filter((t) => ATTACHMENT_TYPES[t]!.image),
});

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Checks and cleans a file before any transaction begins: decoding a large image takes a
 * while, and the embedded database holds every other writer while a transaction is open.
 */
export async function prepareAttachment(upload: AttachmentUpload): Promise<PreparedAttachment> {
  if ('prepared' in upload) return upload.prepared;
  const sent = 'bytes' in upload ? Buffer.from(upload.bytes) : decodeBase64(upload.contentBase64);
  const { mediaType, image } = checkAttachment(sent, upload.mediaType);
  // A photo of a document may carry where and when it was taken: only its pixels are kept.
  const clean = image ? await cleanImage(sent, mediaType, IMAGE_POLICY, 'contentBase64') : null;
  const bytes = clean ? clean.bytes : sent;
  const storedType = clean ? clean.mimeType : mediaType;
  return { fileName: attachmentFileName(upload.name, storedType), mediaType: storedType, bytes, sha256: sha256Hex(bytes) };
}
