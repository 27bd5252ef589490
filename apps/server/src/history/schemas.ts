import { Type } from 'typebox';
import { Nullable, StringEnum } from '../http/schemas.ts';
import { LocalisedText } from '../requests/schemas.ts';

const DATE = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

/** A tariff or option named in the history or the plan. */
export const HistoryItem = Type.Object({
  id: Type.String({ description: 'Tariff (`trf_…`) or option (`opt_…`) id.' }),
  code: Type.String({ description: 'Catalog code.' }),
  name: LocalisedText,
});

export const HistoryEntry = Type.Object({
  at: Type.String({ format: 'date-time', description: 'When the change took effect.' }),
  type: StringEnum(['tariff_started', 'tariff_changed', 'option_connected', 'option_disconnected'] as const, {
    description: 'What happened: the first tariff, a tariff change, an option on or off.',
  }),
  item: HistoryItem,
  previous: Nullable(HistoryItem, {
    description: 'For `tariff_changed`, the tariff it replaced; else null.',
  }),
});

export const HistoryView = Type.Object({
  changes: Type.Array(HistoryEntry, { description: 'Changes of tariff and options, newest first.' }),
  since: Type.String({ description: 'The first date the history knows (`YYYY-MM-DD`, operator time zone).' }),
  today: Type.String({
    description: 'Today in the operator time zone (`YYYY-MM-DD`): the latest date to return to.',
  }),
});

/** The periodic fee a tariff or option brings back (SVC-02: a confirmation states both fees). */
const periodicFields = {
  periodicFee: Type.Integer({ description: 'Periodic fee in kopecks per `feePeriod` (0 if none).' }),
  feePeriod: Type.Unsafe<'day' | 'month' | null>({
    type: ['string', 'null'],
    enum: ['day', 'month', null],
    description: 'How often `periodicFee` is charged; null when never.',
  }),
};

export const RevertQuery = Type.Object({
  date: Type.String({
    pattern: DATE,
    description: 'The day to return to (`YYYY-MM-DD`): the state at its end, operator time zone.',
  }),
});

export const RevertPlanView = Type.Object({
  date: Type.String({ description: 'The day returned to (`YYYY-MM-DD`).' }),
  at: Type.String({ format: 'date-time', description: 'The instant whose state is brought back.' }),
  tariff: Nullable(
    Type.Object({
      from: HistoryItem,
      to: HistoryItem,
      fee: Type.Integer({ description: 'Transition fee, kopecks.' }),
      ...periodicFields,
    }),
    { description: 'The tariff change, or null when the tariff stays.' },
  ),
  connect: Type.Array(
    Type.Object({
      option: HistoryItem,
      fee: Type.Integer({ description: 'Connection fee, kopecks.' }),
      ...periodicFields,
    }),
    { description: 'Options connected again, each with its connection fee.' },
  ),
  disconnect: Type.Array(
    Type.Object({
      option: HistoryItem,
      reason: StringEnum(['not_in_past', 'requires_tariff'] as const, {
        description: '`not_in_past`: added since; `requires_tariff`: the tariff returned to cannot carry it.',
      }),
    }),
    { description: 'Options (and content subscriptions) disconnected; free.' },
  ),
  skipped: Type.Array(
    Type.Object({
      kind: StringEnum(['tariff', 'option'] as const, { description: 'What is not brought back.' }),
      item: HistoryItem,
      reason: StringEnum(
        ['archived', 'not_offered', 'content', 'requires_tariff', 'excludes_option'] as const,
        {
          description:
            'Why: no longer in the catalog, tariff not offered, a paid subscription (never re-subscribed), ' +
            'needs another tariff, clashes with `clashes`.',
        },
      ),
      clashes: Type.Array(
        Type.Object({ code: Type.String({ description: 'Option code.' }), name: LocalisedText }),
        {
          description: 'For `excludes_option`, the options it cannot go with.',
        },
      ),
    }),
    { description: 'Items of that day that are not brought back, and why.' },
  ),
  total: Type.Integer({ description: 'Every fee of the plan together, kopecks.' }),
  balance: Type.Integer({ description: 'The account balance now, kopecks.' }),
  empty: Type.Boolean({ description: 'True when there is nothing to change.' }),
  fingerprint: Type.String({
    description: 'Send it back with the confirmation: the plan that runs is this one.',
  }),
});

export const RevertBody = Type.Object({
  date: RevertQuery.properties.date,
  fingerprint: Type.String({ minLength: 1, maxLength: 64, description: 'The plan’s `fingerprint`.' }),
});
