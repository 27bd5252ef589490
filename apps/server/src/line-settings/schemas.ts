import { Type } from 'typebox';
import { Nullable, StringEnum } from '../http/schemas.ts';
import { LocalisedText } from '../requests/schemas.ts';

/** Conditions of call forwarding (SVC-06), always all four in a list. */
export const FORWARDING_CONDITIONS = ['unconditional', 'busy', 'no_answer', 'unreachable'] as const;

/** Delays of "no answer" forwarding a subscriber may choose, seconds. */
export const FORWARDING_DELAYS = [5, 10, 15, 20, 25, 30] as const;

/** How many numbers one line's blacklist holds (SVC-07). */
export const BLACKLIST_LIMIT = 100;

const LineId = Type.String({ pattern: '^line_[0-9a-z]{6,40}$', description: 'Line id (`line_…`).' });

export const BanSchema = Type.Object(
  {
    code: Type.String({ description: 'Catalog code of the ban.' }),
    name: LocalisedText,
    description: LocalisedText,
    bars: Type.Array(Type.String(), {
      description:
        'Kinds of communication it bars (`voice_intl`, `sms_intl`, `premium_rate`, `roaming_data` …).',
    }),
    enabled: Type.Boolean({ description: 'Whether the ban is on for this line.' }),
    enabledAt: Nullable(Type.String({ format: 'date-time' }), {
      description: 'When it was switched on; null when off.',
    }),
  },
  { $id: 'ServiceBan', description: 'A service ban of the catalog with its state on the line (SVC-04).' },
);

export const BanList = Type.Object(
  { bans: Type.Array(BanSchema, { description: 'Every ban of the catalog (not archived), by code.' }) },
  { $id: 'ServiceBanList' },
);

export const BanParams = Type.Object({
  lineId: LineId,
  banCode: Type.String({ minLength: 1, maxLength: 64, description: 'Catalog code of the ban.' }),
});

export const SetBanBody = Type.Object(
  { enabled: Type.Boolean({ description: 'Switch the ban on (true) or off (false).' }) },
  { additionalProperties: false },
);

export const ForwardingRule = Type.Object(
  {
    condition: StringEnum(FORWARDING_CONDITIONS, { description: 'When calls are forwarded.' }),
    enabled: Type.Boolean({ description: 'Whether the rule is on.' }),
    target: Nullable(Type.String(), {
      description:
        'Number calls go to, E.164 (`+79123456789`); may be kept while the rule is off; null if never set.',
    }),
    delaySeconds: Nullable(Type.Integer(), {
      description: '`no_answer` only: seconds of ringing before forwarding (5–30, step 5); null otherwise.',
    }),
  },
  { $id: 'ForwardingRule', description: 'A call forwarding rule of the line (SVC-06).' },
);

export const ForwardingList = Type.Object(
  { rules: Type.Array(ForwardingRule, { description: 'All four conditions, in a fixed order.' }) },
  { $id: 'ForwardingList' },
);

export const ForwardingParams = Type.Object({
  lineId: LineId,
  condition: StringEnum(FORWARDING_CONDITIONS, { description: 'The condition to set.' }),
});

export const SetForwardingBody = Type.Object(
  {
    enabled: Type.Boolean({ description: 'Switch the rule on (true) or off (false).' }),
    target: Type.Optional(
      Type.String({
        maxLength: 64,
        description:
          'Number in any common format; required when enabling; kept as it was when omitted on disabling.',
      }),
    ),
    delaySeconds: Type.Optional(
      Type.Unsafe<(typeof FORWARDING_DELAYS)[number]>({
        type: 'integer',
        enum: [...FORWARDING_DELAYS],
        description: '`no_answer` only: 5–30, step 5 (20 if never set); refused for other conditions.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const BlacklistEntry = Type.Object(
  {
    id: Type.String({ description: 'Entry id (`blk_…`).' }),
    number: Type.String({ description: 'Blocked number, E.164.' }),
    label: Nullable(Type.String(), { description: "The subscriber's note (≤ 40 characters); null if none." }),
    createdAt: Type.String({ format: 'date-time', description: 'When it was added.' }),
  },
  { $id: 'BlacklistEntry', description: 'A number whose calls and SMS the line refuses (SVC-07).' },
);

export const Blacklist = Type.Object(
  {
    entries: Type.Array(BlacklistEntry, { description: 'Newest first.' }),
    limit: Type.Integer({ description: 'How many entries the list may hold (100).' }),
  },
  { $id: 'Blacklist' },
);

export const AddBlacklistBody = Type.Object(
  {
    number: Type.String({ maxLength: 64, description: 'Number to block, in any common format.' }),
    label: Type.Optional(
      Type.String({ maxLength: 40, description: 'A note to recognise it by; blank means none.' }),
    ),
  },
  { additionalProperties: false },
);

export const BlacklistEntryParams = Type.Object({
  lineId: LineId,
  entryId: Type.String({ pattern: '^blk_[0-9a-z]{6,40}$', description: 'Blacklist entry id (`blk_…`).' }),
});
