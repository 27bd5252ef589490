import { pluralRu } from './plural';

/**
 * The Russian dictionary is the source of truth: `en` is typed as `typeof ru`, so a key added here and
 * forgotten there fails the type check. Phrases that embed numbers are functions, so word order and plural
 * forms stay the translator's business rather than the component's.
 */
export const ru = {
  /** BCP 47 locale for Intl formatting of numbers, money and dates. */
  locale: 'ru-RU',
  common: {
    appName: 'Кабинет',
    skipToContent: 'Перейти к содержимому',
    loading: 'Загрузка…',
    retry: 'Повторить',
    soon: 'Скоро',
  },
  header: {
    home: 'Кабинет — на главную',
    /** Label of the language toggle: it names the language it switches to, in that language. */
    switchLang: 'Switch to English',
    switchLangShort: 'EN',
    switchLangCode: 'en',
    logout: 'Выйти',
    logoutFailed: 'Не удалось выйти: нет связи с сервером. Попробуйте ещё раз.',
  },
  login: {
    title: 'Вход в кабинет',
    phoneIntro: 'Введите номер телефона — пришлём SMS с кодом.',
    phoneLabel: 'Номер телефона',
    phonePlaceholder: '+7 912 345-67-89',
    publicComputer: 'Чужой компьютер',
    publicComputerHint: 'Не запоминать вход: сеанс закончится, когда вы закроете браузер.',
    sendCode: 'Получить код',
    sending: 'Отправляем…',
    codeTitle: 'Введите код из SMS',
    codeSentTo: 'Код отправлен на номер',
    codeLabel: 'Код из SMS',
    codeValidFor: (time: string) => `Код действует ${time}.`,
    verify: 'Войти',
    verifying: 'Проверяем…',
    resend: 'Отправить код ещё раз',
    resendIn: (time: string) => `Отправить код ещё раз через ${time}`,
    codeResent: 'Новый код отправлен.',
    changeNumber: 'Изменить номер',
  },
  errors: {
    invalidPhone: 'Проверьте номер: нужен номер мобильного телефона, например +7 912 345-67-89.',
    phoneRequired: 'Введите номер телефона.',
    invalidCodeFormat: 'Код — это 6 цифр из SMS.',
    invalidCode: (attemptsLeft: number) =>
      `Неверный код. ${pluralRu(attemptsLeft, 'Осталась', 'Осталось', 'Осталось')} ${attemptsLeft} ${pluralRu(attemptsLeft, 'попытка', 'попытки', 'попыток')}.`,
    invalidCodeNoCount: 'Неверный код.',
    codeExpired: 'Срок действия кода истёк. Запросите новый код.',
    loginLocked: (until: string) => `Слишком много неверных попыток. Вход заблокирован до ${until}.`,
    loginLockedNoTime: 'Слишком много неверных попыток. Вход временно заблокирован.',
    rateLimited: (wait: string) => `Слишком много запросов. Попробуйте через ${wait}.`,
    rateLimitedNoTime: 'Слишком много запросов. Попробуйте немного позже.',
    network: 'Нет связи с сервером. Проверьте интернет и попробуйте ещё раз.',
    generic: 'Что-то пошло не так. Попробуйте ещё раз.',
  },
  time: {
    seconds: (n: number) => `${n} ${pluralRu(n, 'секунду', 'секунды', 'секунд')}`,
    minutes: (n: number) => `${n} ${pluralRu(n, 'минуту', 'минуты', 'минут')}`,
    hours: (n: number) => `${n} ${pluralRu(n, 'час', 'часа', 'часов')}`,
  },
  units: { min: 'мин', sms: 'SMS', mb: 'МБ', gb: 'ГБ' },
  dashboard: {
    title: 'Главная',
    lineSwitcher: 'Номер',
    contract: (contractNumber: string) => `Договор № ${contractNumber}`,
    kind: {
      mobile: 'Мобильная связь',
      home_internet: 'Домашний интернет',
      tv: 'Телевидение',
      home_phone: 'Домашний телефон',
    },
    status: {
      active: 'Активен',
      blocked: 'Заблокирован',
      suspended: 'Приостановлен',
      closed: 'Закрыт',
    },
    partialAccess: 'Ограниченный доступ',
    balance: 'Баланс',
    creditLimit: (amount: string) => `Кредитный лимит ${amount}`,
    nextCharge: 'Следующее списание',
    nextChargeValue: (date: string, amount: string) => `${date} — ${amount}`,
    tariff: 'Тариф',
    noTariff: 'Тариф не подключён',
    fee: { day: (amount: string) => `${amount} / день`, month: (amount: string) => `${amount} / мес` },
    packages: 'Остатки',
    noPackages: 'На этом номере нет пакетов минут, SMS и интернета.',
    remainingOf: (remaining: string, total: string) => `осталось ${remaining} из ${total}`,
    renews: (date: string) => `Обновится ${date}`,
    quickActions: 'Быстрые действия',
    actions: {
      topUp: 'Пополнить',
      promisedPayment: 'Обещанный платёж',
      changeTariff: 'Сменить тариф',
      details: 'Детализация',
      chat: 'Чат',
    },
    warningsTitle: 'Предупреждения',
    warnings: {
      low_balance: 'На счёте мало денег. Пополните баланс, чтобы оставаться на связи.',
      negative_balance: 'Баланс отрицательный. Пополните счёт, чтобы погасить задолженность.',
      blocked: 'Номер заблокирован. Пополните баланс или обратитесь в поддержку.',
    },
    noLines: 'К вашему входу пока не привязан ни один номер или договор.',
    loadFailed: 'Не удалось загрузить данные.',
  },
  virtualPhone: {
    title: 'Виртуальный телефон',
    badge: 'ДЕМО',
    show: 'Показать виртуальный телефон',
    hide: 'Скрыть виртуальный телефон',
    numberLabel: 'Номер телефона',
    typedNumber: (phone: string) => `${phone} — введён при входе`,
    useNumber: 'Подставить номер во вход',
    inbox: 'Входящие SMS',
    empty: 'Сообщений пока нет. Запросите код входа — SMS придёт сюда.',
    offline: 'Нет связи с сервером, пробуем снова…',
    unread: (n: number) => `${n} ${pluralRu(n, 'новое', 'новых', 'новых')}`,
  },
  notFound: {
    title: 'Страница не найдена',
    text: 'Такой страницы нет. Возможно, ссылка устарела.',
    home: 'На главную',
  },
};

export type Dictionary = typeof ru;
