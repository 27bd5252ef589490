import { Type } from 'typebox';
import { Nullable, StringEnum } from '../http/schemas.ts';

const CHANNELS = ['web', 'api', 'ussd', 'sms', 'console', 'system'] as const;
const OUTCOMES = ['ok', 'failed', 'denied'] as const;
/** An ISO date (`2026-11-23`, a day in the operator's time zone) or date-time (`2026-11-23T10:00:00Z`). */
const ISO_INSTANT = '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?(Z|[+-]\\d{2}:?\\d{2}))?$';

export const JournalQuery = Type.Object(
  {
    from: Type.Optional(
      Type.String({ pattern: ISO_INSTANT, description: 'Entries at or after this date (or date-time).' }),
    ),
    to: Type.Optional(
      Type.String({
        pattern: ISO_INSTANT,
        description: 'Entries before the end of this date (or before this date-time).',
      }),
    ),
    channel: Type.Optional(StringEnum(CHANNELS, { description: 'Only this channel.' })),
    action: Type.Optional(
      Type.String({
        pattern: '^[a-z0-9_.]{1,64}(,[a-z0-9_.]{1,64}){0,19}$',
        description: 'Action prefixes, comma-separated (any matches), e.g. `auth.,security.,access.`.',
      }),
    ),
    outcome: Type.Optional(StringEnum(OUTCOMES, { description: 'Only this outcome.' })),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 50, description: 'Page size (≤ 100).' }),
    before: Type.Optional(
      Type.String({
        pattern: '^[1-9]\\d{0,18}$',
        description: '`nextBefore` of the previous page: entries older than that one.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const JournalPage = Type.Object({
  entries: Type.Array(
    Type.Object({
      id: Type.String({ description: 'Entry id (increasing with time).' }),
      at: Type.String({ format: 'date-time', description: 'When it happened.' }),
      channel: StringEnum(CHANNELS, { description: 'Where it came from.' }),
      actor: Type.Object({
        kind: StringEnum(['subscriber', 'agent', 'admin', 'system', 'integration', 'anonymous'], {
          description: 'Who acted.',
        }),
        name: Nullable(Type.String(), { description: "A subscriber's display name; null for others." }),
      }),
      action: Type.String({ description: 'Dotted verb, e.g. `auth.login`, `tariff.changed`.' }),
      outcome: StringEnum(OUTCOMES, { description: '`ok`, `failed` or `denied`.' }),
      details: Type.Record(Type.String(), Type.Unknown(), {
        description: 'Action-specific facts (never secrets).',
      }),
    }),
    { description: 'Newest first.' },
  ),
  nextBefore: Nullable(Type.String(), {
    description: 'Pass as `before` for the next page; null at the end.',
  }),
});
