import type {
  PublicKeyCredentialCreationOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import type { CodeIssued } from './access-types';
import { call } from './api-client';
import type { Passkey, SecurityPatch, SecuritySettings, SessionInfo } from './security-types';

/** GET /security: the login's security settings (full access only). */
export function getSecurity(signal?: AbortSignal): Promise<SecuritySettings> {
  return call('GET', '/security', { signal });
}

/** PATCH /security: changes only the fields given; answers the whole object. */
export function updateSecurity(patch: SecurityPatch): Promise<SecuritySettings> {
  return call('PATCH', '/security', { body: patch });
}

/**
 * POST /auth/password: sets or changes the password. Proof is the current password, a step-up `code`, or
 * nothing within minutes of a code login when there was no password yet.
 */
export function changePassword(input: {
  newPassword: string;
  currentPassword?: string;
  code?: string;
}): Promise<void> {
  return call('POST', '/auth/password', { body: input });
}

/** POST /auth/step-up/code: a fresh SMS code that proves it is still the owner. */
export function requestStepUpCode(): Promise<CodeIssued> {
  return call('POST', '/auth/step-up/code');
}

export async function listSessions(signal?: AbortSignal): Promise<SessionInfo[]> {
  const { sessions } = await call<{ sessions: SessionInfo[] }>('GET', '/security/sessions', { signal });
  return sessions;
}

export function endSession(sessionId: string): Promise<void> {
  return call('DELETE', `/security/sessions/${encodeURIComponent(sessionId)}`);
}

export function endOtherSessions(): Promise<void> {
  return call('POST', '/security/sessions/end-others');
}

export async function listPasskeys(signal?: AbortSignal): Promise<Passkey[]> {
  const { passkeys } = await call<{ passkeys: Passkey[] }>('GET', '/security/passkeys', { signal });
  return passkeys;
}

export function passkeyRegistrationOptions(): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return call('POST', '/security/passkeys/options');
}

export function addPasskey(input: { response: RegistrationResponseJSON; name?: string }): Promise<Passkey> {
  return call('POST', '/security/passkeys', { body: input });
}

export function deletePasskey(passkeyId: string): Promise<void> {
  return call('DELETE', `/security/passkeys/${encodeURIComponent(passkeyId)}`);
}
