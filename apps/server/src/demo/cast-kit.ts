/**
 * Building blocks for the demo cast: lines, accounts, option histories and paying habits, drawn from the
 * seeded random stream. The named demo subscribers (demo-cast.ts) and the crowd around them (crowd.ts) both
 * use these, so every line is made the same way.
 */

import type { Catalog, CatalogOption } from '@kabinet/core';
import { newId, startOfDay } from '@kabinet/core';
import type { JournalChannel } from '@kabinet/db';
import { dayOfMonth, monthGrid } from './calendar.ts';
import { fullName, type PersonName } from './names.ts';
import { NumberPlan } from './numbers.ts';
import type {
  AccountPlan,
  CustomerPlan,
  LinePlan,
  LoginPlan,
  PayingHabit,
  StoryItem,
  UsageProfile,
} from './plan.ts';
import type { Rng } from './random.ts';

const DAY = 86_400_000;

export interface CastContext {
  rng: Rng;
  catalog: Catalog;
  now: Date;
  historyStart: Date;
  timeZone: string;
  numbers: NumberPlan;
}

export function castContext(
  rng: Rng,
  catalog: Catalog,
  now: Date,
  historyStart: Date,
  timeZone: string,
): CastContext {
  return { rng, catalog, now, historyStart, timeZone, numbers: new NumberPlan(rng) };
}

export function daysAgo(ctx: CastContext, days: number): Date {
  return new Date(ctx.now.getTime() - days * DAY);
}

/** A moment in the waking hours of `day`'s calendar date, in the operator's zone. */
export function daytime(ctx: CastContext, day: Date, fromHour = 9, toHour = 21): Date {
  const midnight = startOfDay(day, ctx.timeZone).getTime();
  const at = midnight + ctx.rng.int(fromHour * 3600, toHour * 3600) * 1000;
  return new Date(Math.min(at, ctx.now.getTime() - 60_000));
}

export function between(ctx: CastContext, from: Date, to: Date): Date {
  return new Date(from.getTime() + ctx.rng.next() * Math.max(0, to.getTime() - from.getTime()));
}

export function historyDays(ctx: CastContext): number {
  return Math.floor((ctx.now.getTime() - ctx.historyStart.getTime()) / DAY);
}

export interface LineSpec {
  kind?: 'mobile' | 'home_internet';
  msisdn?: string;
  tariff: string;
  activatedAt: Date;
  usage?: Partial<UsageProfile>;
}

export function makeLine(ctx: CastContext, spec: LineSpec): LinePlan {
  const kind = spec.kind ?? 'mobile';
  const msisdn =
    kind === 'mobile' ? (spec.msisdn ? ctx.numbers.reserve(spec.msisdn) : ctx.numbers.ownMsisdn()) : null;
  return {
    id: newId('line', spec.activatedAt),
    kind,
    msisdn,
    contractNumber: kind === 'home_internet' ? ctx.numbers.contractNumber() : null,
    status: 'active',
    activatedAt: spec.activatedAt,
    anchorDay: dayOfMonth(spec.activatedAt, ctx.timeZone),
    tariffs: [{ code: spec.tariff, from: spec.activatedAt, to: null, channel: 'console' }],
    options: [],
    blockedAt: null,
    usage: { ...randomUsage(ctx.rng), ...spec.usage },
    trips: [],
    contacts: [],
    foreignContacts: [],
  };
}

export function randomUsage(rng: Rng): UsageProfile {
  const heavy = rng.chance(0.1);
  return {
    voiceFit: heavy ? rng.float(0.9, 1.3) : rng.float(0.2, 0.85),
    smsFit: rng.float(0.05, 0.6),
    dataFit: heavy ? rng.float(0.95, 1.25) : rng.float(0.25, 0.9),
    intlShare: rng.chance(0.1) ? rng.float(0.02, 0.06) : 0,
  };
}

/**
 * Moves the line to `to` on one of its monthly charge dates inside the history (PLAN-03 "from the next
 * period"), so fees and packages switch cleanly at a period boundary. Returns the change instant.
 */
export function changeTariff(
  ctx: CastContext,
  line: LinePlan,
  to: string,
  channel: JournalChannel = 'web',
): Date | null {
  const grid = monthGrid(ctx.historyStart, ctx.now, line.anchorDay, ctx.timeZone).filter(
    (t) =>
      t > ctx.historyStart.getTime() + 7 * DAY &&
      t < ctx.now.getTime() - 3 * DAY &&
      t > line.activatedAt.getTime(),
  );
  if (grid.length === 0) return null;
  const at = new Date(ctx.rng.pick(grid));
  const current = line.tariffs.at(-1);
  if (!current) return null;
  current.to = at;
  line.tariffs.push({ code: to, from: at, to: null, channel });
  return at;
}

export function optionByCode(ctx: CastContext, code: string): CatalogOption {
  const option = ctx.catalog.options.find((o) => o.code === code);
  if (!option) throw new Error(`Demo catalog has no option ${code}`);
  return option;
}

/** Connects `code` on the line over [from, to). One-off options and content come with a channel of their own. */
export function connect(
  line: LinePlan,
  code: string,
  from: Date,
  to: Date | null = null,
  channel: JournalChannel = 'web',
) {
  line.options.push({ code, from, to, channel });
}

const OPTION_WEIGHTS: Record<string, number> = {
  messengers: 3,
  'internet-5gb': 2,
  'internet-20gb': 1.5,
  'minutes-100': 1.5,
  'caller-id-plus': 2,
  antispam: 2,
  hotspot: 1.5,
  'roaming-russia': 1.5,
  blacklist: 1,
  ringback: 0.8,
  'internet-day': 4,
};

/** 0–4 options compatible with the line's tariffs, some connected long ago, some during the history. */
export function randomOptions(ctx: CastContext, line: LinePlan): void {
  const { rng } = ctx;
  const tariffCodes = new Set(line.tariffs.map((t) => t.code));
  const changed = line.tariffs.length > 1;
  const wanted = rng.weighted<number>([
    [0, 0.28],
    [1, 0.3],
    [2, 0.22],
    [3, 0.13],
    [4, 0.07],
  ]);
  const chosen: CatalogOption[] = [];
  for (let attempt = 0; attempt < 12 && chosen.length < wanted; attempt++) {
    const candidates = ctx.catalog.options.filter(
      (o) =>
        o.category !== 'content' &&
        o.archivedAt === null &&
        !chosen.includes(o) &&
        !chosen.some((c) => c.excludesOptions.includes(o.code) || o.excludesOptions.includes(c.code)) &&
        // An option tied to tariffs stays off lines that changed tariff, so it never outlives its tariff.
        (o.requiresTariffs.length === 0 || (!changed && o.requiresTariffs.some((c) => tariffCodes.has(c)))),
    );
    if (candidates.length === 0) break;
    chosen.push(rng.weighted(candidates.map((o) => [o, OPTION_WEIGHTS[o.code] ?? 0.6] as const)));
  }
  for (const option of chosen) {
    const oneOff = option.feePeriod === null && option.connectFee > 0n;
    const from = oneOff || rng.chance(0.45) ? recentStart(ctx, line) : olderStart(ctx, line);
    const to =
      !oneOff && rng.chance(0.12) ? between(ctx, new Date(from.getTime() + DAY), daysAgo(ctx, 1)) : null;
    connect(
      line,
      option.code,
      from,
      to && to > from ? to : null,
      rng.pick(['web', 'web', 'ussd', 'sms', 'console']),
    );
  }
  if (rng.chance(0.18)) {
    const content = rng.pick(ctx.catalog.options.filter((o) => o.category === 'content'));
    const from = rng.chance(0.6) ? recentStart(ctx, line) : olderStart(ctx, line);
    const stopped = rng.chance(0.4)
      ? between(ctx, new Date(from.getTime() + 2 * DAY), daysAgo(ctx, 1))
      : null;
    connect(line, content.code, from, stopped && stopped > from ? stopped : null, 'web');
  }
}

/** A daytime moment inside the history, after the line's activation. */
export function recentStart(ctx: CastContext, line: LinePlan): Date {
  const earliest = Math.max(ctx.historyStart.getTime(), line.activatedAt.getTime() + DAY);
  const latest = ctx.now.getTime() - 2 * DAY;
  return daytime(ctx, new Date(earliest + ctx.rng.next() * Math.max(0, latest - earliest)));
}

/** A daytime moment before the history, after the line's activation (or inside the history for new lines). */
export function olderStart(ctx: CastContext, line: LinePlan): Date {
  const earliest = line.activatedAt.getTime() + DAY;
  const latest = ctx.historyStart.getTime() - DAY;
  if (latest <= earliest) return recentStart(ctx, line);
  return daytime(ctx, new Date(earliest + ctx.rng.next() * (latest - earliest)));
}

const RUB = 100n;

export function regularHabit(ctx: CastContext, overrides: Partial<PayingHabit> = {}): PayingHabit {
  const { rng } = ctx;
  const interval = rng.weighted<[number, number]>([
    [[5, 10], 0.3],
    [[12, 20], 0.35],
    [[24, 33], 0.35],
  ]);
  return {
    kind: 'regular',
    intervalDays: interval,
    buffer: [BigInt(rng.int(0, 3)) * 50n * RUB, BigInt(rng.int(3, 8)) * 50n * RUB],
    roundTo: rng.chance(0.7) ? 100n * RUB : 50n * RUB,
    sources: [
      ['card', 0.74],
      ['cash', 0.08],
      ['bank', 0.06],
      ['voucher', 0.06],
      ['autopay', 0.06],
    ],
    targetBalance: randomTarget(rng),
    stopAt: null,
    ...overrides,
  };
}

function randomTarget(rng: Rng): bigint {
  const [lo, hi] = rng.weighted<[number, number]>([
    [[30, 200], 0.15],
    [[200, 800], 0.45],
    [[800, 2500], 0.3],
    [[2500, 5000], 0.1],
  ]);
  return BigInt(rng.int(lo * 100, hi * 100));
}

export function invoiceHabit(): PayingHabit {
  return {
    kind: 'invoice',
    intervalDays: [3, 9],
    buffer: [0n, 0n],
    roundTo: 1n,
    sources: [['bank', 1]],
    targetBalance: 0n,
    stopAt: null,
  };
}

export function makeAccount(
  ctx: CastContext,
  lines: LinePlan[],
  habit: PayingHabit,
  options: {
    paymentType?: 'prepaid' | 'postpaid';
    creditLimit?: bigint;
    lowBalanceThreshold?: bigint | null;
  } = {},
): AccountPlan {
  const createdAt = new Date(Math.min(...lines.map((l) => l.activatedAt.getTime())));
  return {
    id: newId('account', createdAt),
    number: ctx.numbers.accountNumber(),
    ledgerAccountId: newId('ledgerAccount', createdAt),
    paymentType: options.paymentType ?? 'prepaid',
    creditLimit: options.creditLimit ?? 0n,
    lowBalanceThreshold: options.lowBalanceThreshold ?? null,
    createdAt,
    lines,
    habit,
    rng: ctx.rng.fork(),
  };
}

export function phoneLogin(
  ctx: CastContext,
  who: PersonName,
  owns: LinePlan[],
  extra: Partial<Pick<LoginPlan, 'locale' | 'loginAlerts' | 'linked'>> = {},
): LoginPlan {
  const main = owns.find((l) => l.msisdn !== null);
  if (!main?.msisdn) throw new Error('A phone login needs a mobile line');
  const createdAt = daytime(ctx, new Date(Math.max(main.activatedAt.getTime(), daysAgo(ctx, 900).getTime())));
  return {
    id: newId('login', createdAt),
    kind: 'phone',
    identifier: main.msisdn,
    displayName: fullName(who),
    locale: extra.locale ?? 'ru',
    loginAlerts: extra.loginAlerts ?? false,
    createdAt,
    owns,
    linked: extra.linked ?? [],
  };
}

export function contractLogin(ctx: CastContext, who: PersonName, line: LinePlan): LoginPlan {
  if (!line.contractNumber) throw new Error('A contract login needs a contract');
  return {
    id: newId('login', line.activatedAt),
    kind: 'contract',
    identifier: line.contractNumber,
    displayName: fullName(who),
    locale: 'ru',
    loginAlerts: false,
    createdAt: daytime(ctx, line.activatedAt),
    owns: [line],
    linked: [],
  };
}

export function personCustomer(
  who: PersonName,
  email: string | null,
  accounts: CustomerPlan['accounts'],
  logins: LoginPlan[],
  story: StoryItem[] = [],
): CustomerPlan {
  const createdAt = new Date(Math.min(...accounts.map((a) => a.createdAt.getTime())));
  return {
    id: newId('customer', createdAt),
    kind: 'person',
    displayName: fullName(who),
    inn: null,
    email,
    person: who,
    createdAt,
    accounts,
    logins,
    story,
  };
}
