import type { PromisedRefusal } from '../api/promised-api';

/** What a refusal's wording may mention: days of service and needed, money already formatted. */
export interface RefusalFacts {
  tenureDays: number;
  minTenureDays: number;
  average: string;
  needed: string;
}

/**
 * Words of the promised payment screens (issue 6, slice P), a top-level section of the dictionaries (`t.promised`):
 * Russian is the source, English is typed after it, so a key forgotten in one fails the type check.
 */
export const promisedRu = {
  title: 'Обещанный платёж',
  intro: (days: number) =>
    `Деньги на баланс сразу, когда пополнить пока нельзя. Через ${days} дн. сумма спишется автоматически.`,
  chooseTitle: 'Выберите сумму',
  free: 'без комиссии',
  fee: (fee: string) => `комиссия ${fee}`,
  dueOn: (date: string) => `Спишется ${date}`,
  take: 'Взять',
  confirmTitle: (amount: string) => `Взять обещанный платёж ${amount}?`,
  confirmCredit: (amount: string) => `Зачислим сразу: ${amount}`,
  confirmFee: (fee: string) => `Комиссия: ${fee}, спишется сейчас`,
  confirmDue: (amount: string, date: string) =>
    `${date} спишем ${amount} автоматически, даже если баланс уйдёт в минус.`,
  confirm: 'Взять',
  taking: 'Зачисляем…',
  done: (amount: string, date: string) => `Зачислено ${amount}. Спишется ${date}.`,
  activeTitle: 'Обещанный платёж взят',
  activeAmount: (amount: string) => `Сумма: ${amount}`,
  activeDue: (date: string) => `Спишется автоматически ${date}`,
  activeHint: 'Пополните баланс до этого дня, чтобы номер не заблокировался.',
  balance: (amount: string) => `Баланс: ${amount}`,
  unavailableTitle: 'Сейчас обещанный платёж недоступен',
  refusals: {
    postpaid: (_f: RefusalFacts) => 'Обещанный платёж — только для авансовой системы расчётов.',
    line_closed: (_f: RefusalFacts) => 'Номер закрыт.',
    line_blocked: (_f: RefusalFacts) =>
      'Номер заблокирован или приостановлен не из-за долга. Снимите блокировку.',
    tenure_too_short: (f: RefusalFacts) =>
      `Номер должен обслуживаться не меньше ${f.minTenureDays} дн., сейчас — ${f.tenureDays} дн.`,
    low_top_ups: (f: RefusalFacts) =>
      `Мало пополнений: в среднем ${f.average} в месяц за последние 3 месяца, нужно от ${f.needed}.`,
    unpaid_promised: (_f: RefusalFacts) => 'Сначала должен списаться прошлый обещанный платёж.',
  } satisfies Record<PromisedRefusal, (f: RefusalFacts) => string>,
  onDashboard: 'Обещанный платёж',
  onDashboardValue: (amount: string, date: string) => `${amount}, спишется ${date}`,
};

export const promisedEn: typeof promisedRu = {
  title: 'Promised payment',
  intro: (days: number) =>
    `Money on your balance at once when you cannot top up yet. It is debited automatically after ${days} days.`,
  chooseTitle: 'Choose the amount',
  free: 'no fee',
  fee: (fee: string) => `fee ${fee}`,
  dueOn: (date: string) => `Debited on ${date}`,
  take: 'Take',
  confirmTitle: (amount: string) => `Take a promised payment of ${amount}?`,
  confirmCredit: (amount: string) => `Credited now: ${amount}`,
  confirmFee: (fee: string) => `Fee: ${fee}, debited now`,
  confirmDue: (amount: string, date: string) =>
    `On ${date} we debit ${amount} automatically, even if the balance goes negative.`,
  confirm: 'Take it',
  taking: 'Crediting…',
  done: (amount: string, date: string) => `${amount} credited. Debited on ${date}.`,
  activeTitle: 'Promised payment taken',
  activeAmount: (amount: string) => `Amount: ${amount}`,
  activeDue: (date: string) => `Debited automatically on ${date}`,
  activeHint: 'Top up before then so the number is not blocked.',
  balance: (amount: string) => `Balance: ${amount}`,
  unavailableTitle: 'A promised payment is not available now',
  refusals: {
    postpaid: (_f: RefusalFacts) => 'Promised payments are for prepaid lines only.',
    line_closed: (_f: RefusalFacts) => 'The number is closed.',
    line_blocked: (_f: RefusalFacts) =>
      'The number is blocked or suspended for a reason other than debt. Lift the block first.',
    tenure_too_short: (f: RefusalFacts) =>
      `The number must be served at least ${f.minTenureDays} days; it has been ${f.tenureDays}.`,
    low_top_ups: (f: RefusalFacts) =>
      `Too few top-ups: ${f.average} a month on average over the last 3 months; ${f.needed} needed.`,
    unpaid_promised: (_f: RefusalFacts) => 'The previous promised payment must be debited first.',
  },
  onDashboard: 'Promised payment',
  onDashboardValue: (amount: string, date: string) => `${amount}, debited on ${date}`,
};
