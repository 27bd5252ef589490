import pg from 'pg';

const orig = pg.Client.prototype.query;
let n = 0;
(pg.Client.prototype as any).query = function (this: unknown, ...args: any[]) {
  const q = args[0];
  const text = typeof q === 'string' ? q : q?.text;
  if (process.env.TRACE_ON === '1' || (globalThis as any).__trace)
    console.error(`Q${++n} ${String(text).replace(/\s+/g, ' ').slice(0, 160)}`);
  return (orig as any).apply(this, args);
};
await import('../apps/server/bench/payments-server.ts');
(globalThis as any).__trace = true;
console.error('--- TRACE ON');
