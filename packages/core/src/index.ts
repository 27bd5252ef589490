export * from './catalog/index.ts';
export * from './dates.ts';
export * from './ids.ts';
export * from './money.ts';
export * from './packages.ts';
export * from './phone.ts';
export * from './plans/index.ts';
