export * from './buckets.ts';
export * from './history.ts';
export * from './rate-record.ts';
export * from './steps.ts';
export * from './types.ts';
