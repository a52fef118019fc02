import { documentError } from '../documents.errors.js';
import { ATTACHMENT_LIMIT_MB } from '../documents.strings.js';

export const ATTACHMENT_MAX_BYTES = ATTACHMENT_LIMIT_MB * 1024 * 1024;

const startsWith = (b: Buffer, ...bytes: number[]) => bytes.every((x, i) => b[i] === x);
// OOXML is a zip whose entry names are stored as plain text in its headers: a Word file has
// word/…, a workbook xl/…, and both [Content_Types].xml.
const ooxml = (b: Buffer, part: string) => startsWith(b, 0x50, 0x4b, 0x03, 0x04) && b.includes('[Content_Types].xml') && b.includes(part);

/** Text a person can open anywhere: UTF-8, no control characters but tab and line ends. */
function isPlainText(b: Buffer): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(b);
    return !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text);
  } catch {
    return false;
  }
}

/**
 * The types a case file takes, each with the first bytes it must have. Images are decoded and
 * encoded anew (no EXIF); the others are kept as sent, so they must be what they claim.
 * Legacy .doc/.xls are refused: their OLE containers carry macros and cannot be told apart by
 * their first bytes; people save them as .docx, .xlsx or PDF.
 */
export const ATTACHMENT_TYPES: Readonly<Record<string, { extensions: readonly string[]; image?: true; looksRight: (b: Buffer) => boolean }>> = {
  'application/pdf': { extensions: ['pdf'], looksRight: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  'image/jpeg': { extensions: ['jpg', 'jpeg'], image: true, looksRight: (b) => startsWith(b, 0xff, 0xd8, 0xff) },
  'image/png': { extensions: ['png'], image: true, looksRight: (b) => startsWith(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) },
  'image/webp': { extensions: ['webp'], image: true, looksRight: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extensions: ['docx'], looksRight: (b) => ooxml(b, 'word/') },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { extensions: ['xlsx'], looksRight: (b) => ooxml(b, 'xl/') },
  'text/plain': { extensions: ['txt'], looksRight: isPlainText },
};

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The bytes of a base64 upload; anything that is not strict base64 is refused rather than guessed at. */
export function decodeBase64(content: string): Buffer {
  const compact = content.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) throw documentError('ATTACHMENT_NOT_BASE64');
  return Buffer.from(compact, 'base64');
}

/**
 * Refuses a file that is empty, too large, of a type not taken, or whose content is not what
 * its type says; returns the type's entry. The media type is compared without parameters
 * (text/plain; charset=utf-8) and case.
 */
export function checkAttachment(bytes: Buffer, declaredType: string): { mediaType: string; image: boolean } {
  if (bytes.length === 0) throw documentError('ATTACHMENT_EMPTY');
  if (bytes.length > ATTACHMENT_MAX_BYTES) throw documentError('ATTACHMENT_TOO_LARGE', { max: ATTACHMENT_MAX_BYTES });
  const mediaType = declaredType.split(';')[0]!.trim().toLowerCase();
  const type = Object.hasOwn(ATTACHMENT_TYPES, mediaType) ? ATTACHMENT_TYPES[mediaType] : undefined;
  if (!type) throw documentError('ATTACHMENT_TYPE_NOT_ALLOWED', { mediaType: declaredType.slice(0, 100) });
  if (!type.looksRight(bytes)) throw documentError('ATTACHMENT_CONTENT_MISMATCH', { mediaType });
  return { mediaType, image: type.image === true };
}

/**
 * The name a file is kept and offered under: the last part of what was sent, without control
 * characters, its extension one of its type's (so a PDF named a.exe is offered as a.exe.pdf).
 */
export function attachmentFileName(sent: string, mediaType: string): string {
  const base = (sent.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001F\u007F"]/g, '').trim().slice(0, 200) || 'attachment';
  const extensions = ATTACHMENT_TYPES[mediaType]?.extensions ?? [];
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  if (extensions.includes(extension) || extensions.length === 0) return base;
  // A re-encoded image keeps its name but takes the extension of what it became.
  const image = ATTACHMENT_TYPES[mediaType]?.image && dot > 0 && Object.values(ATTACHMENT_TYPES).some((t) => t.image && t.extensions.includes(extension));
  return `${image ? base.slice(0, dot) : base}.${extensions[0]}`;
}
