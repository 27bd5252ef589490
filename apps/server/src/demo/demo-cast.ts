/**
 * The named demo subscribers: each one shows a part of the cabinet at its best. Anna is THE demo login (rich
 * dashboard, two lines, options, a content subscription, a tariff change); the others show a negative
 * balance, a blocked line, and a postpaid line next to a home-internet contract.
 */
import {
  type CastContext,
  changeTariff,
  connect,
  contractLogin,
  daysAgo,
  daytime,
  invoiceHabit,
  makeAccount,
  makeLine,
  olderStart,
  personCustomer,
  phoneLogin,
  recentStart,
  regularHabit,
} from './cast-kit.ts';
import type { PersonName } from './names.ts';
import type { CustomerPlan, StoryItem } from './plan.ts';

export const DEMO_LOGIN = '+79161234567';

/** The demo login first, then the other numbers worth opening. */
const NEGATIVE_PHONE = '+79801112233';
const BLOCKED_PHONE = '+79153334455';
const POSTPAID_PHONE = '+79857778899';
export const DEMO_PHONES = [DEMO_LOGIN, NEGATIVE_PHONE, BLOCKED_PHONE, POSTPAID_PHONE];

const RUB = 100n;

function person(first: string, last: string, gender: PersonName['gender']): PersonName {
  return { first, last, gender };
}

function anna(ctx: CastContext): CustomerPlan {
  const who = person('Анна', 'Смирнова', 'female');
  const main = makeLine(ctx, {
    msisdn: DEMO_LOGIN,
    tariff: 'bezlimit-2019',
    activatedAt: daytime(ctx, daysAgo(ctx, 2350)),
    usage: { voiceFit: 0.55, smsFit: 0.3, dataFit: 0.65, intlShare: 0 },
  });
  // Moved off the archived 2019 plan during the history: the journal and requests show the change.
  changeTariff(ctx, main, 'moy-online', 'web');
  connect(main, 'messengers', olderStart(ctx, main), null, 'web');
  connect(main, 'caller-id-plus', olderStart(ctx, main), null, 'ussd');
  connect(main, 'internet-5gb', daytime(ctx, daysAgo(ctx, 9)), null, 'web');
  connect(main, 'content-horoscope', daytime(ctx, daysAgo(ctx, 38)), null, 'web');
  const jokesFrom = daytime(ctx, daysAgo(ctx, 74));
  connect(main, 'content-jokes', jokesFrom, daytime(ctx, daysAgo(ctx, 66)), 'web');

  const child = makeLine(ctx, {
    msisdn: '+79161234568',
    tariff: 'detsky',
    activatedAt: daytime(ctx, daysAgo(ctx, 930)),
    usage: { voiceFit: 0.4, smsFit: 0.5, dataFit: 0.8, intlShare: 0 },
  });
  connect(child, 'blacklist', olderStart(ctx, child), null, 'web');
  connect(child, 'antispam', olderStart(ctx, child), null, 'web');

  const own = makeAccount(
    ctx,
    [main],
    regularHabit(ctx, {
      intervalDays: [26, 32],
      buffer: [100n * RUB, 200n * RUB],
      roundTo: 100n * RUB,
      sources: [
        ['card', 0.85],
        ['voucher', 0.15],
      ],
      targetBalance: 475n * RUB,
    }),
    { lowBalanceThreshold: 100n * RUB },
  );
  const childAccount = makeAccount(
    ctx,
    [child],
    regularHabit(ctx, {
      intervalDays: [8, 14],
      buffer: [50n * RUB, 100n * RUB],
      roundTo: 50n * RUB,
      sources: [['card', 1]],
      targetBalance: 160n * RUB,
    }),
    { lowBalanceThreshold: 50n * RUB },
  );
  const login = phoneLogin(ctx, who, [main, child], { loginAlerts: true });
  return personCustomer(who, 'anna.smirnova@example.com', [own, childAccount], [login]);
}

function dmitry(ctx: CastContext): CustomerPlan {
  const who = person('Дмитрий', 'Козлов', 'male');
  const line = makeLine(ctx, {
    msisdn: NEGATIVE_PHONE,
    tariff: 'dlya-smartfona',
    activatedAt: daytime(ctx, daysAgo(ctx, 1400)),
    usage: { voiceFit: 0.5, smsFit: 0.1, dataFit: 0.75, intlShare: 0 },
  });
  connect(line, 'video', olderStart(ctx, line), null, 'web');
  // A daily content subscription he never noticed: it keeps draining the balance after he stopped paying.
  connect(line, 'content-jokes', daytime(ctx, daysAgo(ctx, 50)), null, 'web');
  const account = makeAccount(
    ctx,
    [line],
    regularHabit(ctx, {
      intervalDays: [6, 12],
      buffer: [50n * RUB, 100n * RUB],
      sources: [
        ['card', 0.6],
        ['cash', 0.4],
      ],
      targetBalance: -180n * RUB,
      stopAt: daysAgo(ctx, 26),
    }),
  );
  const rejectedAt = daytime(ctx, daysAgo(ctx, 2));
  const story: StoryItem[] = [
    {
      line,
      kind: 'promised_payment',
      status: 'rejected',
      payload: { amount: 30000 },
      events: [
        { status: 'accepted', at: rejectedAt, note: '' },
        {
          status: 'rejected',
          at: new Date(rejectedAt.getTime() + 2000),
          note: 'Баланс ниже порога, при котором доступен обещанный платёж',
        },
      ],
    },
  ];
  return personCustomer(who, null, [account], [phoneLogin(ctx, who, [line])], story);
}

function olga(ctx: CastContext): CustomerPlan {
  const who = person('Ольга', 'Новикова', 'female');
  const line = makeLine(ctx, {
    msisdn: BLOCKED_PHONE,
    tariff: 'premium',
    activatedAt: daytime(ctx, daysAgo(ctx, 1800)),
    usage: { voiceFit: 0.35, smsFit: 0.1, dataFit: 0.35, intlShare: 0.05 },
  });
  connect(line, 'roaming-abroad-day', olderStart(ctx, line), null, 'web');
  connect(line, 'voicemail', olderStart(ctx, line), null, 'ussd');
  line.trips.push({
    zone: 'popular',
    from: daytime(ctx, daysAgo(ctx, 47), 5, 8),
    to: daytime(ctx, daysAgo(ctx, 40), 18, 22),
  });
  // Lost her phone three days ago and blocked the number at once (SVC-09); the balance is kept.
  const blockedAt = daytime(ctx, daysAgo(ctx, 3), 20, 23);
  line.status = 'blocked';
  line.blockedAt = blockedAt;
  const account = makeAccount(
    ctx,
    [line],
    regularHabit(ctx, {
      intervalDays: [6, 10],
      buffer: [300n * RUB, 600n * RUB],
      sources: [['card', 1]],
      targetBalance: 1250n * RUB,
      stopAt: blockedAt,
    }),
  );
  const story: StoryItem[] = [
    {
      line,
      kind: 'sim_block',
      status: 'done',
      payload: { reason: 'lost' },
      events: [
        { status: 'accepted', at: blockedAt, note: '' },
        {
          status: 'done',
          at: new Date(blockedAt.getTime() + 40_000),
          note: 'Номер заблокирован, баланс сохранён',
        },
      ],
      journal: { action: 'line.blocked', channel: 'web', at: blockedAt, details: { reason: 'lost' } },
    },
    {
      line,
      kind: 'sim_replacement',
      status: 'in_progress',
      payload: { office: 'Москва, ул. Тверская, 7', esim: false },
      events: [
        { status: 'accepted', at: new Date(blockedAt.getTime() + 600_000), note: '' },
        {
          status: 'in_progress',
          at: daytime(ctx, daysAgo(ctx, 2)),
          note: 'Новая SIM-карта будет готова в офисе на Тверской, 7',
        },
      ],
    },
  ];
  return personCustomer(who, 'o.novikova@example.org', [account], [phoneLogin(ctx, who, [line])], story);
}

function sergeyAndMother(ctx: CastContext): CustomerPlan[] {
  const mother = person('Галина', 'Волкова', 'female');
  const motherLine = makeLine(ctx, {
    tariff: 'posekundny',
    activatedAt: daytime(ctx, daysAgo(ctx, 3100)),
    usage: { voiceFit: 1, smsFit: 0.2, dataFit: 0, intlShare: 0 },
  });
  const motherAccount = makeAccount(ctx, [motherLine], regularHabit(ctx, { sources: [['cash', 1]] }));
  const motherCustomer = personCustomer(
    mother,
    null,
    [motherAccount],
    [phoneLogin(ctx, mother, [motherLine])],
  );

  const who = person('Сергей', 'Волков', 'male');
  const line = makeLine(ctx, {
    msisdn: POSTPAID_PHONE,
    tariff: 'konstruktor',
    activatedAt: daytime(ctx, daysAgo(ctx, 1100)),
    usage: { voiceFit: 0.8, smsFit: 0.4, dataFit: 0.7, intlShare: 0 },
  });
  connect(line, 'sms-100', olderStart(ctx, line), null, 'web');
  connect(line, 'roaming-russia', olderStart(ctx, line), null, 'web');
  connect(line, 'favourite-number', recentStart(ctx, line), null, 'web');
  const home = makeLine(ctx, {
    kind: 'home_internet',
    tariff: 'home-100',
    activatedAt: daytime(ctx, daysAgo(ctx, 700)),
  });
  const mobileAccount = makeAccount(ctx, [line], invoiceHabit(), {
    paymentType: 'postpaid',
    creditLimit: 3000n * RUB,
  });
  const homeAccount = makeAccount(
    ctx,
    [home],
    regularHabit(ctx, {
      intervalDays: [28, 31],
      sources: [
        ['bank', 0.5],
        ['card', 0.5],
      ],
      targetBalance: 320n * RUB,
    }),
  );
  const askedAt = daytime(ctx, daysAgo(ctx, 1));
  const story: StoryItem[] = [
    {
      line: home,
      kind: 'speed_increase',
      status: 'accepted',
      payload: { from: 'home-100', to: 'home-500' },
      events: [
        { status: 'accepted', at: askedAt, note: 'Переход на 500 Мбит/с с начала следующего периода' },
      ],
      journal: {
        action: 'request.created',
        channel: 'web',
        at: askedAt,
        details: { kind: 'speed_increase', from: 'home-100', to: 'home-500' },
      },
    },
  ];
  const logins = [
    // He looks after his mother's number from his own cabinet (LINES-01, linked with her code).
    phoneLogin(ctx, who, [line, home], { linked: [motherLine] }),
    contractLogin(ctx, who, home),
  ];
  const sergey = personCustomer(who, 'volkov.s@example.net', [mobileAccount, homeAccount], logins, story);
  return [sergey, motherCustomer];
}

export function demoCustomers(ctx: CastContext): CustomerPlan[] {
  return [anna(ctx), dmitry(ctx), olga(ctx), ...sergeyAndMother(ctx)];
}
