/**
 * PAY-05 over USSD `*106#`: the words (RU/EN, short: 182 characters a screen) and the dialogue, a pure function
 * of the choices the gateway repeats on every step (offers → chosen amount → 1 take / 2 cancel).
 */
import type { PromisedRefusal } from './eligibility.ts';

export const PROMISED_USSD_TEXTS = {
  ru: {
    offersTitle: (days: number) => `Обещанный платёж на ${days} дн.:`,
    option: (n: number, amount: string, fee: string | null) =>
      `${n} ${amount} руб.${fee ? ` +${fee} комиссия` : ''}`,
    confirm: (amount: string, fee: string | null, due: string) =>
      `Зачислим ${amount} руб.${fee ? `, комиссия ${fee} руб.` : ''} Спишем ${amount} руб. ${due}.`,
    confirmChoices: '1 Взять\n2 Отмена',
    taken: (amount: string, due: string) => `Зачислено ${amount} руб. Обещанный платёж спишется ${due}.`,
    active: (amount: string, due: string) => `Обещанный платёж ${amount} руб. спишется ${due}.`,
    upTo: (amount: string) => `Обещанный платёж до ${amount} руб. Наберите *106#.`,
    refused: 'Обещанный платёж недоступен:',
    refusals: {
      postpaid: 'только для авансовой системы расчётов.',
      line_closed: 'номер закрыт.',
      line_blocked: 'номер заблокирован.',
      tenure_too_short: (days: number) => `номер обслуживается меньше ${days} дн.`,
      low_top_ups: 'мало пополнений за 3 месяца.',
      unpaid_promised: 'есть непогашенный обещанный платёж.',
    },
  },
  en: {
    offersTitle: (days: number) => `Promised payment for ${days} days:`,
    option: (n: number, amount: string, fee: string | null) =>
      `${n} ${amount} RUB${fee ? ` +${fee} fee` : ''}`,
    confirm: (amount: string, fee: string | null, due: string) =>
      `You get ${amount} RUB${fee ? `, fee ${fee} RUB` : ''}. We debit ${amount} RUB on ${due}.`,
    confirmChoices: '1 Take it\n2 Cancel',
    taken: (amount: string, due: string) =>
      `${amount} RUB credited. The promised payment is debited on ${due}.`,
    active: (amount: string, due: string) => `Promised payment of ${amount} RUB is debited on ${due}.`,
    upTo: (amount: string) => `Promised payment up to ${amount} RUB. Dial *106#.`,
    refused: 'Promised payment unavailable:',
    refusals: {
      postpaid: 'prepaid lines only.',
      line_closed: 'the number is closed.',
      line_blocked: 'the number is blocked.',
      tenure_too_short: (days: number) => `the number is served less than ${days} days.`,
      low_top_ups: 'too few top-ups in 3 months.',
      unpaid_promised: 'a promised payment is unpaid.',
    },
  },
} as const;

/** The wording of a refusal on USSD (`minTenureDays` fills the tenure one). */
export function promisedUssdRefusal(lang: 'ru' | 'en', code: PromisedRefusal, minTenureDays: number): string {
  const word = PROMISED_USSD_TEXTS[lang].refusals[code];
  return typeof word === 'function' ? word(minTenureDays) : word;
}

/** Where a `*106#` dialogue stands after its choices. `index` is the 0-based chosen option. */
export type PromisedUssdStep =
  | { step: 'offers'; invalid: boolean }
  | { step: 'confirm'; index: number; invalid: boolean }
  | { step: 'take'; index: number }
  | { step: 'cancel' };

/**
 * Walks the `*106#` dialogue: the first choice picks one of `optionCount` amounts (a wrong one shows them again),
 * the second answers 1 take / 2 cancel (anything else asks again). Choices after the answer are ignored.
 */
export function walkPromisedUssd(choices: readonly string[], optionCount: number): PromisedUssdStep {
  let step: PromisedUssdStep = { step: 'offers', invalid: false };
  for (const choice of choices) {
    if (step.step === 'offers') {
      const n = Number(choice);
      step =
        n >= 1 && n <= optionCount
          ? { step: 'confirm', index: n - 1, invalid: false }
          : { step: 'offers', invalid: true };
    } else if (step.step === 'confirm') {
      if (choice === '1') return { step: 'take', index: step.index };
      if (choice === '2') return { step: 'cancel' };
      step = { step: 'confirm', index: step.index, invalid: true };
    }
  }
  return step;
}
