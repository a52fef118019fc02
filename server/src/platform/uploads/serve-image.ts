const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp' };

// Even opened in a tab of its own, a stored image can run nothing and load nothing else
// (the same policy GitHub gives its users' raw files).
const IMAGE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

/**
 * Headers for a stored image shown in a page: its exact type, inline under a plain ASCII name,
 * never sniffed. A type that is not one of ours (no upload is stored so since they are
 * re-encoded) is offered as a download instead.
 */
export function storedImageHeaders(mimeType: string, baseName: string): Record<string, string> {
  const name = baseName.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || 'image';
  const extension = EXTENSIONS[mimeType];
  const common = { 'x-content-type-options': 'nosniff', 'content-security-policy': IMAGE_CSP };
  return extension
    ? { ...common, 'content-type': mimeType, 'content-disposition': `inline; filename="${name}.${extension}"` }
    : { ...common, 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename="${name}"` };
}
