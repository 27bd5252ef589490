/** Kysely table types of issue 6 slice VT; merged into `Database` (schema.ts). */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the slice's migration
export interface TransfersTables {}
