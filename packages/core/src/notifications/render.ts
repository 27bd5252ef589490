import { isBonusNotice, renderBonusNotice } from '../bonuses/notice.ts';
import { formatRubles } from '../money.ts';
import type { NotificationEvent } from './events.ts';

/** Parameters a notification carries; money in kopecks as an integer, the rest as display strings. */
export type NotificationParams = Record<string, string | number>;

export interface RenderedNotification {
  title: string;
  body: string;
}

const rub = (params: NotificationParams, key: string) => {
  const value = params[key];
  return typeof value === 'number' ? `${formatRubles(BigInt(value))} ₽` : '';
};
const str = (params: NotificationParams, key: string) => {
  const value = params[key];
  return value === undefined ? '' : String(value);
};

type Template = (p: NotificationParams) => RenderedNotification;

/**
 * The line-status notices of charging (RATE-04 out of funds, the inactivity steps), sent as `low_balance` with a
 * `notice` parameter: each asks for a top-up, so they share the event (and its SMS-on default) the subscriber
 * chooses channels for, while the text says exactly what happened and by when (`date`, `balance`, `fee`).
 */
export const LINE_NOTICES = [
  'funds_out',
  'funds_blocked',
  'funds_unblocked',
  'inactivity_block_soon',
  'inactivity_fee_soon',
  'inactivity_close_soon',
  'inactivity_release_soon',
  'inactivity_blocked',
  'contract_closed',
] as const;
export type LineNotice = (typeof LINE_NOTICES)[number];

const isLineNotice = (value: unknown): value is LineNotice =>
  typeof value === 'string' && (LINE_NOTICES as readonly string[]).includes(value);

const RU_NOTICES: Record<LineNotice, Template> = {
  funds_out: (p) => ({
    title: 'Средства закончились',
    body: `Баланс ${rub(p, 'balance')}. Пополните счёт до ${str(p, 'date')}, иначе исходящая связь будет приостановлена.`,
  }),
  funds_blocked: (p) => ({
    title: 'Связь приостановлена',
    body: `Исходящая связь приостановлена: баланс ${rub(p, 'balance')}. Входящие звонки и SMS доступны. Пополните счёт — связь восстановится автоматически.`,
  }),
  funds_unblocked: (p) => ({
    title: 'Связь восстановлена',
    body: `Счёт пополнен, баланс ${rub(p, 'balance')}. Исходящая связь снова доступна.`,
  }),
  inactivity_block_soon: (p) => ({
    title: 'Неактивность',
    body: `Вы давно не пользовались платными услугами. С ${str(p, 'date')} исходящая связь будет приостановлена.`,
  }),
  inactivity_fee_soon: (p) => ({
    title: 'Неактивность',
    body: `Счёт давно не пополнялся. С ${str(p, 'date')} будет списываться ${rub(p, 'fee')} в день. Пополните счёт, чтобы избежать платы.`,
  }),
  inactivity_close_soon: (p) => ({
    title: 'Неактивность',
    body: `Баланс долго остаётся нулевым или отрицательным. ${str(p, 'date')} договор будет расторгнут. Пополните счёт.`,
  }),
  inactivity_release_soon: (p) => ({
    title: 'Номер закрыт',
    body: `До ${str(p, 'date')} его можно восстановить в офисе, затем номер будет передан другому абоненту.`,
  }),
  inactivity_blocked: () => ({
    title: 'Связь приостановлена',
    body: 'Исходящая связь приостановлена из-за неактивности. Пополните счёт, чтобы снова пользоваться связью.',
  }),
  contract_closed: () => ({
    title: 'Договор расторгнут',
    body: 'Баланс долго оставался нулевым или отрицательным. Номер можно восстановить в офисе в течение 2 месяцев.',
  }),
};

const EN_NOTICES: Record<LineNotice, Template> = {
  funds_out: (p) => ({
    title: 'Out of funds',
    body: `Balance: ${rub(p, 'balance')}. Top up by ${str(p, 'date')}, or outgoing service will be suspended.`,
  }),
  funds_blocked: (p) => ({
    title: 'Service suspended',
    body: `Outgoing service is suspended: balance ${rub(p, 'balance')}. Incoming calls and SMS still work. Top up and service resumes by itself.`,
  }),
  funds_unblocked: (p) => ({
    title: 'Service resumed',
    body: `Topped up, balance ${rub(p, 'balance')}. Outgoing service works again.`,
  }),
  inactivity_block_soon: (p) => ({
    title: 'Inactivity',
    body: `You have not used paid services for a long time. From ${str(p, 'date')} outgoing service will be suspended.`,
  }),
  inactivity_fee_soon: (p) => ({
    title: 'Inactivity',
    body: `No top-up for a long time. From ${str(p, 'date')} ${rub(p, 'fee')} a day will be charged. Top up to avoid the fee.`,
  }),
  inactivity_close_soon: (p) => ({
    title: 'Inactivity',
    body: `The balance has been zero or negative for a long time. On ${str(p, 'date')} the contract will end. Please top up.`,
  }),
  inactivity_release_soon: (p) => ({
    title: 'Number closed',
    body: `Until ${str(p, 'date')} the number can be restored at an office; then it goes to another subscriber.`,
  }),
  inactivity_blocked: () => ({
    title: 'Service suspended',
    body: 'Outgoing service is suspended for inactivity. Top up to use it again.',
  }),
  contract_closed: () => ({
    title: 'Contract ended',
    body: 'The balance stayed zero or negative for too long. The number can be restored at an office within 2 months.',
  }),
};

/**
 * PAY-04 autopay and PAY-09 low-balance notices: autopay results go as `top_ups` (the subscriber's choice of
 * channels for money arriving), the threshold notice as `low_balance`, each with a `notice` parameter. `card`
 * is a display string such as `Visa •• 4242`; `date` the retry time as read in the operator's zone.
 */
export const AUTOPAY_NOTICES = [
  'autopay_paid',
  'autopay_failed',
  'autopay_paused',
  'autopay_card_unusable',
  'low_balance_threshold',
] as const;
export type AutopayNotice = (typeof AUTOPAY_NOTICES)[number];

const isAutopayNotice = (value: unknown): value is AutopayNotice =>
  typeof value === 'string' && (AUTOPAY_NOTICES as readonly string[]).includes(value);

const RU_AUTOPAY: Record<AutopayNotice, Template> = {
  autopay_paid: (p) => ({
    title: 'Автоплатёж',
    body: `Автоплатёж ${rub(p, 'amount')} с карты ${str(p, 'card')} выполнен.`,
  }),
  autopay_failed: (p) => ({
    title: 'Автоплатёж не прошёл',
    body: `Не удалось списать ${rub(p, 'amount')} с карты ${str(p, 'card')}. Повторим ${str(p, 'date')}.`,
  }),
  autopay_paused: (p) => ({
    title: 'Автоплатёж приостановлен',
    body: `Автоплатёж ${rub(p, 'amount')} с карты ${str(p, 'card')} не прошёл после повторных попыток и приостановлен. Проверьте карту и включите его снова.`,
  }),
  autopay_card_unusable: (p) => ({
    title: 'Автоплатёж приостановлен',
    body: `Карту ${str(p, 'card')} сохранил прежний платёжный сервис, списать с неё больше нельзя, поэтому автоплатёж ${rub(p, 'amount')} приостановлен. Пополните баланс картой с отметкой «Сохранить карту» и создайте автоплатёж заново.`,
  }),
  low_balance_threshold: (p) => ({
    title: 'Баланс ниже порога',
    body: `На счёте ${rub(p, 'balance')} — меньше заданного порога ${rub(p, 'threshold')}. Пополните баланс.`,
  }),
};

const EN_AUTOPAY: Record<AutopayNotice, Template> = {
  autopay_paid: (p) => ({
    title: 'Autopay',
    body: `Autopay of ${rub(p, 'amount')} from card ${str(p, 'card')} done.`,
  }),
  autopay_failed: (p) => ({
    title: 'Autopay failed',
    body: `Could not charge ${rub(p, 'amount')} to card ${str(p, 'card')}. We will try again ${str(p, 'date')}.`,
  }),
  autopay_paused: (p) => ({
    title: 'Autopay paused',
    body: `Autopay of ${rub(p, 'amount')} from card ${str(p, 'card')} failed after the retries and is paused. Check the card and switch it on again.`,
  }),
  autopay_card_unusable: (p) => ({
    title: 'Autopay paused',
    body: `Card ${str(p, 'card')} was saved with our previous payment provider and can no longer be charged, so the autopay of ${rub(p, 'amount')} is paused. Top up by card with “Save card” ticked and set the autopay up again.`,
  }),
  low_balance_threshold: (p) => ({
    title: 'Balance below your threshold',
    body: `Balance: ${rub(p, 'balance')}, below your threshold of ${rub(p, 'threshold')}. Please top up.`,
  }),
};

/** A periodic fee (`fee`: the kind of `periodic_charges.item`, `code`: the tariff's or option's), as read. */
const FEES_RU: Record<string, (code: string) => string> = {
  tariff: (code) => `Абонентская плата по тарифу ${code}.`,
  option: (code) => `Плата за опцию ${code}.`,
  inactivity: () => 'Плата за неактивность номера.',
  suspension: () => 'Плата за добровольную блокировку.',
  promised: () => 'Погашение обещанного платежа.',
  transfer: (code) => `Мобильный перевод на номер ${code}.`,
};
const FEES_EN: Record<string, (code: string) => string> = {
  tariff: (code) => `Tariff ${code} fee.`,
  option: (code) => `Option ${code} fee.`,
  inactivity: () => 'Inactive number fee.',
  suspension: () => 'Voluntary suspension fee.',
  promised: () => 'Promised payment repaid.',
  transfer: (code) => `Mobile transfer to ${code}.`,
};

/** ACCESS-11: how the login was made (`method` of a `logins` notification), as the subscriber would say it. */
const LOGIN_METHODS_RU: Record<string, string> = {
  sms_code: 'код из SMS',
  password: 'пароль',
  passkey: 'ключ доступа',
  phone_confirm: 'подтверждение с телефона',
  enrichment: 'автоматический вход',
};
const LOGIN_METHODS_EN: Record<string, string> = {
  sms_code: 'SMS code',
  password: 'password',
  passkey: 'passkey',
  phone_confirm: 'confirmation on the phone',
  enrichment: 'automatic login',
};

const RU: Record<NotificationEvent, Template> = {
  charges: (p) =>
    isBonusNotice(p.notice)
      ? renderBonusNotice(p.notice, p, 'ru')
      : str(p, 'fee') === 'invoice'
        ? { title: 'Счёт', body: `Выставлен счёт за ${str(p, 'code')}: к оплате ${rub(p, 'amount')}.` }
        : {
            title: 'Списание',
            body: `Списано ${rub(p, 'amount')}. ${FEES_RU[str(p, 'fee')]?.(str(p, 'code')) ?? str(p, 'what')}`.trim(),
          },
  top_ups: (p) =>
    isBonusNotice(p.notice)
      ? renderBonusNotice(p.notice, p, 'ru')
      : isAutopayNotice(p.notice)
        ? RU_AUTOPAY[p.notice](p)
        : { title: 'Пополнение', body: `Баланс пополнен на ${rub(p, 'amount')}.` },
  low_balance: (p) =>
    isAutopayNotice(p.notice)
      ? RU_AUTOPAY[p.notice](p)
      : isLineNotice(p.notice)
        ? RU_NOTICES[p.notice](p)
        : { title: 'Баланс на исходе', body: `На счёте ${rub(p, 'balance')}. Пополните баланс.` },
  logins: (p) => ({
    title: 'Вход в Кабинет',
    body: `Выполнен вход: ${[str(p, 'time'), LOGIN_METHODS_RU[str(p, 'method')], str(p, 'device') || 'новое устройство'].filter(Boolean).join(', ')}. Если это не вы, смените пароль.`,
  }),
  promised_payment_due: (p) => ({
    title: 'Обещанный платёж',
    body: `Верните обещанный платёж ${rub(p, 'amount')} до ${str(p, 'due')}.`,
  }),
  report_ready: (p) => ({ title: 'Отчёт готов', body: `Отчёт «${str(p, 'report')}» готов.` }),
  chat_answer: (p) => ({ title: 'Ответ в чате', body: str(p, 'preview') || 'Поддержка ответила в чате.' }),
};

const EN: Record<NotificationEvent, Template> = {
  charges: (p) =>
    isBonusNotice(p.notice)
      ? renderBonusNotice(p.notice, p, 'en')
      : str(p, 'fee') === 'invoice'
        ? { title: 'Invoice', body: `Your invoice for ${str(p, 'code')} is out: ${rub(p, 'amount')} due.` }
        : {
            title: 'Charge',
            body: `Charged ${rub(p, 'amount')}. ${FEES_EN[str(p, 'fee')]?.(str(p, 'code')) ?? str(p, 'what')}`.trim(),
          },
  top_ups: (p) =>
    isBonusNotice(p.notice)
      ? renderBonusNotice(p.notice, p, 'en')
      : isAutopayNotice(p.notice)
        ? EN_AUTOPAY[p.notice](p)
        : { title: 'Top-up', body: `Your balance was topped up by ${rub(p, 'amount')}.` },
  low_balance: (p) =>
    isAutopayNotice(p.notice)
      ? EN_AUTOPAY[p.notice](p)
      : isLineNotice(p.notice)
        ? EN_NOTICES[p.notice](p)
        : { title: 'Low balance', body: `Balance: ${rub(p, 'balance')}. Please top up.` },
  logins: (p) => ({
    title: 'Kabinet login',
    body: `New login: ${[str(p, 'time'), LOGIN_METHODS_EN[str(p, 'method')], str(p, 'device') || 'a new device'].filter(Boolean).join(', ')}. If it was not you, change your password.`,
  }),
  promised_payment_due: (p) => ({
    title: 'Promised payment',
    body: `Repay the promised payment of ${rub(p, 'amount')} by ${str(p, 'due')}.`,
  }),
  report_ready: (p) => ({ title: 'Report ready', body: `Report "${str(p, 'report')}" is ready.` }),
  chat_answer: (p) => ({ title: 'Chat answer', body: str(p, 'preview') || 'Support answered in the chat.' }),
};

/** The text of a notification in a language; the same for every channel (an SMS gets `title: body`). */
export function renderNotification(
  event: NotificationEvent,
  params: NotificationParams,
  lang: 'ru' | 'en',
): RenderedNotification {
  return (lang === 'en' ? EN : RU)[event](params);
}
