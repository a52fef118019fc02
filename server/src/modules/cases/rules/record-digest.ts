import { platformKeyring } from '../../../platform/keyring.js';

// A keyed multiset digest: the sum, modulo 2^256, of a keyed hash of each member. Members can
// be added (and for heads, replaced) one at a time as the record grows, the order does not
// matter, and without the key nobody can find other members with the same sum.
const MODULUS = 1n << 256n;

export function addTerm(digest: bigint, term: bigint): bigint {
  return (digest + term) % MODULUS;
}

export function removeTerm(digest: bigint, term: bigint): bigint {
  return (digest - term + MODULUS) % MODULUS;
}

/** An event's member: its hash, which already covers the whole event and its chain so far. */
export function eventTerm(hash: string): bigint {
  return BigInt(`0x${platformKeyring().mac('audit.term', 'event', hash)}`);
}

/** A case's sealed head: the point its chain must still reach. */
export function headTerm(caseId: string, seq: number, hash: string): bigint {
  return BigInt(`0x${platformKeyring().mac('audit.term', 'head', caseId, String(seq), hash)}`);
}

export const toHex = (digest: bigint) => digest.toString(16).padStart(64, '0');
export const fromHex = (hex: string) => BigInt(`0x${hex}`);
