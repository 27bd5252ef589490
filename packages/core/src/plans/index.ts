/** Pure rules of tariffs and options (PLAN, SVC): fees, compatibility, package differences, funds. */
export * from './compatibility.ts';
export * from './funds.ts';
export * from './package-diff.ts';
export * from './picker.ts';
export * from './transition-fee.ts';
