import { Type } from 'typebox';
import { Nullable, StringEnum } from '../http/schemas.ts';

const Localized = Type.Object({ ru: Type.String(), en: Type.String() });

export const Dashboard = Type.Object(
  {
    line: Type.Object({
      id: Type.String({ description: 'Line id (`line_…`).' }),
      kind: Type.String({ description: '`mobile`, `home_internet`, `tv` or `home_phone`.' }),
      msisdn: Nullable(Type.String(), { description: 'E.164 number of a mobile line.' }),
      contractNumber: Nullable(Type.String(), { description: 'Contract number of a home service.' }),
      status: Type.String({ description: '`active`, `blocked`, `suspended` or `closed`.' }),
      ownerName: Type.String({ description: 'The customer the line belongs to.' }),
    }),
    balance: Type.Object({
      amount: Type.Integer({ description: 'Balance in kopecks; negative when in debt.' }),
      currency: Type.Literal('RUB'),
      creditLimit: Type.Integer({ description: 'Credit limit in kopecks (0 for plain prepaid).' }),
    }),
    tariff: Nullable(
      Type.Object({
        id: Type.String(),
        code: Type.String(),
        name: Localized,
        fee: Type.Integer({ description: 'Tariff fee in kopecks per period.' }),
        feePeriod: StringEnum(['day', 'month']),
      }),
    ),
    packages: Type.Array(
      Type.Object({
        id: Type.String({ description: 'Bucket id (`bkt_…`).' }),
        kind: StringEnum(['voice', 'sms', 'data']),
        name: Localized,
        unit: StringEnum(['min', 'sms', 'mb']),
        total: Type.Integer({ description: 'Package size in `unit`.' }),
        used: Type.Integer({ description: 'Used this period, in `unit`.' }),
        remaining: Type.Integer({ description: 'Left this period, in whole `unit`s (rounded down).' }),
        renewsAt: Nullable(Type.String({ format: 'date-time' }), {
          description: 'When the package renews; null if it does not.',
        }),
      }),
    ),
    nextCharge: Nullable(
      Type.Object({
        at: Type.String({ format: 'date-time' }),
        amount: Type.Integer({ description: 'Tariff and option fees due then, in kopecks.' }),
      }),
    ),
    // Absent rather than null when there is none: a nullable object costs the serialiser a type check per
    // response on the hottest route (bench:dashboard).
    promisedPayment: Type.Optional(
      Type.Object(
        {
          amount: Type.Integer({ description: 'Credited, and debited back at `dueAt`, in kopecks.' }),
          fee: Type.Integer({ description: 'Fee paid when it was taken, in kopecks.' }),
          dueAt: Type.String({
            format: 'date-time',
            description: 'When the amount is debited automatically.',
          }),
        },
        { description: 'PAY-05: the account’s promised payment not yet debited back; absent when none.' },
      ),
    ),
    warnings: Type.Array(
      Type.Object({
        code: StringEnum(
          [
            'low_balance',
            'blocked',
            'blocked_debt',
            'blocked_inactivity',
            'out_of_funds',
            'negative_balance',
          ],
          {
            description:
              'blocked_debt: outgoing barred because funds ran out (RATE-04); blocked_inactivity: PLAN-07; ' +
              'out_of_funds: funds below the floor, the line will be blocked after the grace; blocked: other blocks.',
          },
        ),
      }),
    ),
  },
  { $id: 'Dashboard' },
);
