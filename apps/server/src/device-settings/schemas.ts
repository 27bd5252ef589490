import { Type } from 'typebox';
import { Nullable, StringEnum } from '../http/schemas.ts';
import { DEVICES, SETTING_ITEMS } from './settings-sms.ts';

const DeviceSchema = StringEnum(DEVICES, {
  description:
    'The phone: `android`, `iphone`, or `other` (any other phone; the parameters to enter by hand).',
});
const ItemSchema = StringEnum(SETTING_ITEMS, { description: 'What to set up: `internet` or `mms`.' });

export const DeviceSettingsInfo = Type.Object({
  devices: Type.Array(DeviceSchema, { description: 'Kinds of phone settings can be sent for.' }),
  items: Type.Array(ItemSchema, { description: 'What can be sent.' }),
  limitPerHour: Type.Integer({ description: 'Most sends per line in any rolling hour.' }),
  sentInLastHour: Type.Integer({ description: 'Sends of this line in the last hour.' }),
  nextAllowedAt: Nullable(Type.String({ format: 'date-time' }), {
    description: 'When the next send is possible, null when it is possible now.',
  }),
  msisdn: Type.String({ description: 'The number the settings SMS go to (the line’s own).' }),
});

export const SendSettingsBody = Type.Object(
  {
    device: DeviceSchema,
    items: Type.Array(ItemSchema, {
      minItems: 1,
      maxItems: 2,
      uniqueItems: true,
      description: 'What to send, at least one; each item is one SMS.',
    }),
  },
  { additionalProperties: false },
);

export const SendSettingsResult = Type.Object({
  request: Type.Object({
    id: Type.String({ description: 'Request id (`req_…`).' }),
    kind: Type.String({ description: '`device_settings`.' }),
    status: Type.String({ description: '`done`: the SMS are queued for delivery.' }),
  }),
  messages: Type.Array(Type.Object({ item: ItemSchema }), {
    description: 'The SMS queued, one per item, sent to the line’s number.',
  }),
  sentInLastHour: Type.Integer({ description: 'Sends of this line in the last hour, this one included.' }),
});
