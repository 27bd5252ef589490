/** Schemas of the demo-only endpoints (DEMO-02). */
import { Type } from 'typebox';
import { StringEnum } from '../http/schemas.ts';

export const PhoneParams = Type.Object({
  msisdn: Type.String({ maxLength: 32, description: 'Number in any format.' }),
});

export const VirtualPhoneMessages = Type.Object({
  messages: Type.Array(
    Type.Object({
      id: Type.String({ description: 'Message id (`msg_…`).' }),
      from: Type.String({ description: 'Sender name or short number.' }),
      body: Type.String({ description: 'The text as the phone shows it.' }),
      receivedAt: Type.String({ format: 'date-time', description: 'When it reached the phone.' }),
      kind: StringEnum(['sms', 'flash'], {
        description:
          '`flash`: a prompt the phone pops over the screen (ACCESS-07 login confirmation); `sms`: a text.',
      }),
      replyable: Type.Boolean({
        description:
          'True on the newest flash prompt while it waits for an answer (pending, within 20 s): show a reply box ' +
          'that posts to `/dev/phones/{msisdn}/reply`. Always false for SMS.',
      }),
    }),
    { description: 'Newest first, at most 50.' },
  ),
});

export const PhoneReplyBody = Type.Object({
  text: Type.String({ maxLength: 160, description: 'What the phone answers ("1" confirms a login prompt).' }),
});

export const PhoneReplyResult = Type.Object({
  requestId: Type.String({ description: 'The confirmation request answered (`pcf_…`).' }),
  status: StringEnum(['confirmed', 'declined', 'expired'], {
    description: '`expired` when the answer came after the 20 seconds.',
  }),
});
