/** An Open311 API key as GET /api/admin/open311/keys lists it: never the key itself. */
export interface Open311ApiKeyView {
  id: number;
  /** The client system that uses it (区县APP, 微信小程序…). */
  clientName: string;
  /** Its first characters, to tell keys apart. */
  keyPrefix: string;
  createdAt: string;
  /** The administrator who issued it; null when issued on the server's console. */
  createdBy: number | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** POST /api/admin/open311/keys: the key, in this answer only. */
export interface IssuedOpen311ApiKey extends Open311ApiKeyView {
  key: string;
}
