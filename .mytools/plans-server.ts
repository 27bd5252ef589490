import pg from 'pg';

const orig = pg.Client.prototype.query;
let n = 0;
let done = false;
(pg.Client.prototype as any).query = function (this: any, ...args: any[]) {
  n++;
  if (!done && n > 9000 && this.__kabinetPool !== false) {
    done = true;
    orig
      .call(
        this,
        `SELECT generic_plans, custom_plans, left(regexp_replace(statement, '\\s+', ' ', 'g'), 110) AS s FROM pg_prepared_statements ORDER BY custom_plans DESC LIMIT 20`,
      )
      .then(
        (r: any) => {
          for (const row of r.rows) console.error('PLAN', row.generic_plans, row.custom_plans, row.s);
        },
        (e: any) => console.error('PLANERR', e.message),
      );
  }
  return (orig as any).apply(this, args);
};
await import('../apps/server/bench/payments-server.ts');
