import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { Static } from 'typebox';
import type { PasskeyLoginBody, RegisterPasskeyBody } from './schemas.ts';

/**
 * The validated body as @simplewebauthn/server types it. Written out so the compiler proves our schema and the
 * library's JSON types agree (a schema edit that drifts from them fails the build, not a login).
 */
export function toRegistrationResponse(
  body: Static<typeof RegisterPasskeyBody>['response'],
): RegistrationResponseJSON {
  return body;
}

/** The validated body as @simplewebauthn/server types it (see `toRegistrationResponse`). */
export function toAuthenticationResponse(
  body: Static<typeof PasskeyLoginBody>['response'],
): AuthenticationResponseJSON {
  return body;
}
