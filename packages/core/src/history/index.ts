/** SVC-10: the line's service history as periods, the state at a date, and the plan to return to it. */

export * from './date-point.ts';
export * from './periods.ts';
export * from './revert-plan.ts';
