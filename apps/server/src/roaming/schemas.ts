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

const KIND_STATE = StringEnum(['available', 'roaming_off', 'barred'] as const, {
  description:
    '`available`; `roaming_off` (the line’s roaming is off); `barred` (a service ban of SVC-04 bars it).',
});

export const RoamingAccessSchema = Type.Object(
  { voice: KIND_STATE, sms: KIND_STATE, data: KIND_STATE },
  { description: 'What works abroad: calls, SMS and mobile internet.' },
);

export const ZonePricesSchema = Type.Object({
  code: Type.String({ description: 'Zone code of the catalog, e.g. `cis`.' }),
  name: Localised('Zone name from the catalog.'),
  countries: Type.Array(Type.String(), { description: 'ISO 3166-1 alpha-2 codes of the zone’s countries.' }),
  restOfWorld: Type.Boolean({ description: 'The zone of every country no other zone lists.' }),
  prices: Nullable(
    Type.Object({
      voiceOutPerMin: Type.Integer({ description: 'Kopecks a minute of an outgoing call.' }),
      voiceInPerMin: Type.Integer({ description: 'Kopecks a minute of an incoming call.' }),
      smsOut: Type.Integer({ description: 'Kopecks per SMS sent.' }),
      dataPerMb: Type.Integer({ description: 'Kopecks per megabyte.' }),
    }),
    { description: 'Prices of the line’s tariff in this zone; null when the tariff states none.' },
  ),
});

export const RoamingBanSchema = Type.Object({
  code: Type.String({ description: 'Ban code (SVC-04), switched in the line settings.' }),
  name: Localised('Ban name.'),
  bars: Type.Array(Type.String(), { description: 'Kinds the ban bars, e.g. `roaming_data`.' }),
  enabled: Type.Boolean({ description: 'Whether the ban is on for this line.' }),
});

export const RoamingPackageSchema = Type.Object({
  optionId: Type.String({ description: 'Option id (`opt_…`): connect it with `POST /lines/{id}/options`.' }),
  code: Type.String({ description: 'Option code of the catalog.' }),
  zones: Type.Array(Type.String(), { description: 'Codes of the zones where the package applies.' }),
  connected: Type.Boolean({ description: 'Whether it is connected to the line.' }),
});

export const RoamingState = Type.Object({
  enabled: Type.Boolean({ description: 'Roaming of the line: access to partner networks abroad.' }),
  updatedAt: Nullable(Type.String({ format: 'date-time' }), {
    description: 'When the subscriber last switched it; null: never (the default, on).',
  }),
  access: RoamingAccessSchema,
  bans: Type.Array(RoamingBanSchema, { description: 'The catalog’s bans that bar roaming traffic.' }),
  zones: Type.Array(ZonePricesSchema, { description: 'Roaming zones with the tariff’s prices.' }),
  packages: Type.Array(RoamingPackageSchema, {
    description:
      'Options of the `roaming` category on offer or connected; prices and compatibility come from ' +
      '`GET /lines/{id}/options?category=roaming`.',
  }),
});

export const SetRoamingBody = Type.Object(
  { enabled: Type.Boolean({ description: 'true switches roaming on, false off.' }) },
  { additionalProperties: false },
);

export const SetRoamingResult = Type.Object({
  request: Nullable(
    Type.Object({
      id: Type.String({ description: 'Request id (`req_…`).' }),
      kind: Type.String({ description: '`roaming_change`.' }),
      status: Type.String({ description: '`done`: the switch is immediate.' }),
    }),
    { description: 'The recorded request; null when roaming already was in the state asked for.' },
  ),
  enabled: Type.Boolean({ description: 'Roaming of the line after the change.' }),
  access: RoamingAccessSchema,
});
