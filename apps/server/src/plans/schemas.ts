import { Type } from 'typebox';
import { Nullable, StringEnum } from '../http/schemas.ts';
import { LocalisedText, RequestSchema } from '../requests/schemas.ts';

export const FEE_PERIODS = ['day', 'month'] as const;
export const PACKAGE_KINDS = ['voice', 'sms', 'data'] as const;
export const UNITS = ['min', 'sms', 'mb'] as const;

/** A package included in a tariff or added by an option. */
export const PackageSchema = Type.Object({
  kind: StringEnum(PACKAGE_KINDS, { description: 'Voice minutes, SMS or data.' }),
  name: LocalisedText,
  amount: Type.Integer({ description: 'Size in `unit` per period.' }),
  unit: StringEnum(UNITS, { description: 'Minutes, messages or megabytes.' }),
  renew: StringEnum(['fee_period', 'day', 'month', 'once'], {
    description: 'Refilled with each fee, daily, monthly, or never (one-off).',
  }),
});

export const CurrentTariff = Type.Object(
  {
    id: Type.String({ description: 'Tariff id (`trf_…`).' }),
    code: Type.String({ description: 'Catalog code.' }),
    name: LocalisedText,
    description: LocalisedText,
    fee: Type.Integer({ description: 'Fee in kopecks per `feePeriod`.' }),
    feePeriod: StringEnum(FEE_PERIODS, { description: 'The fee is charged daily or monthly.' }),
    nextFeeAt: Nullable(Type.String({ format: 'date-time' }), {
      description: 'When the next fee falls; null if none is planned.',
    }),
    packages: Type.Array(PackageSchema, { description: 'Included packages.' }),
    rates: Type.Array(
      Type.Object({
        key: Type.String({ description: 'Rate key of the catalog, e.g. `voice_out_per_min`.' }),
        name: LocalisedText,
        price: Type.Integer({ description: 'Kopecks per `unit` beyond the packages.' }),
        unit: StringEnum(UNITS, { description: 'What the price is per.' }),
      }),
      { description: 'Prices outside the packages.' },
    ),
    roaming: Type.Array(
      Type.Object({
        zone: Type.String({ description: 'Zone code (`cis`, `popular`, `world`).' }),
        name: LocalisedText,
        voiceOutPerMin: Type.Integer({ description: 'Outgoing calls, kopecks per minute.' }),
        voiceInPerMin: Type.Integer({ description: 'Incoming calls, kopecks per minute.' }),
        smsOut: Type.Integer({ description: 'Outgoing SMS, kopecks each.' }),
        dataPerMb: Type.Integer({ description: 'Data, kopecks per megabyte.' }),
      }),
      { description: 'Roaming prices by zone.' },
    ),
    pendingChange: Nullable(
      Type.Object({
        tariff: Type.Object({
          id: Type.String({ description: 'Tariff id.' }),
          code: Type.String({ description: 'Catalog code.' }),
          name: LocalisedText,
        }),
        at: Type.String({ format: 'date-time', description: 'When the change takes effect.' }),
        requestId: Type.String({ description: 'The request (`req_…`) that asked for it.' }),
      }),
      { description: 'A tariff change planned from the next period; null if none.' },
    ),
  },
  { $id: 'CurrentTariff' },
);

export const TariffOffer = Type.Object({
  id: Type.String({ description: 'Tariff id (`trf_…`).' }),
  code: Type.String({ description: 'Catalog code.' }),
  name: LocalisedText,
  description: LocalisedText,
  fee: Type.Integer({ description: 'Fee in kopecks per `feePeriod`.' }),
  feePeriod: StringEnum(FEE_PERIODS, { description: 'The fee is charged daily or monthly.' }),
  packages: Type.Array(PackageSchema, { description: 'Included packages.' }),
  transitionFee: Type.Integer({ description: 'One-off fee in kopecks for moving onto it; 0 if free.' }),
  changes: Type.Array(
    Type.Object({
      kind: StringEnum(PACKAGE_KINDS, { description: 'Kind of package.' }),
      now: Nullable(Type.Integer(), {
        description: 'Amount on the current tariff, in `unit`; null if none.',
      }),
      after: Nullable(Type.Integer(), { description: 'Amount on this tariff, in `unit`; null if none.' }),
      unit: StringEnum(UNITS, { description: 'Minutes, messages or megabytes.' }),
    }),
    { description: 'Packages now against after, per kind.' },
  ),
  disconnectsOptions: Type.Array(
    Type.Object({
      id: Type.String({ description: 'Option id (`opt_…`).' }),
      code: Type.String({ description: 'Catalog code.' }),
      name: LocalisedText,
    }),
    { description: 'Connected options that need another tariff: changing to this one disconnects them.' },
  ),
  monthlyEquivalent: Type.Integer({
    description: 'Fee over 30 days in kopecks (daily fee × 30), for sorting.',
  }),
});

export const TariffCatalog = Type.Object(
  { tariffs: Type.Array(TariffOffer, { description: 'Tariffs this line may move to, sorted as asked.' }) },
  { $id: 'TariffCatalog' },
);

export const TariffCatalogQuery = Type.Object({
  sort: Type.Optional(
    StringEnum(['price', 'data', 'minutes'], {
      description: 'Cheapest first (the default), or most data / most minutes first.',
    }),
  ),
});

export const TariffChangeBody = Type.Object(
  {
    tariffId: Type.String({ pattern: '^trf_[0-9a-z]{6,40}$', description: 'The tariff to move to.' }),
    when: StringEnum(['now', 'next_period'], {
      description: 'At once (transition fee charged now) or when the current period ends.',
    }),
  },
  { additionalProperties: false },
);

/** The `Idempotency-Key` header, documented on every charging route (checked by the handler). */
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      description:
        'Required: 8–100 printable characters, new for every intended action. A replay returns the first result.',
    }),
  ),
});

export const ChangeResult = Type.Object({
  request: RequestSchema,
  balance: Type.Integer({ description: 'Account balance after the change, kopecks.' }),
});
