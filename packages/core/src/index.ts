export * from './dates.ts';
export * from './ids.ts';
export * from './money.ts';
export * from './packages.ts';
export * from './phone.ts';
