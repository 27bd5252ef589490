export * from './dialogue.ts';
export * from './limits.ts';
export * from './screens.ts';
export * from './texts.ts';
