import { Kysely, PostgresDialect, sql } from 'kysely';

class Slot {
  constructor(readonly index: number) {}
}
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: {} as any }) });
const c = db
  .selectFrom('t')
  .select('id')
  .where('code', '=', new Slot(0) as any)
  .where(sql<boolean>`starts_with(id, ${new Slot(1)})`)
  .compile();
console.log(
  c.sql,
  c.parameters,
  c.parameters.map((p) => p instanceof Slot),
);
