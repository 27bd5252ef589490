import { Type } from 'typebox';
import { Nullable, StringEnum } from '../http/schemas.ts';
import { FEE_PERIODS, PackageSchema } from '../plans/schemas.ts';
import { LocalisedText, RequestSchema } from '../requests/schemas.ts';

export const OPTION_CATEGORIES = ['internet', 'calls', 'roaming', 'messages', 'extra'] as const;

/** `'day' | 'month' | null` as one `type: [string, null]` schema (see `Nullable`). */
function NullableFeePeriod(description: string) {
  return Type.Unsafe<(typeof FEE_PERIODS)[number] | null>({
    type: ['string', 'null'],
    enum: [...FEE_PERIODS, null],
    description,
  });
}

const OptionId = Type.String({ pattern: '^opt_[0-9a-z]{6,40}$', description: 'Option id (`opt_…`).' });

const NamedCode = Type.Object({
  code: Type.String({ description: 'Catalog code.' }),
  name: LocalisedText,
});

/** Why an option cannot be connected (also the body of 409 `incompatible`). */
export const IncompatibilitySchema = Type.Object({
  code: StringEnum(['requires_tariff', 'excludes_option'], {
    description: 'Needs one of `tariffs`, or clashes with the connected `options`.',
  }),
  tariffs: Type.Optional(Type.Array(NamedCode, { description: 'Tariffs the option may be connected on.' })),
  options: Type.Optional(Type.Array(NamedCode, { description: 'Connected options it cannot go with.' })),
});

const offerFields = {
  id: Type.String({ description: 'Option id (`opt_…`).' }),
  code: Type.String({ description: 'Catalog code.' }),
  category: StringEnum(OPTION_CATEGORIES, { description: 'Catalog group.' }),
  name: LocalisedText,
  description: LocalisedText,
  connectFee: Type.Integer({ description: 'One-off fee in kopecks, charged when connecting.' }),
  fee: Type.Integer({ description: 'Periodic fee in kopecks per `feePeriod` (0 if none).' }),
  feePeriod: NullableFeePeriod('Daily or monthly; null for a one-off option.'),
  packages: Type.Array(PackageSchema, { description: 'Packages it adds.' }),
  compatible: Type.Boolean({ description: 'Whether it can be connected now.' }),
  incompatibility: Nullable(IncompatibilitySchema, { description: 'Why not; null when compatible.' }),
};

export const OptionOffer = Type.Object(offerFields);

export const ConnectedOption = Type.Object({
  ...offerFields,
  connectedAt: Type.String({ format: 'date-time', description: 'When it was connected.' }),
  nextFeeAt: Nullable(Type.String({ format: 'date-time' }), {
    description: 'When its next periodic fee falls; null if none.',
  }),
});

export const OptionList = Type.Object(
  {
    connected: Type.Array(ConnectedOption, { description: 'Options connected to the line.' }),
    available: Type.Array(OptionOffer, { description: 'Options on offer that are not connected.' }),
  },
  { $id: 'OptionList' },
);

export const OptionListQuery = Type.Object({
  category: Type.Optional(StringEnum(OPTION_CATEGORIES, { description: 'Only this group.' })),
  q: Type.Optional(
    Type.String({ maxLength: 100, description: 'Search in the names (both languages, any case).' }),
  ),
});

export const ConnectOptionBody = Type.Object({ optionId: OptionId }, { additionalProperties: false });

export const OptionParams = Type.Object({
  lineId: Type.String({ pattern: '^line_[0-9a-z]{6,40}$', description: 'Line id (`line_…`).' }),
  optionId: OptionId,
});

export const SubscriptionList = Type.Object(
  {
    subscriptions: Type.Array(
      Type.Object({
        id: Type.String({ description: 'Option id (`opt_…`) of the subscription.' }),
        code: Type.String({ description: 'Catalog code.' }),
        name: LocalisedText,
        shortNumber: Nullable(Type.String(), { description: 'Short number; SMS "STOP" to it unsubscribes.' }),
        fee: Type.Integer({ description: 'Fee in kopecks per `feePeriod`.' }),
        feePeriod: NullableFeePeriod('Daily or monthly; null if one-off.'),
        connectedAt: Type.String({ format: 'date-time', description: 'When it was subscribed.' }),
      }),
      { description: 'Paid content subscriptions of the line.' },
    ),
  },
  { $id: 'SubscriptionList' },
);

export const UnsubscribeResult = Type.Object({
  request: RequestSchema,
  unsubscribed: Type.Integer({ description: 'How many subscriptions ended.' }),
});
