/** Words of the invoice PDF (PAY-10), in the subscriber's language. Russian first; English typed after it. */
import type { SpendingCategory } from '@kabinet/core';

export const INVOICE_PDF_RU = {
  title: (n: string) => `Счёт № ${n}`,
  operator: 'Кабинет — оператор связи',
  period: 'Период',
  issued: 'Дата выставления',
  due: 'Оплатить до',
  customer: 'Абонент',
  account: 'Лицевой счёт',
  lines: 'Номера и договоры',
  creditLimit: 'Кредитный лимит',
  opening: 'Баланс на начало периода',
  charges: 'Начисления за период',
  chargesTotal: 'Итого начислено',
  payments: 'Поступившие платежи',
  other: 'Прочие операции (обещанные платежи, переводы, корректировки)',
  closing: 'Баланс на конец периода',
  amountDue: 'К оплате',
  nothingDue: 'Задолженности нет — оплата не требуется.',
  footer: 'Суммы в рублях. Баланс: положительный — аванс, отрицательный — задолженность.',
  categories: {
    calls: 'Звонки',
    messages: 'SMS и MMS',
    internet: 'Мобильный интернет',
    fees: 'Абонентская плата и услуги',
    content: 'Контент и подписки',
    roaming: 'Роуминг',
    other: 'Прочее',
  } satisfies Record<SpendingCategory, string>,
};

export type InvoicePdfWords = typeof INVOICE_PDF_RU;

export const INVOICE_PDF_EN: InvoicePdfWords = {
  title: (n) => `Invoice No. ${n}`,
  operator: 'Kabinet — mobile operator',
  period: 'Period',
  issued: 'Issued on',
  due: 'Due by',
  customer: 'Customer',
  account: 'Account',
  lines: 'Numbers and contracts',
  creditLimit: 'Credit limit',
  opening: 'Opening balance',
  charges: 'Charges for the period',
  chargesTotal: 'Total charges',
  payments: 'Payments received',
  other: 'Other movements (promised payments, transfers, corrections)',
  closing: 'Closing balance',
  amountDue: 'Amount due',
  nothingDue: 'Nothing is owed — no payment needed.',
  footer: 'Amounts in roubles. Balance: positive is credit, negative is debt.',
  categories: {
    calls: 'Calls',
    messages: 'SMS and MMS',
    internet: 'Mobile internet',
    fees: 'Subscription and service fees',
    content: 'Content and subscriptions',
    roaming: 'Roaming',
    other: 'Other',
  },
};
