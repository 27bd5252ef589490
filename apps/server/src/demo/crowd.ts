/**
 * The crowd around the demo subscribers: ordinary people on every public tariff (some with a second family
 * line or home internet, a few who stopped paying), and a couple of companies with many postpaid lines.
 */
import { newId } from '@kabinet/core';
import {
  between,
  type CastContext,
  changeTariff,
  contractLogin,
  daysAgo,
  daytime,
  historyDays,
  invoiceHabit,
  makeAccount,
  makeLine,
  personCustomer,
  phoneLogin,
  randomOptions,
  regularHabit,
} from './cast-kit.ts';
import { COMPANIES, companyInn, emailFor, fullName, randomPerson } from './names.ts';
import type { AccountPlan, CustomerPlan, LinePlan } from './plan.ts';

const DAY = 86_400_000;
const RUB = 100n;

const TARIFF_SHARES: [string, number][] = [
  ['moy-online', 0.24],
  ['dlya-smartfona', 0.17],
  ['konstruktor', 0.11],
  ['posutochny', 0.08],
  ['posekundny', 0.1],
  ['premium', 0.06],
  ['bezlimit-2019', 0.12],
];

interface PersonFlags {
  negative: boolean;
  postpaid: boolean;
  home: boolean;
  english: boolean;
}

function activationDate(ctx: CastContext, recent: boolean): Date {
  if (recent) {
    return daytime(ctx, between(ctx, new Date(ctx.historyStart.getTime() + DAY), daysAgo(ctx, 7)));
  }
  return daytime(ctx, daysAgo(ctx, ctx.rng.int(historyDays(ctx) + 10, 3300)));
}

function randomMobileLine(ctx: CastContext, forcedTariff?: string): LinePlan {
  const { rng } = ctx;
  const recent = rng.chance(0.12);
  let tariff = forcedTariff ?? rng.weighted(TARIFF_SHARES);
  // Nobody joins on an archived tariff.
  if (recent && tariff === 'bezlimit-2019') tariff = 'moy-online';
  const line = makeLine(ctx, { tariff, activatedAt: activationDate(ctx, recent) });
  if (!recent && !forcedTariff && rng.chance(0.1)) {
    const next = rng.weighted(TARIFF_SHARES.filter(([code]) => code !== tariff && code !== 'bezlimit-2019'));
    changeTariff(ctx, line, next, rng.pick(['web', 'web', 'console']));
  }
  randomOptions(ctx, line);
  if (rng.chance(0.08)) {
    const from = daytime(ctx, between(ctx, ctx.historyStart, daysAgo(ctx, 12)), 5, 12);
    line.trips.push({
      zone: rng.pick(['cis', 'cis', 'popular']),
      from,
      to: new Date(from.getTime() + rng.int(3, 9) * DAY),
    });
  }
  return line;
}

function familyLine(ctx: CastContext): LinePlan {
  const { rng } = ctx;
  const child = rng.chance(0.5);
  const line = makeLine(ctx, {
    tariff: child ? 'detsky' : rng.weighted(TARIFF_SHARES.filter(([c]) => c !== 'bezlimit-2019')),
    activatedAt: activationDate(ctx, rng.chance(0.1)),
  });
  randomOptions(ctx, line);
  return line;
}

function person(ctx: CastContext, flags: PersonFlags): CustomerPlan {
  const { rng } = ctx;
  const who = randomPerson(rng);
  // Those who stop paying are on daily tariffs: the fee keeps coming every day, so they do end up in debt.
  const line = randomMobileLine(ctx, flags.negative ? rng.pick(['dlya-smartfona', 'posutochny']) : undefined);
  const accounts: AccountPlan[] = [];
  const threshold = rng.chance(0.25) ? BigInt(rng.pick([50, 100, 200])) * RUB : null;
  if (flags.postpaid) {
    accounts.push(
      makeAccount(ctx, [line], invoiceHabit(), { paymentType: 'postpaid', creditLimit: 2000n * RUB }),
    );
  } else {
    const habit = flags.negative
      ? regularHabit(ctx, {
          targetBalance: -BigInt(rng.int(50, 300)) * RUB,
          stopAt: daysAgo(ctx, rng.int(18, 35)),
        })
      : regularHabit(ctx);
    accounts.push(makeAccount(ctx, [line], habit, { lowBalanceThreshold: threshold }));
  }
  const owns = [line];
  if (rng.chance(0.15)) {
    const second = familyLine(ctx);
    owns.push(second);
    accounts.push(
      makeAccount(ctx, [second], regularHabit(ctx, { targetBalance: BigInt(rng.int(50, 400)) * RUB })),
    );
  }
  const logins = [];
  if (flags.home) {
    const home = makeLine(ctx, {
      kind: 'home_internet',
      tariff: rng.pick(['home-100', 'home-500']),
      activatedAt: activationDate(ctx, false),
    });
    owns.push(home);
    accounts.push(makeAccount(ctx, [home], regularHabit(ctx, { intervalDays: [28, 31] })));
    logins.push(contractLogin(ctx, who, home));
  }
  logins.unshift(
    phoneLogin(ctx, who, owns, { locale: flags.english ? 'en' : 'ru', loginAlerts: rng.chance(0.2) }),
  );
  return personCustomer(who, rng.chance(0.5) ? emailFor(who, rng) : null, accounts, logins);
}

function company(ctx: CastContext, name: string, size: number): CustomerPlan {
  const { rng } = ctx;
  const manager = randomPerson(rng);
  const founded = daysAgo(ctx, rng.int(500, 2500));
  const lines: LinePlan[] = [];
  for (let i = 0; i < size; i++) {
    const activatedAt = daytime(ctx, new Date(founded.getTime() + rng.int(0, 300) * DAY));
    const line = makeLine(ctx, {
      tariff: i === 0 || rng.chance(0.8) ? 'biznes' : 'moy-online',
      activatedAt,
      usage: { voiceFit: rng.float(0.4, 1.05), smsFit: rng.float(0.05, 0.3), dataFit: rng.float(0.2, 0.8) },
    });
    randomOptions(ctx, line);
    lines.push(line);
  }
  // Postpaid with room for two and a half months of fees: the invoice is paid early in the next month.
  const fees = lines.reduce((sum, l) => sum + (l.tariffs.at(-1)?.code === 'biznes' ? 600n : 550n) * RUB, 0n);
  const creditLimit = ((fees * 5n) / 2n / (1000n * RUB) + 1n) * 1000n * RUB;
  const account = makeAccount(ctx, lines, invoiceHabit(), { paymentType: 'postpaid', creditLimit });
  const login = phoneLogin(ctx, manager, lines, { loginAlerts: true });
  return {
    id: newId('customer', account.createdAt),
    kind: 'company',
    displayName: name,
    inn: companyInn(rng),
    email: `office${rng.int(1, 99)}@example.com`,
    person: manager,
    createdAt: account.createdAt,
    accounts: [account],
    logins: [{ ...login, displayName: `${fullName(manager)} (${name})` }],
    story: [],
  };
}

/** `count` customers: two companies (when there is room) and people. */
export function crowdCustomers(ctx: CastContext, count: number): CustomerPlan[] {
  const { rng } = ctx;
  const companies = count >= 6 ? 2 : 0;
  const people = count - companies;
  const pick = (n: number) => new Set(rng.sample([...Array(people).keys()], Math.min(n, people)));
  const negative = pick(3);
  const postpaid = pick(1);
  const home = pick(3);
  const english = pick(2);
  const out: CustomerPlan[] = [];
  for (let i = 0; i < people; i++) {
    out.push(
      person(ctx, {
        negative: negative.has(i) && !postpaid.has(i),
        postpaid: postpaid.has(i),
        home: home.has(i),
        english: english.has(i),
      }),
    );
  }
  const names = rng.sample(COMPANIES, companies);
  names.forEach((name, i) => {
    out.push(company(ctx, name, i === 0 ? rng.int(6, 9) : rng.int(3, 5)));
  });
  return out;
}
