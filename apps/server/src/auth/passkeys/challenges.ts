import { newId } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { passkeyInvalid } from './errors.ts';

/** How long a WebAuthn challenge may be answered. */
export const CHALLENGE_TTL_SECONDS = 5 * 60;

export type ChallengePurpose = 'register' | 'authenticate';

/** Stores a challenge handed to a browser, bound to that browser's nonce (by its hash). */
export async function storeChallenge(
  db: Db,
  input: {
    purpose: ChallengePurpose;
    loginId: string | null;
    challenge: string;
    bindingHash: Buffer;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('webauthn_challenges')
    .values({
      id: newId('challenge', input.now),
      purpose: input.purpose,
      login_id: input.loginId,
      challenge: input.challenge,
      binding_hash: input.bindingHash,
      created_at: input.now,
      expires_at: new Date(input.now.getTime() + CHALLENGE_TTL_SECONDS * 1000),
    })
    .execute();
}

/** The challenge a response claims to answer, read from its `clientDataJSON` (verified properly later). */
export function claimedChallenge(clientDataJSON: string): string | null {
  try {
    const parsed: unknown = JSON.parse(isoBase64URL.toUTF8String(clientDataJSON));
    if (typeof parsed === 'object' && parsed !== null && 'challenge' in parsed) {
      const { challenge } = parsed;
      if (typeof challenge === 'string' && challenge.length <= 512) return challenge;
    }
  } catch {
    // Not base64url JSON: the caller answers `passkey_invalid`.
  }
  return null;
}

/**
 * Uses up the challenge a response answers — one statement, so two racing requests cannot both spend it. It must
 * be live (issued under five minutes ago, never used), for this purpose (and this login, for registration), and
 * bound to this browser. Spent even when the verification that follows fails: a challenge is never tried twice.
 */
export async function consumeChallenge(
  db: Db,
  input: {
    purpose: ChallengePurpose;
    loginId: string | null;
    clientDataJSON: string;
    bindingHash: Buffer | null;
    now: Date;
  },
): Promise<string> {
  const challenge = claimedChallenge(input.clientDataJSON);
  if (!challenge) throw passkeyInvalid(input.purpose, 'malformed');
  if (!input.bindingHash) throw passkeyInvalid(input.purpose, 'challenge');
  let query = db
    .updateTable('webauthn_challenges')
    .set({ consumed_at: input.now })
    .where('challenge', '=', challenge)
    .where('purpose', '=', input.purpose)
    .where('binding_hash', '=', input.bindingHash)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', input.now);
  if (input.loginId) query = query.where('login_id', '=', input.loginId);
  const row = await query.returning('challenge').executeTakeFirst();
  if (!row) throw passkeyInvalid(input.purpose, 'challenge');
  return row.challenge;
}
