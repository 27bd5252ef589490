/** Request and response schemas of the passkey endpoints (ACCESS-06). */
import { Type } from 'typebox';
import { Nullable, StringEnum } from '../../http/schemas.ts';

/** Base64url text of bounded size: an authenticator's answers are small, and the body limit is 64 KiB anyway. */
const B64 = (description: string, maxLength = 16_384) =>
  Type.String({ pattern: '^[A-Za-z0-9_-]*$', maxLength, description });

export const PasskeyIdParams = Type.Object({
  passkeyId: Type.String({ pattern: '^pk_[0-9a-z]{6,40}$', description: 'Passkey id (`pk_…`).' }),
});

export const Passkey = Type.Object({
  id: Type.String({ description: 'Passkey id (`pk_…`).' }),
  name: Type.String({ description: 'Name given when it was added (by default the browser and system).' }),
  createdAt: Type.String({ format: 'date-time', description: 'When it was added.' }),
  lastUsedAt: Nullable(Type.String({ format: 'date-time' }), {
    description: 'Last login with it; null if never used.',
  }),
});

export const PasskeyList = Type.Object({
  passkeys: Type.Array(Passkey, { description: 'Live passkeys of the login, newest first.' }),
});

/** Fields common to both WebAuthn options documents; the rest pass through as @simplewebauthn/server made them. */
const optionsCommon = {
  challenge: Type.String({ description: 'Base64url challenge; single use, answerable for 5 minutes.' }),
  timeout: Type.Optional(Type.Integer({ description: 'Milliseconds the browser may wait for the user.' })),
  extensions: Type.Optional(
    Type.Object({}, { additionalProperties: true, description: 'WebAuthn extension inputs.' }),
  ),
  hints: Type.Optional(Type.Array(Type.String(), { description: 'Authenticator type hints, if any.' })),
};

const CredentialDescriptor = Type.Object(
  {
    id: Type.String({ description: 'Base64url credential id.' }),
    type: Type.String({ description: 'Always `public-key`.' }),
    transports: Type.Optional(
      Type.Array(Type.String(), { description: 'Transports the authenticator reported.' }),
    ),
  },
  { additionalProperties: true },
);

export const CreationOptions = Type.Object(
  {
    ...optionsCommon,
    rp: Type.Object(
      {
        name: Type.String({ description: 'Relying party name shown by the authenticator.' }),
        id: Type.Optional(Type.String({ description: 'RP ID: the domain passkeys are scoped to.' })),
      },
      { description: 'The relying party (Kabinet).' },
    ),
    user: Type.Object(
      {
        id: Type.String({ description: 'Base64url user handle (the login id).' }),
        name: Type.String({ description: 'The login identifier (number or contract).' }),
        displayName: Type.String({ description: "The owner's name." }),
      },
      { description: 'Who the passkey is for.' },
    ),
    pubKeyCredParams: Type.Array(
      Type.Object({
        alg: Type.Integer({ description: 'COSE algorithm id (-7 ES256, -8 EdDSA, -257 RS256 …).' }),
        type: Type.String({ description: 'Always `public-key`.' }),
      }),
      { description: 'Accepted key algorithms, preferred first.' },
    ),
    excludeCredentials: Type.Optional(
      Type.Array(CredentialDescriptor, { description: "The login's passkeys, not to be registered again." }),
    ),
    authenticatorSelection: Type.Optional(
      Type.Object({}, { additionalProperties: true, description: 'Resident key required, UV preferred.' }),
    ),
    attestation: Type.Optional(Type.String({ description: 'Always `none`: no attestation is asked for.' })),
  },
  {
    additionalProperties: true,
    description:
      '`PublicKeyCredentialCreationOptionsJSON`: pass to `startRegistration` of @simplewebauthn/browser.',
  },
);

export const RequestOptions = Type.Object(
  {
    ...optionsCommon,
    rpId: Type.Optional(Type.String({ description: 'RP ID: the domain passkeys are scoped to.' })),
    allowCredentials: Type.Optional(
      Type.Array(CredentialDescriptor, { description: 'Always empty: discoverable credentials are used.' }),
    ),
    userVerification: Type.Optional(Type.String({ description: 'Always `preferred`.' })),
  },
  {
    additionalProperties: true,
    description:
      '`PublicKeyCredentialRequestOptionsJSON`: pass to `startAuthentication` of @simplewebauthn/browser.',
  },
);

/** Fields of a `PublicKeyCredential` JSON both ceremonies share. */
const credentialCommon = {
  id: B64('Base64url credential id.', 1024),
  rawId: B64('The same id, as the browser sends it.', 1024),
  type: Type.Literal('public-key', { description: 'Always `public-key`.' }),
  clientExtensionResults: Type.Object({}, { additionalProperties: true, description: 'Extension outputs.' }),
  authenticatorAttachment: Type.Optional(
    StringEnum(['platform', 'cross-platform'], { description: 'Where the authenticator lives.' }),
  ),
};

export const RegisterPasskeyBody = Type.Object({
  response: Type.Object(
    {
      ...credentialCommon,
      response: Type.Object(
        {
          clientDataJSON: B64('Base64url client data.', 4096),
          attestationObject: B64('Base64url CBOR attestation object.'),
          authenticatorData: Type.Optional(B64('Base64url authenticator data.')),
          transports: Type.Optional(
            Type.Array(Type.String({ maxLength: 32 }), { maxItems: 8, description: 'Reported transports.' }),
          ),
          publicKeyAlgorithm: Type.Optional(Type.Integer({ description: 'COSE algorithm of the new key.' })),
          publicKey: Type.Optional(B64('Base64url SPKI public key.')),
        },
        { description: 'The attestation response.' },
      ),
    },
    { description: '`RegistrationResponseJSON` from `startRegistration` of @simplewebauthn/browser.' },
  ),
  name: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'A name to tell it apart ("Phone", "Work laptop"); default: the browser and system.',
    }),
  ),
});

export const PasskeyLoginBody = Type.Object({
  response: Type.Object(
    {
      ...credentialCommon,
      response: Type.Object(
        {
          clientDataJSON: B64('Base64url client data.', 4096),
          authenticatorData: B64('Base64url authenticator data.'),
          signature: B64('Base64url signature over authenticator data and the client data hash.', 2048),
          userHandle: Type.Optional(B64('Base64url user handle (the login id).', 256)),
        },
        { description: 'The assertion response.' },
      ),
    },
    { description: '`AuthenticationResponseJSON` from `startAuthentication` of @simplewebauthn/browser.' },
  ),
  rememberDevice: Type.Boolean({ description: 'Keep the session after the browser closes (own device).' }),
});
