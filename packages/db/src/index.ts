export * from './connect.ts';
export * from './embedded.ts';
export * from './ledger.ts';
export * from './migrate.ts';
export type * from './schema.ts';
