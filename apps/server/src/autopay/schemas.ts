/** TypeBox schemas of the autopay API (PAY-04) and the low-balance threshold (PAY-09). */
import { Type } from 'typebox';
import { Nullable, StringEnum } from '../http/schemas.ts';

export const SavedCardSchema = Type.Object(
  {
    id: Type.String({ description: 'Saved card id (`card_…`).' }),
    brand: Type.String({ description: 'Card brand as the acquirer names it, e.g. `Visa`, `Mir`.' }),
    last4: Type.String({ description: 'The last 4 digits; the number itself is never stored.' }),
    expires: Type.String({ description: 'Expiry `MM/YY`.' }),
    createdAt: Type.String({ format: 'date-time' }),
  },
  {
    description: 'A card saved on a card top-up with "save card": a token at the acquirer, shown like this.',
  },
);

/** A string from a closed set, or null (as `type: [string, null]`, cheap to serialise like `Nullable`). */
function NullableEnum<const V extends readonly string[]>(values: V, options: { description?: string } = {}) {
  return Type.Unsafe<V[number] | null>({ type: ['string', 'null'], enum: [...values, null], ...options });
}

const KIND = StringEnum(['threshold', 'monthly'] as const, {
  description: '`threshold`: top up when the balance falls below `threshold`; `monthly`: on `dayOfMonth`.',
});

export const AutopaySchema = Type.Object({
  id: Type.String({ description: 'Autopay id (`ap_…`).' }),
  lineId: Type.String(),
  kind: KIND,
  threshold: Nullable(
    Type.Integer({ description: 'Threshold rules: the balance below which it tops up, kopecks.' }),
  ),
  dayOfMonth: Nullable(
    Type.Integer({
      description: 'Monthly rules: day 1–31 (a short month uses its last day), operator time zone.',
    }),
  ),
  amount: Type.Integer({ description: 'Top-up amount, kopecks.' }),
  card: SavedCardSchema,
  cardRemoved: Type.Boolean({
    description: 'The card was removed; the rule is paused until another is chosen.',
  }),
  cardChargeable: Type.Boolean({
    description:
      'False when the card cannot be charged: removed, or saved with a payment provider the operator no longer ' +
      'uses. Such a rule does not run (`nextRunAt` null) until it is made again with a newly saved card.',
  }),
  dailyLimit: Nullable(
    Type.Integer({ description: 'At most this sum of autopayments of the account a day.' }),
  ),
  monthlyLimit: Nullable(
    Type.Integer({ description: 'At most this sum of autopayments of the account a month.' }),
  ),
  status: StringEnum(['active', 'paused'] as const),
  pausedReason: NullableEnum(['subscriber', 'failures', 'card_removed', 'card_unusable'] as const, {
    description:
      '`subscriber` paused it; `failures`: every retry failed; `card_removed`; `card_unusable`: the card was ' +
      'saved with a payment provider the operator no longer uses.',
  }),
  failures: Type.Integer({ description: 'Consecutive failed attempts of the current autopayment.' }),
  lastRunAt: Nullable(Type.String({ format: 'date-time' })),
  lastResult: NullableEnum(['succeeded', 'failed', 'pending'] as const),
  lastFailureReason: Nullable(
    Type.String({ description: 'The acquirer’s reason of the last failure, e.g. `insufficient_funds`.' }),
  ),
  nextRunAt: Nullable(
    Type.String({
      format: 'date-time',
      description: 'Monthly: the next day it runs; a retry: when it is retried; null for an armed threshold.',
    }),
  ),
  limitReached: NullableEnum(['daily', 'monthly'] as const, {
    description: 'The next autopayment would exceed this limit, so it waits for the next day or month.',
  }),
  createdAt: Type.String({ format: 'date-time' }),
});

export const AutopayOverview = Type.Object({
  balance: Type.Integer({ description: 'The account balance, kopecks.' }),
  cards: Type.Array(SavedCardSchema),
  autopays: Type.Array(AutopaySchema),
  lowBalanceThreshold: Nullable(
    Type.Integer({ description: 'PAY-09: notify when the balance falls below this, kopecks; null = off.' }),
  ),
  acquirerTest: Type.Boolean({ description: 'Cards are charged by the TEST sandbox acquirer.' }),
});

export const SavedCardList = Type.Object({ cards: Type.Array(SavedCardSchema) });

const Limit = (what: string) =>
  Type.Optional(Nullable(Type.Integer({ description: `${what}, kopecks (null = no limit).` })));

export const CreateAutopayBody = Type.Object(
  {
    kind: KIND,
    threshold: Type.Optional(
      Nullable(Type.Integer({ description: 'Threshold rules, kopecks 0–1,500,000.' })),
    ),
    dayOfMonth: Type.Optional(Nullable(Type.Integer({ description: 'Monthly rules, 1–31.' }))),
    amount: Type.Integer({ description: 'Top-up amount, kopecks 10,000–1,500,000 (100–15,000 ₽).' }),
    cardId: Type.String({ description: 'One of the account’s saved cards.' }),
    dailyLimit: Limit('Daily sum of autopayments'),
    monthlyLimit: Limit('Monthly sum of autopayments'),
  },
  { additionalProperties: false },
);

export const UpdateAutopayBody = Type.Object(
  {
    threshold: Type.Optional(Nullable(Type.Integer())),
    dayOfMonth: Type.Optional(Nullable(Type.Integer())),
    amount: Type.Optional(Type.Integer()),
    cardId: Type.Optional(Type.String()),
    dailyLimit: Limit('Daily sum of autopayments'),
    monthlyLimit: Limit('Monthly sum of autopayments'),
    status: Type.Optional(
      StringEnum(['active', 'paused'] as const, {
        description: '`paused` pauses it; `active` resumes it (and clears failures).',
      }),
    ),
  },
  { additionalProperties: false, description: 'Only the fields given change; the kind cannot change.' },
);

export const AutopayParams = Type.Object({
  lineId: Type.String({ pattern: '^line_[0-9a-z]{6,40}$' }),
  autopayId: Type.String({ pattern: '^ap_[0-9a-z]{6,40}$', description: 'Autopay id (`ap_…`).' }),
});

export const CardParams = Type.Object({
  lineId: Type.String({ pattern: '^line_[0-9a-z]{6,40}$' }),
  cardId: Type.String({ pattern: '^card_[0-9a-z]{6,40}$', description: 'Saved card id (`card_…`).' }),
});

export const LowBalanceBody = Type.Object(
  {
    threshold: Nullable(
      Type.Integer({
        description: 'Notify when the balance falls below this, kopecks 1–1,500,000; null = off.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const LowBalanceResult = Type.Object({
  lowBalanceThreshold: Nullable(Type.Integer()),
  /** True when the balance is below it right now (a notice was sent). */
  below: Type.Boolean({ description: 'The balance is below the threshold now (the notice has been sent).' }),
});
