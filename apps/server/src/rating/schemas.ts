/**
 * RATE-01 integration API, named after TM Forum TMF635 Usage: a batch of `usage` items, each with its `id`,
 * `usageDate`, `usageType` and `usageCharacteristic[]` (name/value pairs). Items are checked one by one, so a bad
 * item is rejected with its index and reason while the rest of the batch is rated; only a malformed envelope is
 * a 400.
 */
import { Type } from 'typebox';

export const MAX_BATCH = 10_000;

export const UsageCharacteristic = Type.Object(
  {
    /**
     * `msisdn` (the line's number, E.164, required), `otherParty`, `durationSec` (calls), `bytes` (data),
     * `zone` (roaming zone code; absent at home). Other names are ignored.
     */
    name: Type.String({
      minLength: 1,
      maxLength: 40,
      description:
        '`msisdn` (the line, E.164, required), `otherParty`, `durationSec` (calls), `bytes` (data), `zone` (roaming zone code).',
    }),
    value: Type.Union([Type.String({ maxLength: 128 }), Type.Integer()], {
      description: 'The value: a string, or a whole number for `durationSec` and `bytes`.',
    }),
  },
  { additionalProperties: false },
);

export const UsageItem = Type.Object(
  {
    id: Type.String({
      minLength: 1,
      maxLength: 128,
      description:
        'The network record id: sending the same id (with the same usageDate) twice changes nothing.',
    }),
    usageDate: Type.String({
      maxLength: 40,
      description: 'When the usage started, ISO 8601 with an offset, e.g. `2026-03-01T10:15:00+03:00`.',
    }),
    usageType: Type.String({
      maxLength: 20,
      description: '`voice_out`, `voice_in`, `sms_out`, `sms_in`, `mms_out`, `mms_in` or `data`.',
    }),
    usageCharacteristic: Type.Array(UsageCharacteristic, {
      maxItems: 20,
      description: "The record's details as name/value pairs (TMF635 usageCharacteristic).",
    }),
  },
  { additionalProperties: false },
);

export const UsageBatchBody = Type.Object(
  {
    usage: Type.Array(UsageItem, {
      minItems: 1,
      maxItems: MAX_BATCH,
      description: `Usage records, at most ${MAX_BATCH} per request.`,
    }),
  },
  { additionalProperties: false },
);

export const RejectedUsage = Type.Object({
  index: Type.Integer({ description: 'Position of the item in `usage` (0-based).' }),
  id: Type.Union([Type.String(), Type.Null()], { description: "The item's record id, when it had one." }),
  reason: Type.String({
    description: 'Why it was rejected: a stable code, a colon and a sentence (e.g. `unknown_number: …`).',
  }),
});

export const UsageBatchResult = Type.Object({
  accepted: Type.Integer({ description: 'Records rated and stored by this request.' }),
  duplicated: Type.Integer({
    description: 'Records already stored (by an earlier request or earlier in this one): nothing changed.',
  }),
  rejected: Type.Array(RejectedUsage, {
    description: 'Records refused, each with its reason; nothing was charged for them.',
  }),
});
