import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';

/**
 * @simplewebauthn/browser is loaded only when a passkey action starts: the login screen must stay light for
 * the many who never use a passkey.
 */
export async function authenticate(
  optionsJSON: PublicKeyCredentialRequestOptionsJSON,
): Promise<AuthenticationResponseJSON> {
  const { startAuthentication } = await import('@simplewebauthn/browser');
  return startAuthentication({ optionsJSON });
}

export async function register(
  optionsJSON: PublicKeyCredentialCreationOptionsJSON,
): Promise<RegistrationResponseJSON> {
  const { startRegistration } = await import('@simplewebauthn/browser');
  return startRegistration({ optionsJSON });
}

/** Without `PublicKeyCredential` there is no WebAuthn at all (old browsers, some embedded views). */
export function webAuthnSupported(): boolean {
  return typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';
}

/**
 * The user closed the browser's dialog, or the authenticator had no matching key. The browser says
 * NotAllowedError (a DOMException, or WebAuthnError wrapping one, whose `name` is the same) for all of
 * them on purpose, so a page cannot tell which.
 */
export function isCancelled(error: unknown): boolean {
  return error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'AbortError');
}
