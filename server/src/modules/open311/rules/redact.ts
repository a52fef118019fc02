import { maskIdentifiers, redactPersonName } from '../../documents/index.js';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/**
 * Text fit to publish: identity-card, mobile and landline numbers masked by the platform's rule
 * for published documents, the requester's own name as surname + 某 wherever it appears, and
 * e-mail addresses hidden.
 */
export function redactForPublic(text: string, requesterName: string | null): string {
  let out = text;
  const name = requesterName?.trim();
  if (name && [...name].length >= 2 && redactPersonName(name) !== name) out = out.split(name).join(redactPersonName(name));
  return maskIdentifiers(out).replace(EMAIL, (address) => `${address.slice(0, 1)}***@${address.split('@')[1]}`);
}
