import { Type } from 'typebox';
import { Nullable, StringEnum } from '../http/schemas.ts';

const AutoLoginAccess = StringEnum(['full', 'partial', 'off'], {
  description: 'Access of automatic logins on the mobile network (ACCESS-08/09); `off` disables them.',
});

export const SecuritySettings = Type.Object({
  hasPassword: Type.Boolean({ description: 'Whether a permanent password is set.' }),
  passwordChangedAt: Nullable(Type.String({ format: 'date-time' }), {
    description: 'When the password was last set; null if never.',
  }),
  loginAlerts: Type.Boolean({ description: 'An SMS on every new login (ACCESS-11).' }),
  autoLoginAccess: AutoLoginAccess,
  recoveryEmail: Nullable(Type.String(), { description: 'Recovery email address; null if none.' }),
  recoveryPhone: Nullable(Type.String(), {
    description: 'Recovery phone (E.164); receives reset codes for contract logins. Null if none.',
  }),
});

export const SecurityPatch = Type.Object(
  {
    loginAlerts: Type.Optional(Type.Boolean({ description: 'Turn login alerts on or off.' })),
    autoLoginAccess: Type.Optional(AutoLoginAccess),
    recoveryEmail: Type.Optional(
      Nullable(Type.String({ maxLength: 254 }), { description: 'An email address; null or "" removes it.' }),
    ),
    recoveryPhone: Type.Optional(
      Nullable(Type.String({ maxLength: 32 }), {
        description: 'A phone number in any format; null or "" removes it.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const SessionList = Type.Object({
  sessions: Type.Array(
    Type.Object({
      id: Type.String({ description: 'Session id (`ses_…`).' }),
      current: Type.Boolean({ description: 'The session making this request.' }),
      method: Type.String({
        description: '`sms_code`, `password`, `passkey`, `phone_confirm` or `enrichment`.',
      }),
      access: StringEnum(['full', 'partial'], { description: "The session's access level." }),
      persistent: Type.Boolean({ description: 'False for "someone else\'s computer" sessions.' }),
      createdAt: Type.String({ format: 'date-time', description: 'When the session was opened.' }),
      lastSeenAt: Type.String({ format: 'date-time', description: 'Last request (to the minute).' }),
      ip: Nullable(Type.String(), { description: 'Client address at login.' }),
      device: Type.String({ description: 'Browser and system, e.g. "Chrome, Linux".' }),
    }),
    { description: 'Live sessions, newest first.' },
  ),
});

export const SessionIdParams = Type.Object({
  sessionId: Type.String({ pattern: '^ses_[0-9a-z]{6,40}$', description: 'Session id (`ses_…`).' }),
});
