import { Type } from 'typebox';
import { Nullable } from '../http/schemas.ts';

export const RedeemVoucherBody = Type.Object(
  {
    code: Type.String({
      maxLength: 64,
      description: 'The 16 digits under the scratch layer, as typed (spaces and dashes are ignored).',
    }),
    phone: Type.String({
      maxLength: 32,
      description: 'The number to top up, any notation (`8 912 345-67-89`): the caller’s own or any of ours.',
    }),
  },
  { additionalProperties: false },
);

export const RedeemVoucherResult = Type.Object({
  paymentId: Type.String({ description: 'The top-up (`pay_…`, source `voucher`), in the payment history.' }),
  serial: Type.String({ description: 'Serial number printed on the card.' }),
  amount: Type.Integer({ description: 'Kopecks credited: the card’s nominal.' }),
  phone: Type.String({ description: 'The number topped up, E.164.' }),
  ownLine: Type.Boolean({ description: 'Whether the number is one of the caller’s lines.' }),
  balance: Nullable(Type.Integer(), {
    description:
      'Kopecks on the topped-up account afterwards; null for someone else’s number (not disclosed).',
  }),
});

export const DemoVouchers = Type.Object({
  vouchers: Type.Array(
    Type.Object({
      serial: Type.String({ description: 'Serial number printed on the card.' }),
      code: Type.String({
        description: 'The code, `1234-5678-9012-3456` (demo cards only: real codes are never stored).',
      }),
      amount: Type.Integer({ description: 'Nominal, kopecks.' }),
    }),
    { description: 'Demo cards not redeemed yet.' },
  ),
});
