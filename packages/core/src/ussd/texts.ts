/** Every word the USSD application says, in Russian (the default) and English. Short on purpose: 182 chars. */
export type UssdLang = 'ru' | 'en';

export const USSD_TEXTS = {
  ru: {
    balance: (amount: string) => `Баланс: ${amount} руб.`,
    creditLimit: (amount: string) => `Кредитный лимит: ${amount} руб.`,
    menuTitle: 'Кабинет',
    menuItems: ['1 Баланс', '2 Остатки пакетов', '3 Тариф', '4 Обещанный платёж', '5 Последние списания'],
    invalidChoice: 'Нет такого пункта.',
    back: '0 Меню',
    packagesTitle: 'Остатки:',
    noPackages: 'Пакетов нет.',
    units: { min: 'мин', sms: 'SMS', mb: 'МБ' },
    tariff: (name: string) => `Тариф «${name}»`,
    tariffFee: (amount: string, period: 'day' | 'month') =>
      `Абонентская плата: ${amount} руб./${period === 'day' ? 'сутки' : 'мес.'}`,
    chargesTitle: 'Последние списания:',
    noCharges: 'Списаний не было.',
    newPasswordAsk:
      'Новый пароль от Кабинета придёт по SMS, старый перестанет действовать.\n1 Получить\n2 Отмена',
    newPasswordSent: 'Новый пароль отправлен по SMS.',
    cancelled: 'Отменено.',
    emailDetalizationBanned: 'Заказ детализации на email запрещён. Снять запрет можно в Кабинете.',
    emailDetalizationAlready: 'Заказ детализации на email уже запрещён.',
    promptAsk: 'Вход в Кабинет с другого устройства.\n1 Подтвердить\n2 Отклонить',
    promptConfirmed: 'Вход подтверждён.',
    promptDeclined: 'Вход отклонён.',
    promptExpired: 'Время на ответ истекло. Запросите вход ещё раз.',
    unknownNumber: 'Номер не обслуживается в Кабинете.',
    malformed: 'Запрос не понят. Попробуйте ещё раз.',
    unavailable: 'Сервис временно недоступен. Попробуйте позже.',
  },
  en: {
    balance: (amount: string) => `Balance: ${amount} RUB`,
    creditLimit: (amount: string) => `Credit limit: ${amount} RUB`,
    menuTitle: 'Kabinet',
    menuItems: ['1 Balance', '2 Packages left', '3 Tariff', '4 Promised payment', '5 Last charges'],
    invalidChoice: 'No such item.',
    back: '0 Menu',
    packagesTitle: 'Left:',
    noPackages: 'No packages.',
    units: { min: 'min', sms: 'SMS', mb: 'MB' },
    tariff: (name: string) => `Tariff "${name}"`,
    tariffFee: (amount: string, period: 'day' | 'month') =>
      `Fee: ${amount} RUB/${period === 'day' ? 'day' : 'month'}`,
    chargesTitle: 'Last charges:',
    noCharges: 'No charges yet.',
    newPasswordAsk: 'A new Kabinet password will come by SMS; the old one stops working.\n1 Get it\n2 Cancel',
    newPasswordSent: 'A new password was sent by SMS.',
    cancelled: 'Cancelled.',
    emailDetalizationBanned: 'Ordering detalization by email is now banned. Lift the ban in Kabinet.',
    emailDetalizationAlready: 'Ordering detalization by email is already banned.',
    promptAsk: 'Kabinet login from another device.\n1 Confirm\n2 Decline',
    promptConfirmed: 'Login confirmed.',
    promptDeclined: 'Login declined.',
    promptExpired: 'Too late to answer. Ask to log in again.',
    unknownNumber: 'This number is not served by Kabinet.',
    malformed: 'Request not understood. Please try again.',
    unavailable: 'Service temporarily unavailable. Please try later.',
  },
} as const;

/** The subscriber's language, falling back to Russian for anything else. */
export function ussdLang(value: string | null | undefined): UssdLang {
  return value === 'en' ? 'en' : 'ru';
}
