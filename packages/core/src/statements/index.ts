/** Pure rules of issue 6 slice D: spending categories (PAY-07/08), months, invoices and trust payments (PAY-10). */
export * from './breakdown.ts';
export * from './categories.ts';
export * from './invoice-rules.ts';
export * from './months.ts';
export * from './trust-payment.ts';
