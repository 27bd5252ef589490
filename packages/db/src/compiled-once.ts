import { type Compilable, CompiledQuery, type QueryResult } from 'kysely';
import type { Db } from './connect.ts';

/** Stands for the i-th argument while a query is built once; never sent. */
class Slot {
  constructor(readonly index: number) {}
}

/**
 * A query whose shape never changes, built and compiled by Kysely once instead of at every call (decisions/0031):
 * `build` gets stand-ins for its arguments and must use each only as a value (a parameter), never to decide the
 * query's shape. Each call sends the compiled text with the call's values in the stand-ins' places.
 */
export function compiledOnce<A extends unknown[], R>(build: (db: Db, ...args: A) => Compilable<R>) {
  let compiled: { sql: string; parameters: readonly unknown[] } | undefined;
  return async (db: Db, ...args: A): Promise<QueryResult<R>> => {
    if (!compiled) {
      const slots = args.map((_, i) => new Slot(i)) as unknown as A;
      compiled = build(db, ...slots).compile();
      const used = new Set(compiled.parameters.filter((p) => p instanceof Slot).map((p) => p.index));
      if (used.size !== args.length)
        throw new Error('compiledOnce: every argument must be a parameter of the query');
    }
    const parameters = compiled.parameters.map((p) => (p instanceof Slot ? args[p.index] : p));
    return db.executeQuery(CompiledQuery.raw(compiled.sql, parameters) as CompiledQuery<R>);
  };
}
