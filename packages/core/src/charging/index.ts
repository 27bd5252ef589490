export * from './calendar.ts';
export * from './funds.ts';
export * from './inactivity.ts';
export * from './rules.ts';
