/**
 * Signed acquirer webhooks (FIELD-NOTES "Money conventions"): `Kabinet-Signature: t=<unix seconds>,v1=<hex>`,
 * where v1 is HMAC-SHA256 over `"{t}.{raw body}"`. Signing the timestamp with the body stops a captured
 * notification from being replayed later; the tolerance window bounds how late it may come. On Node the HMAC is
 * `node:crypto`'s synchronous one (Web Crypto's asynchronous round trip costs far more than hashing a webhook);
 * elsewhere Web Crypto, so the same code runs in any runtime. `verifyWebhook` compares in constant time.
 */

export const WEBHOOK_SIGNATURE_HEADER = 'kabinet-signature';
/** How far a webhook's timestamp may be from our clock, either way. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export type WebhookVerification =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'malformed' | 'stale' | 'bad_signature' };

/**
 * Node's crypto when running on Node. Not a static import: the web app's bundler resolves this module too (it
 * comes with `@kabinet/core`'s index), and `getBuiltinModule` keeps it free of Node.
 */
const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as typeof import('node:crypto') | undefined;

/** Web Crypto's key type, named without the DOM library (the server compiles with Node's types only). */
type HmacKey = Awaited<ReturnType<typeof globalThis.crypto.subtle.importKey>>;

const encoder = new TextEncoder();
const keys = new Map<string, Promise<HmacKey>>();

function hmacKey(secret: string): Promise<HmacKey> {
  let key = keys.get(secret);
  if (!key) {
    key = globalThis.crypto.subtle.importKey(
      'raw',
      encoder.encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    // A handful of secrets per process (one per acquirer); the import is the costly part of an HMAC here.
    if (keys.size < 16) keys.set(secret, key);
  }
  return key;
}

/** HMAC-SHA256 of `"{timestamp}.{raw body}"` under `secret` (both UTF-8). */
async function mac(secret: string, timestamp: number, rawBody: string): Promise<Uint8Array> {
  const data = `${timestamp}.${rawBody}`;
  if (nodeCrypto) return nodeCrypto.createHmac('sha256', secret).update(data).digest();
  return new Uint8Array(
    await globalThis.crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(data)),
  );
}

/** Equal byte strings, in time that depends only on their length. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  if (nodeCrypto) return nodeCrypto.timingSafeEqual(a, b);
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array | null {
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** The signature header for `rawBody` sent at `timestamp` (unix seconds). */
export async function signWebhook(secret: string, rawBody: string, timestamp: number): Promise<string> {
  return `t=${timestamp},v1=${toHex(await mac(secret, timestamp, rawBody))}`;
}

/** `t=…,v1=…[,v1=…]` → timestamp and signatures; null when it is not that shape. */
export function parseSignatureHeader(header: string): { timestamp: number; signatures: string[] } | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name === 't') {
      if (!/^\d{1,12}$/.test(value)) return null;
      timestamp = Number(value);
    } else if (name === 'v1') signatures.push(value);
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

/**
 * Checks a webhook: the header's shape, its timestamp within `toleranceSeconds` of `nowSeconds`, and one of its
 * `v1` signatures (several are allowed while a secret is rotated) matching the raw body, compared in constant
 * time.
 */
export async function verifyWebhook(
  secret: string,
  header: string | undefined,
  rawBody: string,
  nowSeconds: number,
  toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS,
): Promise<WebhookVerification> {
  const parsed = header ? parseSignatureHeader(header) : null;
  if (!parsed) return { ok: false, reason: 'malformed' };
  if (Math.abs(nowSeconds - parsed.timestamp) > toleranceSeconds) return { ok: false, reason: 'stale' };
  const expected = await mac(secret, parsed.timestamp, rawBody);
  for (const signature of parsed.signatures) {
    const bytes = fromHex(signature);
    if (bytes && sameBytes(bytes, expected)) return { ok: true, timestamp: parsed.timestamp };
  }
  return { ok: false, reason: 'bad_signature' };
}
