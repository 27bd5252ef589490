/** Pure rules of PAY-05 promised payments: eligibility, amounts, fees, due dates, USSD words. */
export * from './eligibility.ts';
export * from './rules.ts';
export * from './ussd.ts';
