import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { platformKeyring, type KeyPurpose } from './keyring.js';

// A secret a setting needs (a gateway's token), or a person's identity number a register keeps, is
// stored encrypted under a subkey of the platform key, which lives outside the database: a copy
// of the database or a backup does not give it away.
type SealPurpose = Extract<KeyPurpose, 'settings.secret' | 'identity.seal'>;
const key = (purpose: SealPurpose) => platformKeyring().macBytes(purpose, 'aes-256-gcm');

/** base64 of nonce ‖ tag ‖ ciphertext; `context` (the setting's name) must match to open it. */
export function sealSecret(plain: string, context: string, purpose: SealPurpose = 'settings.secret'): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(purpose), nonce).setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64');
}

export function openSecret(sealed: string, context: string, purpose: SealPurpose = 'settings.secret'): string {
  const bytes = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key(purpose), bytes.subarray(0, 12)).setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}
