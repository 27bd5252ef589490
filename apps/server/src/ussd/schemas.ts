/** Schemas of the USSD gateway interface (CHAN-03). */
import { Type } from 'typebox';

/**
 * One step of a USSD dialogue, as USSD gateways post it (form-encoded or JSON). Validation failures are not
 * answered with a problem: the gateway shows whatever comes back to the subscriber, so they get a polite
 * `END` (and the server a log line).
 */
export const UssdBody = Type.Object({
  sessionId: Type.String({
    maxLength: 100,
    description: "The gateway's id of the session; the same on every step.",
  }),
  serviceCode: Type.String({ maxLength: 32, description: 'The code dialled, e.g. `*105#`.' }),
  phoneNumber: Type.String({ maxLength: 32, description: "The subscriber's number, any common format." }),
  text: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'The choices made so far, joined by `*` (`1*2`); empty or absent on the first step.',
    }),
  ),
});

export const UssdReplyText = Type.String({
  description:
    '`CON <screen>` when the session continues (the phone waits for a choice), `END <screen>` when it closes. ' +
    'The screen is at most 182 characters, in the subscriber’s language.',
});
