/**
 * RATE-01 API keys for integrators (the operator's mediation): a random secret shown once at creation, stored only
 * as its SHA-256 — the secret has 256 bits, so a fast hash is enough (no password stretching needed) — with scopes
 * naming what the key may do.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '@kabinet/db';

export const API_KEY_SCOPES = ['usage:write'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

const KEY_PREFIX = 'kab_';

function hashKey(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

export interface CreatedApiKey {
  id: string;
  name: string;
  /** The secret: printed once, never stored. */
  key: string;
  scopes: ApiKeyScope[];
}

/** Creates a key; the returned secret is the only copy. */
export async function createApiKey(
  db: Db,
  name: string,
  scopes: readonly ApiKeyScope[],
): Promise<CreatedApiKey> {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 100)
    throw new RangeError('An API key name has 1–100 characters');
  if (scopes.length === 0) throw new RangeError('An API key needs at least one scope');
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const id = `key_${randomBytes(10).toString('hex')}`;
  await db
    .insertInto('api_keys')
    .values({ id, name: trimmed, prefix: key.slice(0, 12), key_hash: hashKey(key), scopes: [...scopes] })
    .execute();
  return { id, name: trimmed, key, scopes: [...scopes] };
}

export type ApiKeyCheck =
  | { ok: true; id: string; name: string }
  | { ok: false; reason: 'missing' | 'invalid' | 'scope' };

/**
 * The key in `Authorization: Bearer <key>`, if it is live and has `scope`. Looked up by its hash, so the lookup
 * time says nothing about how close a guess was.
 */
export async function checkApiKey(
  db: Db,
  authorization: string | undefined,
  scope: ApiKeyScope,
  now: Date,
): Promise<ApiKeyCheck> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) return { ok: false, reason: 'missing' };
  const row = await db
    .updateTable('api_keys')
    .set({ last_used_at: now })
    .where('key_hash', '=', hashKey(match[1]))
    .where('revoked_at', 'is', null)
    .returning(['id', 'name', 'scopes'])
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'invalid' };
  if (!row.scopes.includes(scope)) return { ok: false, reason: 'scope' };
  return { ok: true, id: row.id, name: row.name };
}
