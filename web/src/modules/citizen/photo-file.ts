import type { PhotoValue } from './api';
import { citizenStrings as s } from './strings';

/** The image types and size the server accepts for a request's photo. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

export function formatPhotoSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** A chosen file as the photo the request carries (base64 inside the JSON body), or what is wrong with it. */
export async function readPhoto(file: File): Promise<{ photo: PhotoValue } | { problem: string }> {
  if (!PHOTO_TYPES.includes(file.type)) return { problem: s.rules.photoNotImage };
  if (file.size > PHOTO_MAX_BYTES) return { problem: s.rules.photoTooLarge };
  try {
    const dataUrl = await readAsDataUrl(file);
    return { photo: { name: file.name, mimeType: file.type, size: file.size, dataBase64: dataUrl.slice(dataUrl.indexOf(',') + 1), previewUrl: dataUrl } };
  } catch {
    return { problem: s.rules.photoReadFailed };
  }
}
