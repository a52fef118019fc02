const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${Number((bytes / 1024 / 1024).toFixed(1))} MB` : `${Math.floor(bytes / 1024)} KB`);

/** Messages of the image service; the limits come from the policy the module passes. */
export const uploadsStrings = {
  tooLarge: (maxBytes: number) => `照片不能超过 ${size(maxBytes)}`,
  notImage: '只能上传 JPG、PNG、WebP 或 GIF 图片',
  tooManyPixels: (maxPixels: number) => `照片像素过多（不能超过 ${Math.round(maxPixels / 10_000)} 万像素），请缩小后再上传`,
};
