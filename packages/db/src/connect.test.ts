import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledOnce } from './compiled-once.ts';
import { connect, type Db, type DbHandle, preparedNameFor } from './connect.ts';
import { createTestDatabase, type TestDatabase } from './vitest.ts';

describe('prepared statements (decisions/0029)', () => {
  it('PAY-01 names a DML text by its hash, the same on every call, and leaves DDL and several statements unnamed', () => {
    const select = 'select "id" from "lines" where "id" = $1';
    const name = preparedNameFor(select);
    expect(name).toMatch(/^k[A-Za-z0-9_-]{27}$/);
    expect(preparedNameFor(select)).toBe(name);
    expect(preparedNameFor(`${select} limit 1`)).not.toBe(name);
    for (const text of [
      ' WITH t AS (SELECT 1) SELECT * FROM t',
      'insert into x values ($1)',
      'UPDATE x SET a = $1',
      'delete from x',
    ]) {
      expect(preparedNameFor(text)).toBeDefined();
    }
    for (const text of [
      'CREATE TABLE x (a int)',
      'BEGIN',
      'select 1; select 2',
      'LISTEN kabinet_session_revoked',
    ]) {
      expect(preparedNameFor(text)).toBeUndefined();
    }
  });

  describe('on a connection', () => {
    let database: TestDatabase;
    let handle: DbHandle;
    beforeAll(async () => {
      database = await createTestDatabase();
      handle = connect(database.url, { max: 1 });
    });
    afterAll(async () => {
      await handle.close();
      await database.drop();
    });

    it('PAY-01 a Kysely query is prepared once per connection and then only executed, with its values each time', async () => {
      const query = (code: string) =>
        handle.db.selectFrom('ledger_accounts').select('id').where('code', '=', code).executeTakeFirst();
      expect(await query('clearing:acquirer')).toEqual({ id: 'la_clearing_acquirer' });
      expect(await query('revenue:usage')).toEqual({ id: 'la_revenue_usage' });
      const name = preparedNameFor('select "id" from "ledger_accounts" where "code" = $1');
      const prepared = await sql<{ statement: string; calls: string }>`
        SELECT statement, generic_plans + custom_plans AS calls FROM pg_prepared_statements
        WHERE name = ${name}`.execute(handle.db);
      expect(prepared.rows).toHaveLength(1);
      expect(prepared.rows[0]?.statement).toBe('select "id" from "ledger_accounts" where "code" = $1');
      expect(Number(prepared.rows[0]?.calls)).toBe(2);
    });

    it("PAY-01 a query compiled once answers every call with that call's values, constants kept", async () => {
      let builds = 0;
      const byCode = compiledOnce((db: Db, code: string, prefix: string) => {
        builds += 1;
        return db
          .selectFrom('ledger_accounts')
          .select('id')
          .where('code', '=', code)
          .where('id', '<>', 'la_no_such_account')
          .where(sql<boolean>`starts_with(id, ${prefix})`);
      });
      expect((await byCode(handle.db, 'clearing:acquirer', 'la_')).rows).toEqual([
        { id: 'la_clearing_acquirer' },
      ]);
      expect((await byCode(handle.db, 'revenue:usage', 'la_')).rows).toEqual([{ id: 'la_revenue_usage' }]);
      expect((await byCode(handle.db, 'revenue:usage', 'zz_')).rows).toEqual([]);
      expect(builds).toBe(1);
      // An argument that would shape the query rather than fill a parameter is refused when it is built.
      const shaped = compiledOnce((db: Db, _unused: string) => db.selectFrom('ledger_accounts').select('id'));
      await expect(shaped(handle.db, 'x')).rejects.toThrow(/every argument must be a parameter/);
    });
  });
});
