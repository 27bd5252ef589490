/**
 * A fresh `Idempotency-Key` for one user intent (opening a confirmation). Trap: `crypto.randomUUID` exists
 * only in secure contexts (https, localhost), so a cabinet opened over plain http on a LAN address would
 * throw; the fallback builds the same 122 random bits from `getRandomValues`, which works everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
