import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * What the platform's secret key is used for. Each purpose gets its own subkey, so a value
 * made for one (a requester's rating key) can never pass for another (an event's seal).
 */
export type KeyPurpose = 'audit.event' | 'audit.checkpoint' | 'audit.term' | 'security.log' | 'requester.key' | 'personal.data' | 'settings.secret' | 'open311.api-key' | 'identity.lookup' | 'identity.seal' | 'inspection.code' | 'supervisor.card';

export interface Keyring {
  /** A short name of the secret (not the secret): recorded in the database to catch a server with another key. */
  readonly id: string;
  /** HMAC-SHA256 under the purpose's subkey over the parts (each length-prefixed), as hex. */
  mac(purpose: KeyPurpose, ...parts: Array<string | Buffer>): string;
  /** The same as raw bytes. */
  macBytes(purpose: KeyPurpose, ...parts: Array<string | Buffer>): Buffer;
}

const FORMAT = 'fazhi-key-1';

const secrets = new WeakMap<Keyring, Buffer>();

/**
 * The secret behind a keyring, for a worker thread of this same process that seals what it
 * writes (the city generator). Never written anywhere but the key file.
 */
export function secretForWorker(keyring: Keyring): Uint8Array {
  return new Uint8Array(secrets.get(keyring)!);
}

/** A keyring over a 32-byte secret. */
export function keyringFromSecret(secret: Buffer): Keyring {
  if (secret.length < 32) throw new Error('the platform key must be at least 32 bytes');
  const subkeys = new Map<KeyPurpose, Buffer>();
  const subkey = (purpose: KeyPurpose) => {
    let key = subkeys.get(purpose);
    if (!key) subkeys.set(purpose, (key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `fazhi:${purpose}`, 32))));
    return key;
  };
  const macBytes = (purpose: KeyPurpose, ...parts: Array<string | Buffer>) => {
    const hmac = createHmac('sha256', subkey(purpose));
    for (const part of parts) {
      const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
      const length = Buffer.alloc(4);
      length.writeUInt32BE(bytes.length);
      hmac.update(length).update(bytes);
    }
    return hmac.digest();
  };
  const keyring: Keyring = {
    id: createHash('sha256').update('fazhi:key-id').update(secret).digest('hex').slice(0, 16),
    mac: (purpose, ...parts) => macBytes(purpose, ...parts).toString('hex'),
    macBytes,
  };
  secrets.set(keyring, Buffer.from(secret));
  return keyring;
}

export interface KeyFile {
  format: typeof FORMAT;
  id: string;
  secret: string;
  createdAt: string;
}

/** Reads the key file; null when there is none. A file in another shape is an error, never ignored. */
export function readKeyFile(path: string): Keyring | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const file = JSON.parse(text) as KeyFile;
  if (file.format !== FORMAT || typeof file.secret !== 'string') throw new Error(`${path} is not a Fazhi key file`);
  const keyring = keyringFromSecret(Buffer.from(file.secret, 'base64'));
  if (keyring.id !== file.id) throw new Error(`${path}: the key's id does not match its secret (the file was edited)`);
  return keyring;
}

/**
 * Writes a new random key unless the file exists (then reads it): two app servers starting
 * together on one data directory end up with the same key. Readable by its owner only.
 */
export function createKeyFile(path: string, now = new Date()): Keyring {
  const secret = randomBytes(32);
  const keyring = keyringFromSecret(secret);
  const file: KeyFile = { format: FORMAT, id: keyring.id, secret: secret.toString('base64'), createdAt: now.toISOString() };
  mkdirSync(dirname(path), { recursive: true });
  // Written whole under another name, then linked into place: link fails if the file exists,
  // and a reader never sees a half-written key.
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  try {
    linkSync(draft, path);
    return keyring;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readKeyFile(path)!;
  } finally {
    rmSync(draft, { force: true });
  }
}

let installed: Keyring | null = null;

/** The process's key, loaded once at start (server, command line) or by a test. */
export function installKeyring(keyring: Keyring): void {
  installed = keyring;
}

export function platformKeyring(): Keyring {
  if (!installed) throw new Error('no platform key is loaded (installKeyring was not called)');
  return installed;
}
