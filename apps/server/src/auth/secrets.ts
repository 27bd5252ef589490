import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Keyed hash of a short secret (an SMS code): hashing 6 digits alone protects nothing, an HMAC key does. */
export function hmac(key: string, ...parts: string[]): Buffer {
  return createHmac('sha256', key).update(parts.join('\u0000')).digest();
}

export function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Compares two digests in constant time (different lengths are simply unequal). */
export function sameDigest(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** An opaque random token (256 bits) for cookies; only its SHA-256 is ever stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}
