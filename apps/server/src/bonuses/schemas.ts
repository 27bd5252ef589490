import { Type } from 'typebox';
import { Nullable, StringEnum } from '../http/schemas.ts';

const Localised = (description: string) =>
  Type.Object(
    {
      ru: Type.String({ description: 'In Russian.' }),
      en: Type.String({ description: 'In English.' }),
    },
    { description },
  );

const PACKAGE_KIND = StringEnum(['voice', 'sms', 'data'] as const, { description: 'Kind of package.' });
const UNIT = Type.String({ description: 'Display unit of `amount`: `min`, `sms` or `mb`.' });

export const BonusEntrySchema = Type.Object({
  id: Type.String({ description: 'Entry id (`bon_…`).' }),
  at: Type.String({ format: 'date-time' }),
  points: Type.Integer({ description: 'Points moved: positive earned, negative spent or expired.' }),
  reason: StringEnum(['top_up', 'spending', 'redemption', 'expiry', 'adjustment'] as const, {
    description:
      '`top_up` (a payment), `spending` (a month of spending), `redemption` (a reward), `expiry`, `adjustment`.',
  }),
  reference: Nullable(Type.String(), {
    description: 'The payment id of a top-up, the month `YYYY-MM` of spending; null otherwise.',
  }),
  expiresAt: Nullable(Type.String({ format: 'date-time' }), { description: 'When earned points expire.' }),
  reward: Nullable(Type.Object({ code: Type.String(), name: Localised('Reward name.') }), {
    description: 'The reward of a redemption.',
  }),
  forNumber: Nullable(Type.String(), { description: 'The other number a reward was given to (E.164).' }),
});

export const RewardSchema = Type.Object({
  code: Type.String({ description: 'Reward code, e.g. `minutes-100`.' }),
  kind: StringEnum(['package', 'balance_credit', 'coupon'] as const, {
    description:
      '`package` (minutes or data on the line), `balance_credit` (money to the balance), `coupon`.',
  }),
  cost: Type.Integer({ description: 'Points it costs.' }),
  name: Localised('Reward name.'),
  description: Localised('What the reward gives.'),
  package: Nullable(
    Type.Object({
      kind: PACKAGE_KIND,
      amount: Type.Integer({ description: 'Amount in the display unit.' }),
      unit: UNIT,
      validDays: Type.Integer({ description: 'Days the package lasts from redemption.' }),
    }),
    { description: 'The package a `package` reward opens.' },
  ),
  credit: Nullable(Type.Integer(), { description: 'Kopecks a `balance_credit` reward credits.' }),
  partner: Nullable(Type.String(), { description: 'Partner of a `coupon` reward.' }),
  inStock: Type.Boolean({ description: 'False when a partner’s pool of codes is empty.' }),
  affordable: Type.Boolean({ description: 'Whether the balance covers the cost.' }),
});

export const BonusState = Type.Object({
  balance: Type.Integer({ description: 'Points of the line’s billing account (= the sum of its entries).' }),
  expiringSoon: Type.Object(
    {
      points: Type.Integer({ description: 'Points that expire within the rules’ window unless spent.' }),
      by: Nullable(Type.String({ format: 'date-time' }), {
        description: 'The latest of those expiry dates.',
      }),
    },
    { description: 'Points about to expire (oldest are spent first).' },
  ),
  rules: Type.Object(
    {
      topUpKopecksPerPoint: Type.Integer({ description: 'A point per this many kopecks topped up.' }),
      topUpSources: Type.Array(Type.String(), { description: 'Payment sources that earn points.' }),
      spendingKopecksPerPoint: Type.Integer({
        description: 'A point per this many kopecks spent in a month.',
      }),
      expiryMonths: Type.Integer({ description: 'Points expire this many months after they were earned.' }),
    },
    { description: 'The points rules in force.' },
  ),
  history: Type.Array(BonusEntrySchema, { description: 'Points history, newest first (up to 100).' }),
  rewards: Type.Array(RewardSchema, { description: 'The rewards catalog.' }),
});

export const RedeemBody = Type.Object(
  {
    reward: Type.String({ minLength: 1, maxLength: 64, description: 'Reward code from the catalog.' }),
    phone: Type.Optional(
      Type.String({
        maxLength: 32,
        description: 'Another number of ours to give the reward to, in any notation; omit for this line.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const RedeemResultSchema = Type.Object({
  id: Type.String({ description: 'Redemption id (`rdm_…`).' }),
  reward: Type.String({ description: 'Reward code.' }),
  name: Localised('Reward name.'),
  points: Type.Integer({ description: 'Points spent.' }),
  targetNumber: Nullable(Type.String(), { description: 'The number the reward went to (E.164).' }),
  forAnotherNumber: Type.Boolean({ description: 'Whether it went to another number than this line.' }),
  package: Nullable(
    Type.Object({
      kind: PACKAGE_KIND,
      amount: Type.Integer({ description: 'Amount in the display unit.' }),
      unit: UNIT,
      validUntil: Type.String({ format: 'date-time' }),
    }),
    { description: 'The bucket opened.' },
  ),
  credited: Nullable(Type.Integer(), { description: 'Kopecks credited to the balance.' }),
  coupon: Nullable(
    Type.Object({
      code: Type.String({ description: 'The partner code; shown once, keep it.' }),
      partner: Type.String(),
    }),
    { description: 'The partner coupon handed out.' },
  ),
  balance: Type.Integer({ description: 'Points left.' }),
});
