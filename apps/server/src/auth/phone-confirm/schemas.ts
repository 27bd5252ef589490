/** Request and response schemas of login confirmed from the phone (ACCESS-07). */
import { Type } from 'typebox';
import { StringEnum } from '../../http/schemas.ts';
import { Me } from '../schemas.ts';

export const PhoneConfirmBody = Type.Object({
  phone: Type.String({ maxLength: 32, description: 'The number, in any common format (+7…, 8…, spaces).' }),
});

export const PhoneConfirmStarted = Type.Object({
  requestId: Type.String({ description: 'Poll `GET /auth/phone-confirm/{requestId}` with it (`pcf_…`).' }),
  expiresInSeconds: Type.Integer({ description: 'Seconds the phone has to answer (20).' }),
  maskedPhone: Type.String({ description: 'The number with its middle hidden, e.g. `+7 912 ***-**-89`.' }),
});

export const PhoneConfirmParams = Type.Object({
  requestId: Type.String({ pattern: '^pcf_[0-9a-z]{6,40}$', description: 'Request id (`pcf_…`).' }),
});

export const PhoneConfirmQuery = Type.Object({
  rememberDevice: Type.Boolean({
    default: false,
    description: 'Keep the session after the browser closes (own device); read when the session opens.',
  }),
});

export const PhoneConfirmState = Type.Object({
  status: StringEnum(['pending', 'confirmed', 'declined', 'expired'], {
    description:
      '`pending` until the phone answers or 20 s pass; `confirmed` stays `confirmed` after the session is opened.',
  }),
  /** Present once: on the first poll after confirmation, from the browser that asked (the session is set). */
  me: Type.Optional(Me),
});
