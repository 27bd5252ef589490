import { Type } from 'typebox';

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
  kind: Type.Union([
    Type.Literal('mobile'),
    Type.Literal('home_internet'),
    Type.Literal('tv'),
    Type.Literal('home_phone'),
  ]),
  msisdn: Type.Union([Type.String(), Type.Null()], { description: 'E.164 number of a mobile line.' }),
  contractNumber: Type.Union([Type.String(), Type.Null()], {
    description: 'Contract number of a home service.',
  }),
  status: Type.Union([
    Type.Literal('active'),
    Type.Literal('blocked'),
    Type.Literal('suspended'),
    Type.Literal('closed'),
  ]),
  role: Type.Union(
    [Type.Literal('owner'), Type.Literal('linked'), Type.Literal('child'), Type.Literal('delegate')],
    {
      description: 'How this login holds the line.',
    },
  ),
  access: Type.Union([Type.Literal('full'), Type.Literal('partial')], {
    description: 'Full, or partial (top up and view services only).',
  }),
});

export const Me = Type.Object(
  {
    login: Type.Object({
      id: Type.String({ description: 'Login id (`lgn_…`).' }),
      displayName: Type.String({ description: "The owner's name as the operator knows it." }),
    }),
    lines: Type.Array(LineSummary, { description: 'Lines this login may act on.' }),
  },
  { $id: 'Me' },
);

export const CsrfToken = Type.Object({
  token: Type.String({ description: 'Echo it in the `x-csrf-token` header.' }),
});
