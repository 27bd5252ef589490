/**
 * SVC-13 order references: what a person without a login is told and types back, with their phone, to see the
 * order. Crockford's base32 (no I, L, O, U; those are read as 1, 1, 0 when typed): 8 characters are 40 random
 * bits, so guessing one that also matches the phone, at the lookup's rate limit, is hopeless.
 */
const LETTERS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 8;
const PREFIX = 'KB-';

/** A new random reference `KB-XXXX-XXXX` from a CSPRNG; `& 31` keeps it uniform (256 is a multiple of 32). */
export function newOrderReference(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(LENGTH));
  let body = '';
  for (const b of bytes) body += LETTERS[b & 31];
  return `${PREFIX}${body.slice(0, 4)}-${body.slice(4)}`;
}

/**
 * A reference as typed (any case, spaces and dashes, with or without `KB`) in its stored form, or null when it
 * cannot be one. Crockford's look-alikes are read as the digits they stand for.
 */
export function normaliseReference(input: string): string | null {
  const compact = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/^KB/, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact.length !== LENGTH) return null;
  for (const c of compact) if (!LETTERS.includes(c)) return null;
  return `${PREFIX}${compact.slice(0, 4)}-${compact.slice(4)}`;
}
