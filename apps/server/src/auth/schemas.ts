import { Type } from 'typebox';
import { Nullable, StringEnum } from '../http/schemas.ts';

export const RequestCodeBody = Type.Object(
  {
    phone: Type.String({
      minLength: 1,
      maxLength: 32,
      description: 'Phone number in any common format: `+7 (912) 345-67-89`, `89123456789`, `9123456789`.',
    }),
  },
  { additionalProperties: false },
);

export const CodeSent = Type.Object({
  phone: Type.String({ description: 'The number normalised to E.164.' }),
  maskedPhone: Type.String({ description: 'The number with its middle digits hidden, for display.' }),
  expiresInSeconds: Type.Integer({ description: 'How long the code is valid.' }),
  resendAfterSeconds: Type.Integer({ description: 'When "send again" becomes available.' }),
});

export const VerifyCodeBody = Type.Object(
  {
    phone: Type.String({ minLength: 1, maxLength: 32, description: 'The same number the code was sent to.' }),
    code: Type.String({ minLength: 1, maxLength: 12, description: 'The 6-digit code from the SMS.' }),
    rememberDevice: Type.Boolean({
      default: true,
      description: 'False for "someone else\'s computer": the cookie lives only until the browser closes.',
    }),
  },
  { additionalProperties: false },
);

export const LineSummary = Type.Object({
  id: Type.String({ description: 'Line id (`line_…`).' }),
  kind: StringEnum(['mobile', 'home_internet', 'tv', 'home_phone']),
  msisdn: Nullable(Type.String(), { description: 'E.164 number of a mobile line.' }),
  contractNumber: Nullable(Type.String(), { description: 'Contract number of a home service.' }),
  status: StringEnum(['active', 'blocked', 'suspended', 'closed']),
  role: StringEnum(['owner', 'linked', 'child', 'delegate'], {
    description: 'How this login holds the line.',
  }),
  access: StringEnum(['full', 'partial'], {
    description: 'Full, or partial (top up and view services only).',
  }),
});

export const Me = Type.Object(
  {
    login: Type.Object({
      id: Type.String({ description: 'Login id (`lgn_…`).' }),
      displayName: Type.String({ description: "The owner's name as the operator knows it." }),
      kind: StringEnum(['phone', 'contract', 'email'], {
        description: 'What the login is identified by: a mobile number, or a contract number (ACCESS-10).',
      }),
      hasPassword: Type.Boolean({ description: 'Whether a permanent password is set (ACCESS-02).' }),
    }),
    session: Type.Object({
      id: Type.String({ description: 'This session (`ses_…`), as listed in the security settings.' }),
      access: StringEnum(['full', 'partial'], {
        description: 'Partial for automatic logins the owner limited (ACCESS-09).',
      }),
      method: StringEnum(['sms_code', 'password', 'passkey', 'phone_confirm', 'enrichment'], {
        description: 'How the session was opened.',
      }),
    }),
    lines: Type.Array(LineSummary, { description: 'Lines this login may act on.' }),
  },
  { $id: 'Me' },
);

export const CsrfToken = Type.Object({
  token: Type.String({ description: 'Echo it in the `x-csrf-token` header.' }),
});
