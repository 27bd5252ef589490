/** Pure rules of issue 6 slice VT: mobile transfers (PAY-06) — fee, limits, minimum balance left. */
export * from './transfer-rules.ts';
