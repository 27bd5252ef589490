import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import type {
  CodeIssued,
  EnrichmentOffer,
  IdentifierKind,
  PhoneConfirmStarted,
  PhoneConfirmStatus,
} from './access-types';
import { call } from './api-client';
import type { Me } from './types';

/** POST /auth/password/login (ACCESS-03, ACCESS-10). */
export function passwordLogin(input: {
  kind: IdentifierKind;
  identifier: string;
  password: string;
  rememberDevice: boolean;
}): Promise<Me> {
  return call('POST', '/auth/password/login', { body: input });
}

/** POST /auth/password/reset/code: always 202, so nobody learns whether the identifier exists. */
export function requestResetCode(input: { kind: IdentifierKind; identifier: string }): Promise<CodeIssued> {
  return call('POST', '/auth/password/reset/code', { body: input });
}

/** POST /auth/password/reset: the code and a new password; logs in. */
export function resetPassword(input: {
  kind: IdentifierKind;
  identifier: string;
  code: string;
  newPassword: string;
  rememberDevice: boolean;
}): Promise<Me> {
  return call('POST', '/auth/password/reset', { body: input });
}

/** POST /auth/passkey/options: a challenge for any passkey of this site (discoverable credentials). */
export function passkeyLoginOptions(): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return call('POST', '/auth/passkey/options');
}

/** POST /auth/passkey/verify: the authenticator's answer; logs in. */
export function passkeyLogin(input: {
  response: AuthenticationResponseJSON;
  rememberDevice: boolean;
}): Promise<Me> {
  return call('POST', '/auth/passkey/verify', { body: input });
}

/** POST /auth/phone-confirm: sends the "reply 1" prompt to the phone (ACCESS-07). */
export function startPhoneConfirm(phone: string): Promise<PhoneConfirmStarted> {
  return call('POST', '/auth/phone-confirm', { body: { phone } });
}

/**
 * GET /auth/phone-confirm/{id}: the prompt's fate; `confirmed` carries `me` and opens the session once.
 * `rememberDevice` rides on the poll (the server reads it when it opens the session; default false).
 */
export function getPhoneConfirm(
  requestId: string,
  rememberDevice: boolean,
  signal?: AbortSignal,
): Promise<PhoneConfirmStatus> {
  const query = `?rememberDevice=${rememberDevice ? 'true' : 'false'}`;
  return call('GET', `/auth/phone-confirm/${encodeURIComponent(requestId)}${query}`, { signal });
}

/** GET /auth/enrichment: may this visitor log in automatically (ACCESS-08)? */
export function getEnrichment(signal?: AbortSignal): Promise<EnrichmentOffer> {
  return call('GET', '/auth/enrichment', { signal });
}

/** POST /auth/enrichment: logs in as the number the gateway named, at the owner's chosen access level. */
export function enrichmentLogin(rememberDevice: boolean): Promise<Me> {
  return call('POST', '/auth/enrichment', { body: { rememberDevice } });
}
