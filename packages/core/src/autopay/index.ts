/** Pure rules of issue 6 slice B: autopay (PAY-04) and the low-balance notice (PAY-09). */
export * from './limits.ts';
export * from './low-balance.ts';
export * from './schedule.ts';
export * from './settings.ts';
