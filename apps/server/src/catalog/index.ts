/**
 * The operator's catalog on the server (OPS-03): reading and checking a catalog file with line-precise errors,
 * and loading it into the database. The types and pure rules are in `@kabinet/core` (core/catalog).
 */
export * from './catalog-file.ts';
export * from './load-catalog.ts';
export * from './load-summary.ts';
export * from './price-changes-query.ts';
