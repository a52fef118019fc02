/** What a module accepts as an uploaded image. */
export interface ImagePolicy {
  /** The upload as sent, in bytes. */
  maxBytes: number;
  /** Width × height read from the header before anything is decoded: a decompression bomb stops here. */
  maxPixels: number;
  /** The longer edge of the stored image; larger photos are scaled down to it. */
  maxEdge: number;
  /** Declared types accepted; the content must also decode as one of them. */
  mimeTypes: readonly string[];
  /** Longest time one image may take to decode and encode. */
  timeoutSeconds: number;
}

// 40 MP is above what phones save by default (12–12.5 MP) and most cameras (24–33 MP);
// 4096 px on the longer edge still shows a licence plate when a street scene is zoomed.
export const DEFAULT_IMAGE_POLICY: ImagePolicy = {
  maxBytes: 5 * 1024 * 1024,
  maxPixels: 40_000_000,
  maxEdge: 4096,
  mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
  timeoutSeconds: 10,
};

/** The default policy with a module's own settings (any of them) on top. */
export function imagePolicy(overrides: Partial<ImagePolicy> = {}): ImagePolicy {
  return { ...DEFAULT_IMAGE_POLICY, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
}
