export * from './access.ts';
export * from './zone-prices.ts';
