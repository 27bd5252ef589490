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

/** PLAN-05: amounts a subscriber chooses on a configurable tariff (display units, each one of its steps). */
export const ChoiceSchema = Type.Object(
  {
    minutes: Type.Integer({
      minimum: 0,
      maximum: 1_000_000,
      description: 'Minutes a month: a `minutes` step.',
    }),
    gigabytes: Type.Integer({
      minimum: 0,
      maximum: 1_000_000,
      description: 'Gigabytes a month: a `gigabytes` step.',
    }),
    messages: Type.Integer({
      minimum: 0,
      maximum: 1_000_000,
      description: 'SMS a month: a `messages` step.',
    }),
  },
  { additionalProperties: false },
);

const StepSchema = Type.Object({
  amount: Type.Integer({ description: 'The amount at this slider position (display units).' }),
  fee: Type.Integer({ description: 'What this position adds to `baseFee`, kopecks a month.' }),
});

/** PLAN-05: the sliders of a configurable tariff; the monthly fee is `baseFee` plus the chosen step of each. */
export const ConfigurableSchema = Type.Object({
  baseFee: Type.Integer({ description: 'Kopecks a month before any slider.' }),
  minutes: Type.Array(StepSchema, { description: 'Minute steps, smallest first.' }),
  gigabytes: Type.Array(StepSchema, { description: 'Gigabyte steps, smallest first.' }),
  messages: Type.Array(StepSchema, { description: 'SMS steps, smallest first (just 0 when not offered).' }),
  start: Type.Object(ChoiceSchema.properties, {
    description: 'Where the sliders start: the line’s choice on its own tariff, else the tariff’s default.',
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
    packages: Type.Array(PackageSchema, {
      description: 'Included packages (as chosen, on a configurable tariff).',
    }),
    nextFee: Nullable(Type.Integer(), {
      description:
        'The tariff fee due at `nextFeeAt` in kopecks (a price change may apply by then); null if none.',
    }),
    configurable: Nullable(ConfigurableSchema, { description: 'Its sliders, if configurable (PLAN-05).' }),
    choice: Nullable(Type.Object(ChoiceSchema.properties), {
      description: 'The amounts the line has on its configurable tariff; null on other tariffs.',
    }),
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
        choice: Nullable(Type.Object(ChoiceSchema.properties), {
          description: 'The amounts it sets on a configurable tariff; null otherwise.',
        }),
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
  fee: Type.Integer({ description: 'Fee in kopecks per `feePeriod`, as priced today.' }),
  feePeriod: StringEnum(FEE_PERIODS, { description: 'The fee is charged daily or monthly.' }),
  feeAtNextPeriod: Type.Integer({
    description:
      'The fee from the line’s next fee date, kopecks (differs from `fee` when a price change falls before).',
  }),
  packages: Type.Array(PackageSchema, {
    description: 'Included packages (a configurable tariff: its default).',
  }),
  configurable: Nullable(ConfigurableSchema, { description: 'Its sliders, if configurable (PLAN-05).' }),
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
    choice: Type.Optional(
      Type.Object(ChoiceSchema.properties, {
        additionalProperties: false,
        description:
          'PLAN-05, configurable tariffs only: the amounts chosen (default: the tariff’s own). With the line’s own ' +
          'tariff as `tariffId`, re-configures it; raising the fee `now` charges the difference for this period.',
      }),
    ),
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

const CHOICE_FIELDS = ['minutes', 'gigabytes', 'messages'] as const;

export const PickerQuery = Type.Object(
  {
    focus: StringEnum(CHOICE_FIELDS, {
      description: 'What the subscriber uses most: internet (`gigabytes`), calls (`minutes`) or `messages`.',
    }),
    minutes: Type.Integer({ minimum: 0, maximum: 100_000, description: 'Minutes of calls a month.' }),
    gigabytes: Type.Integer({ minimum: 0, maximum: 10_000, description: 'Gigabytes of internet a month.' }),
    messages: Type.Integer({ minimum: 0, maximum: 100_000, description: 'SMS a month.' }),
  },
  { additionalProperties: false },
);

export const PickerResult = Type.Object(
  {
    proposals: Type.Array(
      Type.Object({
        offer: TariffOffer,
        amounts: Type.Object(
          {
            minutes: Type.Number({ description: 'Minutes over 30 days.' }),
            gigabytes: Type.Number({ description: 'Gigabytes over 30 days (may be fractional).' }),
            messages: Type.Number({ description: 'SMS over 30 days.' }),
          },
          { description: 'What the tariff gives over 30 days (a configurable one: with `choice`).' },
        ),
        choice: Nullable(Type.Object(ChoiceSchema.properties), {
          description: 'On a configurable tariff, the cheapest amounts covering the survey; null otherwise.',
        }),
        monthlyFee: Type.Integer({ description: 'Price over 30 days in kopecks, with `choice` if any.' }),
        covers: Type.Array(StringEnum(CHOICE_FIELDS), { description: 'The asked amounts it covers.' }),
        short: Type.Array(StringEnum(CHOICE_FIELDS), { description: 'The asked amounts it falls short of.' }),
        fits: Type.Boolean({ description: 'Covers everything asked.' }),
      }),
      { description: 'Best fit first: covering everything, then cheapest; at most 3.' },
    ),
  },
  { $id: 'TariffPicker' },
);
