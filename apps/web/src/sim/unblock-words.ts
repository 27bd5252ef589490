/**
 * Words of SVC-09 unblocking after a loss, a top-level section of the dictionaries (`t.simUnblock`): Russian is
 * the source, English is typed after it.
 */
export const simUnblockRu = {
  title: 'Разблокировать по коду',
  hint: (contact: string) =>
    `Нашли SIM-карту? Пришлём код на резервный номер ${contact} — введите его, и номер снова заработает.`,
  send: 'Получить код',
  sending: 'Отправляем…',
  sent: (contact: string, time: string) => `Код отправлен на ${contact}. Он действует до ${time}.`,
  resend: 'Прислать новый код',
  code: 'Код из SMS',
  unblock: 'Разблокировать',
  working: 'Проверяем…',
  done: 'Номер разблокирован и снова работает.',
  noContact:
    'Разблокировать по коду можно, если в настройках безопасности указан резервный номер — не этот. Иначе — в офисе с паспортом.',
  securityLink: 'Настройки безопасности',
  errors: {
    invalidCode: (left: number) => `Неверный код. Осталось попыток: ${left}.`,
    expired: 'Срок действия кода истёк. Запросите новый.',
    burnt: 'Слишком много неверных попыток: код больше не действует. Запросите новый.',
    noCode: 'Сначала запросите код.',
    tooManyCodes: 'Сегодня отправлено слишком много кодов. Попробуйте завтра или обратитесь в офис.',
    officeOnly: 'Разблокировать номер можно только в офисе с паспортом.',
    noContact: 'Нет резервного номера для кода. Укажите его в настройках безопасности или обратитесь в офис.',
    notBlocked: 'Номер не заблокирован.',
    format: 'Введите 6 цифр из SMS.',
  },
};

export const simUnblockEn: typeof simUnblockRu = {
  title: 'Unblock with a code',
  hint: (contact: string) =>
    `Found your SIM? We will text a code to your recovery number ${contact} — enter it and the line works again.`,
  send: 'Get a code',
  sending: 'Sending…',
  sent: (contact: string, time: string) => `Code sent to ${contact}. It works until ${time}.`,
  resend: 'Send a new code',
  code: 'Code from the SMS',
  unblock: 'Unblock',
  working: 'Checking…',
  done: 'The line is unblocked and works again.',
  noContact:
    'Unblocking with a code needs a recovery number (not this one) in your security settings. Otherwise, in an office with your ID.',
  securityLink: 'Security settings',
  errors: {
    invalidCode: (left: number) => `Wrong code. Attempts left: ${left}.`,
    expired: 'The code has expired. Ask for a new one.',
    burnt: 'Too many wrong attempts: the code no longer works. Ask for a new one.',
    noCode: 'Ask for a code first.',
    tooManyCodes: 'Too many codes sent today. Try tomorrow or visit an office.',
    officeOnly: 'The line can only be unblocked in an office with your ID.',
    noContact: 'No recovery number to send the code to. Add one in security settings or visit an office.',
    notBlocked: 'The line is not blocked.',
    format: 'Enter the 6 digits from the SMS.',
  },
};
