import type { Db } from '@kabinet/db';
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  type PublicKeyCredentialRequestOptionsJSON,
  verifyAuthenticationResponse,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { CHALLENGE_TTL_SECONDS, consumeChallenge, storeChallenge } from './challenges.ts';
import { passkeyInvalid } from './errors.ts';
import type { RelyingParty } from './relying-party.ts';

/**
 * ACCESS-06 login, step 1: request options with no `allowCredentials` — the authenticator offers whichever
 * discoverable passkey it holds for this RP, so the browser need not say (or learn) who is logging in.
 */
export async function startPasskeyLogin(
  db: Db,
  input: { rp: RelyingParty; bindingHash: Buffer; now: Date },
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const options = await generateAuthenticationOptions({
    rpID: input.rp.rpId,
    userVerification: 'preferred',
    timeout: CHALLENGE_TTL_SECONDS * 1000,
  });
  await storeChallenge(db, {
    purpose: 'authenticate',
    loginId: null,
    challenge: options.challenge,
    bindingHash: input.bindingHash,
    now: input.now,
  });
  return options;
}

/**
 * ACCESS-06 login, step 2: spends the challenge, finds the passkey by credential id, checks the signature, the
 * origin, the RP ID and the signature counter (a counter that fails to grow means a cloned authenticator), then
 * records the new counter. Returns the login to open a session for; the caller ends through `completeLogin`.
 * Failures are `passkey_invalid` (401) carrying the reason for the journal. They do not count towards the code /
 * password lock: a passkey answer is a signature, not a guess at a secret.
 */
export async function finishPasskeyLogin(
  db: Db,
  input: { response: AuthenticationResponseJSON; rp: RelyingParty; bindingHash: Buffer | null; now: Date },
): Promise<{ loginId: string; passkeyId: string }> {
  const expectedChallenge = await consumeChallenge(db, {
    purpose: 'authenticate',
    loginId: null,
    clientDataJSON: input.response.response.clientDataJSON,
    bindingHash: input.bindingHash,
    now: input.now,
  });
  const passkey = await db
    .selectFrom('passkeys')
    .select(['id', 'login_id', 'credential_id', 'public_key', 'counter', 'transports'])
    .where('credential_id', '=', input.response.id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!passkey) throw passkeyInvalid('authenticate', 'unknown_credential');
  // The user handle, when the authenticator returns one, must name the passkey's own login.
  const userHandle = input.response.response.userHandle;
  if (userHandle && userHandle !== isoBase64URL.fromUTF8String(passkey.login_id))
    throw passkeyInvalid('authenticate', 'verification', passkey.login_id);
  let newCounter: number;
  try {
    const result = await verifyAuthenticationResponse({
      response: input.response,
      expectedChallenge,
      expectedOrigin: input.rp.origins,
      expectedRPID: input.rp.rpId,
      credential: {
        id: passkey.credential_id,
        publicKey: new Uint8Array(passkey.public_key),
        counter: Number(passkey.counter),
        transports: passkey.transports,
      },
      requireUserVerification: false,
    });
    if (!result.verified) throw new Error('not verified');
    newCounter = result.authenticationInfo.newCounter;
  } catch {
    throw passkeyInvalid('authenticate', 'verification', passkey.login_id);
  }
  // Guarded by the old counter: of two racing logins with the same assertion only one moves it.
  const updated = await db
    .updateTable('passkeys')
    .set({ counter: BigInt(newCounter), last_used_at: input.now })
    .where('id', '=', passkey.id)
    .where('counter', '=', passkey.counter)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!updated) throw passkeyInvalid('authenticate', 'verification', passkey.login_id);
  return { loginId: passkey.login_id, passkeyId: passkey.id };
}
