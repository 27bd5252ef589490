import { Type } from 'typebox';

const Localized = Type.Object({ ru: Type.String(), en: Type.String() });

export const Dashboard = Type.Object(
  {
    line: Type.Object({
      id: Type.String({ description: 'Line id (`line_…`).' }),
      kind: Type.String({ description: '`mobile`, `home_internet`, `tv` or `home_phone`.' }),
      msisdn: Type.Union([Type.String(), Type.Null()], { description: 'E.164 number of a mobile line.' }),
      contractNumber: Type.Union([Type.String(), Type.Null()]),
      status: Type.String({ description: '`active`, `blocked`, `suspended` or `closed`.' }),
      ownerName: Type.String({ description: 'The customer the line belongs to.' }),
    }),
    balance: Type.Object({
      amount: Type.Integer({ description: 'Balance in kopecks; negative when in debt.' }),
      currency: Type.Literal('RUB'),
      creditLimit: Type.Integer({ description: 'Credit limit in kopecks (0 for plain prepaid).' }),
    }),
    tariff: Type.Union([
      Type.Object({
        id: Type.String(),
        code: Type.String(),
        name: Localized,
        fee: Type.Integer({ description: 'Tariff fee in kopecks per period.' }),
        feePeriod: Type.Union([Type.Literal('day'), Type.Literal('month')]),
      }),
      Type.Null(),
    ]),
    packages: Type.Array(
      Type.Object({
        id: Type.String({ description: 'Bucket id (`bkt_…`).' }),
        kind: Type.Union([Type.Literal('voice'), Type.Literal('sms'), Type.Literal('data')]),
        name: Localized,
        unit: Type.Union([Type.Literal('min'), Type.Literal('sms'), Type.Literal('mb')]),
        total: Type.Integer({ description: 'Package size in `unit`.' }),
        used: Type.Integer({ description: 'Used this period, in `unit`.' }),
        remaining: Type.Integer({ description: 'Left this period, in whole `unit`s (rounded down).' }),
        renewsAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
          description: 'When the package renews; null if it does not.',
        }),
      }),
    ),
    nextCharge: Type.Union([
      Type.Object({
        at: Type.String({ format: 'date-time' }),
        amount: Type.Integer({ description: 'Tariff and option fees due then, in kopecks.' }),
      }),
      Type.Null(),
    ]),
    warnings: Type.Array(
      Type.Object({
        code: Type.Union([
          Type.Literal('low_balance'),
          Type.Literal('blocked'),
          Type.Literal('negative_balance'),
        ]),
      }),
    ),
  },
  { $id: 'Dashboard' },
);
