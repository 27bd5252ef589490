export * from './donors.ts';
export * from './port-date.ts';
export * from './reference.ts';
