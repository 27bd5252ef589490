import { newId } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import {
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { problems } from '../../http/problem.ts';
import { recordJournal } from '../../journal/record.ts';
import { enqueueMessage } from '../../notifications/outbox.ts';
import { CODE_POLICY } from '../policy.ts';
import { CHALLENGE_TTL_SECONDS, consumeChallenge, storeChallenge } from './challenges.ts';
import { passkeyInvalid } from './errors.ts';
import { presentPasskey } from './manage-passkeys.ts';
import type { RelyingParty } from './relying-party.ts';

/**
 * ACCESS-06, step 1 of adding a passkey: creation options for `navigator.credentials.create`. A discoverable
 * credential (`residentKey: 'required'`) so that login needs no user name; the user handle is the login id, and
 * the login's existing passkeys are excluded so one authenticator is not registered twice.
 */
export async function startPasskeyRegistration(
  db: Db,
  input: { loginId: string; rp: RelyingParty; bindingHash: Buffer; now: Date },
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const login = await db
    .selectFrom('logins')
    .select(['id', 'identifier', 'display_name'])
    .where('id', '=', input.loginId)
    .executeTakeFirst();
  if (!login) throw problems.unauthenticated();
  const existing = await db
    .selectFrom('passkeys')
    .select(['credential_id', 'transports'])
    .where('login_id', '=', login.id)
    .where('revoked_at', 'is', null)
    .execute();
  const options = await generateRegistrationOptions({
    rpName: input.rp.rpName,
    rpID: input.rp.rpId,
    userName: login.identifier,
    userDisplayName: login.display_name,
    userID: isoBase64URL.toBuffer(isoBase64URL.fromUTF8String(login.id)),
    timeout: CHALLENGE_TTL_SECONDS * 1000,
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credential_id, transports: p.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  await storeChallenge(db, {
    purpose: 'register',
    loginId: login.id,
    challenge: options.challenge,
    bindingHash: input.bindingHash,
    now: input.now,
  });
  return options;
}

export interface FinishRegistrationInput {
  loginId: string;
  response: RegistrationResponseJSON;
  name: string;
  rp: RelyingParty;
  bindingHash: Buffer | null;
  ip: string;
  now: Date;
}

/**
 * ACCESS-06, step 2: verifies the authenticator's answer against the challenge this browser was given and stores
 * the credential. A new authenticator on the account is announced by SMS to the login's number (NIST 800-63B
 * §6.1.2), so a stolen session cannot quietly plant a lasting way in.
 */
export async function finishPasskeyRegistration(db: Db, input: FinishRegistrationInput) {
  const expectedChallenge = await consumeChallenge(db, {
    purpose: 'register',
    loginId: input.loginId,
    clientDataJSON: input.response.response.clientDataJSON,
    bindingHash: input.bindingHash,
    now: input.now,
  });
  let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verification = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge,
      expectedOrigin: input.rp.origins,
      expectedRPID: input.rp.rpId,
      requireUserVerification: false,
    });
  } catch {
    throw passkeyInvalid('register', 'verification');
  }
  if (!verification.verified) throw passkeyInvalid('register', 'verification');
  const info = verification.registrationInfo;
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('passkeys')
      .select('id')
      .where('credential_id', '=', info.credential.id)
      .executeTakeFirst();
    if (taken) throw passkeyInvalid('register', 'verification');
    const id = newId('passkey', input.now);
    const row = await trx
      .insertInto('passkeys')
      .values({
        id,
        login_id: input.loginId,
        credential_id: info.credential.id,
        public_key: Buffer.from(info.credential.publicKey),
        counter: BigInt(info.credential.counter),
        transports: info.credential.transports ?? [],
        device_type: info.credentialDeviceType,
        backed_up: info.credentialBackedUp,
        name: input.name,
        created_at: input.now,
      })
      .returning(['id', 'name', 'created_at', 'last_used_at'])
      .executeTakeFirstOrThrow();
    await recordJournal(trx, {
      actorKind: 'subscriber',
      actorId: input.loginId,
      loginId: input.loginId,
      channel: 'web',
      action: 'auth.passkey_registered',
      details: { passkeyId: id, name: input.name, deviceType: info.credentialDeviceType },
      ip: input.ip,
    });
    const login = await trx
      .selectFrom('logins')
      .select(['kind', 'identifier'])
      .where('id', '=', input.loginId)
      .executeTakeFirstOrThrow();
    if (login.kind === 'phone')
      await enqueueMessage(trx, {
        channel: 'sms',
        recipient: login.identifier,
        sender: CODE_POLICY.smsSender,
        kind: 'auth.passkey_registered',
        body:
          `В Кабинет добавлен ключ входа «${input.name}». Если это не вы, удалите его в настройках безопасности. / ` +
          `A passkey "${input.name}" was added to Kabinet.`,
      });
    return presentPasskey(row);
  });
}
