import { Type } from 'typebox';
import { Nullable, StringEnum } from '../http/schemas.ts';

/** Statuses of a request (SVC-11). */
export const REQUEST_STATUSES = ['accepted', 'in_progress', 'done', 'rejected'] as const;

export const LocalisedText = Type.Object(
  {
    ru: Type.String({ description: 'Russian text.' }),
    en: Type.String({ description: 'English text.' }),
  },
  { description: 'A text in both languages.' },
);

export const RequestSchema = Type.Object(
  {
    id: Type.String({ description: 'Request id (`req_…`).' }),
    kind: Type.String({
      description:
        'What was ordered: `tariff_change`, `service_revert`, `option_connect`, `option_disconnect`, `content_unsubscribe`, `ringback_melody`, `ban_change`, `forwarding_change`, `blacklist_change`, `roaming_change`, `device_settings`, `email_detalization_ban`, `suspension`, `resumption`, `sim_block`, `sim_unblock`, `sim_replacement`, `esim_issue`, `debt_block`, `debt_unblock`, `inactivity_block`, `inactivity_unblock`, `line_closed`, `number_released`, `line_restored`; clients show unknown kinds by their title.',
    }),
    status: StringEnum(REQUEST_STATUSES, { description: 'Where the request stands now.' }),
    title: LocalisedText,
    effectiveAt: Nullable(Type.String({ format: 'date-time' }), {
      description: 'When it takes effect (a tariff change from the next period); null for immediate ones.',
    }),
    createdAt: Type.String({ format: 'date-time', description: 'When it was made.' }),
    updatedAt: Type.String({ format: 'date-time', description: 'When its status last changed.' }),
    events: Type.Array(
      Type.Object({
        status: Type.String({ description: 'The status entered (`accepted`, `done`, `rejected` …).' }),
        note: Type.String({ description: 'Why, in English (e.g. why it was rejected); may be empty.' }),
        at: Type.String({ format: 'date-time', description: 'When.' }),
      }),
      { description: 'The time line, oldest first.' },
    ),
  },
  { $id: 'Request', description: 'A request (SVC-11): an order with its status and time line.' },
);

export const RequestListQuery = Type.Object({
  status: Type.Optional(StringEnum(REQUEST_STATUSES, { description: 'Only requests in this status.' })),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Page size.' }),
  before: Type.Optional(
    Type.String({ pattern: '^req_[0-9a-z]{6,40}$', description: 'Cursor: requests older than this id.' }),
  ),
});

export const RequestList = Type.Object(
  {
    requests: Type.Array(RequestSchema, { description: 'Newest first.' }),
    nextBefore: Nullable(Type.String(), { description: 'Cursor of the next page; null on the last page.' }),
  },
  { $id: 'RequestList' },
);

export const RequestParams = Type.Object({
  lineId: Type.String({ pattern: '^line_[0-9a-z]{6,40}$', description: 'Line id (`line_…`).' }),
  requestId: Type.String({ pattern: '^req_[0-9a-z]{6,40}$', description: 'Request id (`req_…`).' }),
});
