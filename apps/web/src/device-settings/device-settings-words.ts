/** Words of the device settings screen (SVC-12), the `t.deviceSettings` section: Russian first, English typed after it. */
export const deviceSettingsRu = {
  title: 'Настройки телефона',
  intro: 'Пришлём настройки интернета и MMS в SMS на ваш номер — их останется сохранить в телефоне.',
  device: 'Ваш телефон',
  devices: { android: 'Android', iphone: 'iPhone', other: 'Другой телефон' },
  deviceHints: {
    android: 'В SMS — где в настройках Android создать точку доступа и что в неё вписать.',
    iphone:
      'Обычно iPhone получает настройки сам вместе с обновлением настроек оператора. Если интернет не работает — пришлём их в SMS.',
    other: 'Пришлём параметры точки доступа — их нужно ввести в настройках сотовой сети.',
  },
  items: 'Что прислать',
  itemNames: { internet: 'Интернет', mms: 'MMS' },
  itemsRequired: 'Выберите хотя бы одно: интернет или MMS.',
  recipient: (phone: string) => `SMS придёт на номер ${phone}.`,
  limit: (limit: number, used: number) => `Не больше ${limit} отправок в час. За последний час: ${used}.`,
  nextAt: (time: string) => `Следующая отправка возможна в ${time}.`,
  send: 'Отправить настройки',
  sending: 'Отправляем…',
  sent: (phone: string) => `Настройки отправлены на ${phone}. SMS придёт в течение минуты.`,
  notActive: 'Номер заблокирован или приостановлен — SMS с настройками на него не придёт.',
  notMobile: 'Настройки отправляются только на мобильные номера.',
  tooOften: (limit: number, wait: string) =>
    `Настройки можно отправлять не больше ${limit} раз в час. Попробуйте через ${wait}.`,
  partial: 'Отправлять настройки можно только при полном доступе.',
};

export const deviceSettingsEn: typeof deviceSettingsRu = {
  title: 'Phone settings',
  intro: 'We text internet and MMS settings to your number — you then save them on the phone.',
  device: 'Your phone',
  devices: { android: 'Android', iphone: 'iPhone', other: 'Another phone' },
  deviceHints: {
    android: 'The SMS says where in Android settings to add an access point and what to enter.',
    iphone:
      'An iPhone usually gets the settings itself with a carrier settings update. If the internet does not work, we will text them.',
    other: 'We will text the access point parameters to enter in the mobile network settings.',
  },
  items: 'What to send',
  itemNames: { internet: 'Internet', mms: 'MMS' },
  itemsRequired: 'Choose at least one: internet or MMS.',
  recipient: (phone: string) => `The SMS goes to ${phone}.`,
  limit: (limit: number, used: number) => `At most ${limit} sends an hour. In the last hour: ${used}.`,
  nextAt: (time: string) => `The next send is possible at ${time}.`,
  send: 'Send settings',
  sending: 'Sending…',
  sent: (phone: string) => `Settings sent to ${phone}. The SMS arrives within a minute.`,
  notActive: 'The number is blocked or suspended, so the settings SMS would not reach it.',
  notMobile: 'Settings are sent to mobile numbers only.',
  tooOften: (limit: number, wait: string) =>
    `Settings can be sent at most ${limit} times an hour. Try again in ${wait}.`,
  partial: 'Sending settings needs full access.',
};
