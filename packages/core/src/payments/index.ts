/** Pure rules of issue 6 slice A (card payments): top-up amounts and signed acquirer webhooks. */
export * from './top-up-amount.ts';
export * from './webhook-signature.ts';
