import type { JournalChannel, JournalQuery } from '../api/journal-api';

export type Period = 'week' | 'month' | 'quarter' | 'all';
export type ActionKind = 'all' | 'security' | 'services' | 'money';

export interface JournalFilters {
  period: Period;
  channel: JournalChannel | '';
  kind: ActionKind;
}

export const PERIODS: Period[] = ['week', 'month', 'quarter', 'all'];
export const CHANNELS: JournalChannel[] = ['web', 'api', 'ussd', 'sms', 'console', 'system'];
export const KINDS: ActionKind[] = ['all', 'security', 'services', 'money'];

const PERIOD_DAYS: Record<Exclude<Period, 'all'>, number> = { week: 7, month: 30, quarter: 90 };

/** The action prefixes each kind of entry covers (the API takes several, comma-separated). */
const KIND_PREFIX: Record<Exclude<ActionKind, 'all'>, string> = {
  security: 'auth.,security.,access.',
  // The API takes twenty prefixes at most.
  services:
    'tariff.,option.,line.,request.,content.,ban.,roaming.,forwarding.,blacklist.,sim.,history.,ringback.,device_settings.',
  money: 'payment.,voucher.,transfer.,promised_payment.,autopay.,low_balance.,invoice.,trust_payment.,bonus.',
};

/** The query for the first page of `filters`, as of `now`. */
export function toQuery(filters: JournalFilters, now: Date = new Date()): JournalQuery {
  const query: JournalQuery = { limit: 50 };
  if (filters.period !== 'all')
    query.from = new Date(now.getTime() - PERIOD_DAYS[filters.period] * 86_400_000).toISOString();
  if (filters.channel) query.channel = filters.channel;
  if (filters.kind !== 'all') query.action = KIND_PREFIX[filters.kind];
  return query;
}
