/** Pure rules of issue 6 slice E: loyalty points (BONUS-01) and reward eligibility (BONUS-02). */
export * from './eligibility.ts';
export * from './notice.ts';
export * from './rules.ts';
