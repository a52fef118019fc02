import { defineErrors } from '../errors/app-error.js';
import { DEFAULT_IMAGE_POLICY } from './image-policy.js';
import { uploadsStrings as s } from './uploads.strings.js';

/**
 * Refusals of an uploaded image, the same codes for every module that takes photos.
 * The messages here are those of the default policy; a module with other limits gets its own numbers.
 */
export const uploadError = defineErrors('uploads', {
  PHOTO_TOO_LARGE: { status: 413, message: s.tooLarge(DEFAULT_IMAGE_POLICY.maxBytes) },
  PHOTO_NOT_IMAGE: { status: 415, message: s.notImage },
  PHOTO_TOO_MANY_PIXELS: { status: 413, message: s.tooManyPixels(DEFAULT_IMAGE_POLICY.maxPixels) },
});
