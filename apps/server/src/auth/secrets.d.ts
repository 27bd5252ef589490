/** Keyed hash of a short secret (an SMS code): hashing 6 digits alone protects nothing, an HMAC key does. */
export declare function hmac(key: string, ...parts: string[]): Buffer;
export declare function sha256(value: string): Buffer;
/** Compares two digests in constant time (different lengths are simply unequal). */
export declare function sameDigest(a: Buffer, b: Buffer): boolean;
/** An opaque random token (256 bits) for cookies; only its SHA-256 is ever stored. */
export declare function newToken(): string;
