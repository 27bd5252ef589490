/** Words of the payments section's tabs (issue 6): each tab is a screen of its own. */
export const paymentsNavRu = {
  label: 'Оплата',
  topUp: 'Пополнить',
  voucher: 'Карта оплаты',
  transfer: 'Перевод',
  promised: 'Обещанный платёж',
  autopay: 'Автоплатёж',
  history: 'История платежей',
  expenses: 'Расходы',
  invoices: 'Счета',
};

export const paymentsNavEn: typeof paymentsNavRu = {
  label: 'Payments',
  topUp: 'Top up',
  voucher: 'Voucher',
  transfer: 'Transfer',
  promised: 'Promised payment',
  autopay: 'Autopay',
  history: 'Payment history',
  expenses: 'Spending',
  invoices: 'Invoices',
};
