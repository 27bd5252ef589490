import { Type } from 'typebox';
import { Nullable, StringEnum } from '../http/schemas.ts';

const Kopecks = (description: string) => Type.Integer({ description: `${description} Kopecks.` });

export const TransferTerms = Type.Object({
  minAmount: Kopecks('Smallest transfer.'),
  maxAmount: Kopecks('Largest transfer.'),
  feeFixed: Kopecks('Fixed part of the fee.'),
  feeBasisPoints: Type.Integer({
    description: 'Percent part of the fee in hundredths of a percent (100 = 1 %).',
  }),
  dailyLimit: Kopecks('What a line may send per calendar day (amounts, not fees).'),
  monthlyLimit: Kopecks('What a line may send per calendar month.'),
  minBalanceLeft: Kopecks('What must stay on the balance after amount and fee.'),
  codeTtlSeconds: Type.Integer({ description: 'Lifetime of the SMS code.' }),
  balance: Kopecks('The line’s balance now.'),
  sentToday: Kopecks('Sent today by completed transfers.'),
  sentThisMonth: Kopecks('Sent this month by completed transfers.'),
});

export const CreateTransferBody = Type.Object(
  {
    phone: Type.String({ maxLength: 32, description: 'The recipient, any notation: one of our numbers.' }),
    amount: Type.Number({
      description: 'Kopecks to send, a whole number (fractions are refused as `fractional_kopecks`).',
    }),
  },
  { additionalProperties: false },
);

export const TransferSchema = Type.Object({
  id: Type.String({ description: 'Transfer id (`mtr_…`).' }),
  phone: Type.String({ description: 'The recipient, E.164.' }),
  amount: Kopecks('What the recipient gets.'),
  fee: Kopecks('The fee (5 ₽ + 1 %).'),
  total: Kopecks('What leaves the sender’s balance: amount + fee.'),
  status: StringEnum(['awaiting_code', 'completed', 'failed'] as const, {
    description: '`awaiting_code` (SMS sent), `completed` (money moved), `failed` (wrong or expired code).',
  }),
  codeExpiresAt: Type.String({ format: 'date-time', description: 'Until when the SMS code is valid.' }),
  createdAt: Type.String({ format: 'date-time' }),
  completedAt: Nullable(Type.String({ format: 'date-time' }), { description: 'When the money moved.' }),
});

export const ConfirmTransferBody = Type.Object(
  {
    transferId: Type.String({
      pattern: '^mtr_[0-9a-z]{6,40}$',
      description: 'The transfer to confirm (`mtr_…`).',
    }),
    code: Type.String({ maxLength: 16, description: 'The 6-digit code sent by SMS to the sender’s number.' }),
  },
  { additionalProperties: false },
);

export const ConfirmTransferResult = Type.Object({
  transfer: TransferSchema,
  balance: Kopecks('The sender’s balance afterwards.'),
});

export const SentTransfers = Type.Object({
  transfers: Type.Array(TransferSchema, {
    description:
      'The line’s last 20 transfers, newest first; one whose code expired unconfirmed is `failed`.',
  }),
});
