/** Pure rules of issue 6 slice VT: voucher codes (PAY-03) and their limits. */
export * from './voucher-code.ts';
export * from './voucher-rules.ts';
