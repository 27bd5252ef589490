/** The operator's catalog: its types and pure rules (OPS-03, PLAN-05, SVC-04, SVC-05). */
export * from './check-catalog.ts';
export { isCalendarDay } from './check-products.ts';
export * from './configurable.ts';
export * from './configurable-choice.ts';
export * from './effective-fee.ts';
export * from './issues.ts';
export * from './tariff-fee.ts';
export * from './types.ts';
