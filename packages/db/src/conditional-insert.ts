import { type Expression, type Insertable, sql } from 'kysely';
import type { Database } from './schema.ts';

/**
 * `INSERT INTO <table> (<columns>) SELECT <values> WHERE <condition>`: the row `.values(values)` would insert,
 * written only when `condition` holds — for a write within a larger statement of data-modifying CTEs that must
 * happen only with another one (decisions/0031). PostgreSQL types the parameters from the target columns, as it does
 * for VALUES; `undefined` values are left out (the column's default), as Kysely does.
 */
export function insertWhere<T extends keyof Database & string>(
  table: T,
  values: Insertable<Database[T]>,
  condition: Expression<boolean>,
) {
  const entries = Object.entries(values).filter(([, value]) => value !== undefined);
  return sql`INSERT INTO ${sql.table(table)} (${sql.join(
    entries.map(([column]) => sql.ref(column)),
  )}) SELECT ${sql.join(entries.map(([, value]) => value))} WHERE ${condition}`;
}
