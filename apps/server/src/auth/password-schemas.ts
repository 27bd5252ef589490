import { Type } from 'typebox';
import { StringEnum } from '../http/schemas.ts';

const Kind = StringEnum(['phone', 'contract'], {
  description: '`phone`: a mobile number in any format; `contract`: a contract number (ACCESS-10).',
});
const Identifier = Type.String({
  maxLength: 64,
  description: 'The number (any format) or the contract number, as typed.',
});
/** Longer than the policy's 128 so the policy, not the schema, names the problem; bounded against abuse. */
const AnyPassword = Type.String({ maxLength: 1024, description: 'The password, as typed.' });
const NewPassword = Type.String({
  maxLength: 1024,
  description: '8–128 characters (Unicode code points), any printable ones, not a common password.',
});
const RememberDevice = Type.Boolean({
  default: true,
  description: 'False for "someone else\'s computer": the cookie lives only until the browser closes.',
});

export const PasswordLoginBody = Type.Object(
  { kind: Kind, identifier: Identifier, password: AnyPassword, rememberDevice: RememberDevice },
  { additionalProperties: false },
);

export const ChangePasswordBody = Type.Object(
  {
    newPassword: NewPassword,
    currentPassword: Type.Optional(
      Type.String({ maxLength: 1024, description: 'The current password, when one is set.' }),
    ),
    code: Type.Optional(
      Type.String({ maxLength: 12, description: 'A step-up code from `POST /auth/step-up/code`.' }),
    ),
  },
  { additionalProperties: false },
);

export const ResetCodeBody = Type.Object(
  { kind: Kind, identifier: Identifier },
  { additionalProperties: false },
);

export const ResetPasswordBody = Type.Object(
  {
    kind: Kind,
    identifier: Identifier,
    code: Type.String({ maxLength: 12, description: 'The 6-digit code from the SMS.' }),
    newPassword: NewPassword,
    rememberDevice: RememberDevice,
  },
  { additionalProperties: false },
);

export const MaskedCodeSent = Type.Object({
  maskedPhone: Type.String({ description: 'Where the code went, with its middle digits hidden.' }),
  expiresInSeconds: Type.Integer({ description: 'How long the code is valid.' }),
  resendAfterSeconds: Type.Integer({ description: 'When "send again" becomes available.' }),
});
