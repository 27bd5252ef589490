import { PROMISED_REFUSALS } from '@kabinet/core';
import { Type } from 'typebox';
import { Nullable, StringEnum } from '../http/schemas.ts';

const Kopecks = (description: string) => Type.Integer({ description: `${description} In kopecks.` });

export const PromisedRefusalSchema = StringEnum(PROMISED_REFUSALS, {
  description:
    '`postpaid` (prepaid lines only); `line_closed`; `line_blocked` (blocked or suspended for a reason other ' +
    'than debt — a debt-blocked line may take one); `tenure_too_short` (fewer than `minTenureDays` since ' +
    'activation); `low_top_ups` (average monthly top-ups earn no amount); `unpaid_promised` (the account has one ' +
    'not yet debited back).',
});

export const ActivePromisedSchema = Type.Object({
  id: Type.String({ description: 'Promised payment id (`prm_…`).' }),
  amount: Kopecks('Credited, and debited back when due.'),
  fee: Kopecks('Fee paid when it was taken.'),
  takenAt: Type.String({ format: 'date-time' }),
  dueAt: Type.String({ format: 'date-time', description: 'When the amount is debited automatically.' }),
  channel: StringEnum(['web', 'ussd'] as const, { description: 'Where it was taken.' }),
});

export const PromisedState = Type.Object({
  eligible: Type.Boolean({ description: 'Whether a promised payment can be taken now.' }),
  refusals: Type.Array(PromisedRefusalSchema, {
    description: 'Every reason it cannot; empty when eligible.',
  }),
  options: Type.Array(
    Type.Object({
      amount: Kopecks('What is credited at once.'),
      fee: Kopecks('Fee debited when taken (0: free).'),
    }),
    { description: 'The amounts on offer by the average monthly top-ups; empty when not eligible.' },
  ),
  dueAt: Type.String({
    format: 'date-time',
    description: 'When a promised payment taken now would be debited back.',
  }),
  termDays: Type.Integer({ description: 'Days from taking to the automatic debit (operator setting).' }),
  minTenureDays: Type.Integer({ description: 'Days of service a line needs (operator setting).' }),
  tenureDays: Type.Integer({ description: 'Days the line has been served.' }),
  averageTopUps: Kopecks('Average monthly top-ups over the last months the rules count (promised excluded).'),
  minAverageTopUps: Kopecks('Average monthly top-ups the smallest amount needs (operator setting).'),
  balance: Kopecks('Balance of the line’s account now.'),
  active: Nullable(ActivePromisedSchema, {
    description: 'The account’s promised payment not yet debited back; null when none.',
  }),
});

export const TakePromisedBody = Type.Object(
  {
    amount: Type.Integer({
      minimum: 1,
      description: 'One of the offered amounts, in kopecks (400 `not_offered` otherwise).',
    }),
  },
  { additionalProperties: false },
);

export const TakePromisedResult = Type.Object({
  promisedPayment: ActivePromisedSchema,
  request: Type.Object({
    id: Type.String({ description: 'Request id (`req_…`).' }),
    kind: Type.Literal('promised_payment'),
    status: Type.Literal('done'),
  }),
  balance: Kopecks('Balance after the credit and the fee.'),
});
