import { Type } from 'typebox';
import { Nullable, StringEnum } from '../http/schemas.ts';

export const CardTopUpBody = Type.Object(
  {
    lineId: Type.Optional(
      Type.String({
        pattern: '^line_[0-9a-z]{6,40}$',
        description: 'One of your lines (`line_…`); or `msisdn`.',
      }),
    ),
    msisdn: Type.Optional(
      Type.String({
        maxLength: 40,
        description: 'Any number, in any common notation (`8 916 123-45-67`, `+7…`); or `lineId`.',
      }),
    ),
    amount: Type.Union([Type.Number(), Type.String({ maxLength: 40 })], {
      description:
        'Kopecks, an integer from 10000 (100 ₽) to 1500000 (15,000 ₽); a fraction of a kopeck is refused, not rounded.',
    }),
    saveCard: Type.Optional(
      Type.Boolean({
        description: 'Save the card for autopay (PAY-04); only for a top-up of your own line.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const PaymentView = Type.Object(
  {
    id: Type.String({ description: 'Payment id (`pay_…`).' }),
    status: StringEnum(['pending', 'succeeded', 'failed', 'refunded'] as const, {
      description: '`pending` until the acquirer answers; then `succeeded` (credited) or `failed`.',
    }),
    amount: Type.Integer({ description: 'Kopecks.' }),
    msisdn: Nullable(Type.String(), { description: 'The number topped up (E.164).' }),
    ownLine: Type.Boolean({ description: 'Whether the number is one of your lines.' }),
    lineId: Nullable(Type.String(), { description: 'The line topped up, when it is one of yours.' }),
    createdAt: Type.String({ format: 'date-time' }),
    completedAt: Nullable(Type.String({ format: 'date-time' }), {
      description: 'When it was credited or failed.',
    }),
    failureReason: Nullable(Type.String(), {
      description:
        'The acquirer’s reason: `card_declined`, `insufficient_funds`, `3ds_failed`, `canceled`, `expired`.',
    }),
    card: Nullable(
      Type.Object({
        last4: Type.String({ description: 'Last 4 digits.' }),
        brand: Type.String({ description: '`visa`, `mastercard`, `mir` …' }),
      }),
      { description: 'The card paid with; null until the acquirer reported it.' },
    ),
    commission: Type.Integer({ description: 'Kopecks of commission: none for top-ups (PAY-01).' }),
    acquirer: Type.Object({
      name: Type.String({ description: '`sandbox` …' }),
      test: Type.Boolean({ description: 'True for the sandbox: no real money; every screen says TEST.' }),
    }),
    confirmationUrl: Nullable(Type.String(), {
      description: 'The hosted payment page, while the payment is pending (to finish paying).',
    }),
  },
  { description: 'A card payment and its receipt.' },
);

export const CardTopUpResult = Type.Object({
  payment: PaymentView,
  confirmationUrl: Type.String({ description: 'Send the browser here: the acquirer’s hosted payment page.' }),
});

export const PaymentIdParams = Type.Object({
  paymentId: Type.String({ pattern: '^pay_[0-9a-z]{6,40}$', description: 'Payment id (`pay_…`).' }),
});

export const WebhookParams = Type.Object({
  acquirer: Type.String({
    pattern: '^[a-z0-9_-]{1,40}$',
    description: 'The acquirer’s name, e.g. `sandbox`.',
  }),
});

export const WebhookResult = Type.Object({
  received: Type.Boolean(),
  duplicate: Type.Boolean({ description: 'The event id was received before: nothing changed.' }),
  outcome: Nullable(Type.String(), {
    description: '`credited`, `failed`, `unchanged` or `ignored`; null for a duplicate.',
  }),
});

export const CardTopUpTerms = Type.Object({
  minAmount: Type.Integer({ description: 'Kopecks: the smallest top-up (100 ₽).' }),
  maxAmount: Type.Integer({ description: 'Kopecks: the largest top-up (15,000 ₽).' }),
  presets: Type.Array(Type.Integer(), { description: 'Kopecks: amounts offered as one-tap choices.' }),
  commission: Type.Integer({ description: 'Kopecks: none (PAY-01).' }),
  acquirer: Type.Object({
    name: Type.String(),
    test: Type.Boolean({ description: 'True for the sandbox: screens say TEST, no real money moves.' }),
  }),
});
