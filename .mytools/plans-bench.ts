/**
 * `npm run bench:payments` (issue 6): BENCH_CONNECTIONS (50) concurrent clients top up random lines by card through
 * the HTTP API for BENCH_DURATION seconds (30; `--duration=5` or BENCH_DURATION=5 for a short run). One top-up
 * is what a browser does: POST /api/v1/payments/card (Idempotency-Key) → GET the sandbox acquirer's hosted page →
 * POST its card form with the success card, which answers once the sandbox's signed webhook went over HTTP to
 * /api/v1/payments/webhooks/sandbox and credited the payment. In the same run, the same number of clients run the
 * equivalent minimal SQL transaction directly over `pg` (lock both balance rows, insert the transfer, update both
 * balances); the two take turns in BENCH_SLICE-second slices (5) so that the machine's drift weighs on both alike.
 * Prints `api_topups_per_s`, `raw_tx_per_s`, `ratio`, `p99_ms` (one whole top-up), then details.
 * Targets: ratio ≥ 0.5, p99 ≤ 50 ms.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const CONNECTIONS = Number(flag('connections') ?? process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(flag('duration') ?? process.env.BENCH_DURATION ?? 30);
const WARMUP_S = Number(flag('warmup') ?? process.env.BENCH_WARMUP ?? Math.min(3, DURATION_S));
/** Each side runs in turns of this many seconds (see the main block). */
const SLICE_S = Number(flag('slice') ?? process.env.BENCH_SLICE ?? 5);

interface Ready {
  port: number;
  databaseUrl: string;
  acquirerAccountId: string;
  clients: Array<{ cookie: string; lineId: string; ledgerAccountId: string }>;
}

const runTs = fileURLToPath(new URL('../apps/server/bin/run-ts.mjs', import.meta.url));
const serverScript = fileURLToPath(new URL('../.mytools/plans-server.ts', import.meta.url));
// BENCH_NODE_FLAGS (e.g. `--cpu-prof`) go to the server process, for profiling the API path.
const nodeFlags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
const child = spawn(process.execPath, [...nodeFlags, runTs, serverScript], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const ready = await new Promise<Ready>((resolve, reject) => {
  const rl = createInterface({ input: child.stdout });
  rl.on('line', (line) => {
    if (line.startsWith('{')) resolve(JSON.parse(line));
  });
  child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
});
const base = `http://127.0.0.1:${ready.port}`;

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)] as T;
/** A random whole-rouble amount in 100–15,000 ₽, in kopecks. */
const randomAmount = () => (100 + Math.floor(Math.random() * 14_901)) * 100;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/**
 * The clients' HTTP: node:http through one keep-alive agent (a socket per client), which costs the load generator
 * a third of what `fetch` does — its CPU is taken from the same two cores as the server's.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
interface Answer {
  status: number;
  body: string;
}
function send(
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${path}`,
      {
        method,
        agent,
        headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Each bench client is a browser: its session cookie plus the CSRF cookie the API asks for. */
async function withCsrf(client: Ready['clients'][number]) {
  const res = await send('GET', '/api/v1/auth/csrf', { cookie: client.cookie });
  const { token } = JSON.parse(res.body) as { token: string };
  return { ...client, csrf: token, cookies: `${client.cookie}; kabinet_csrf=${token}` };
}

type Browser = Awaited<ReturnType<typeof withCsrf>>;

/** One card top-up as a browser makes it; throws on any unexpected answer. */
async function topUp(browser: Browser): Promise<void> {
  const created = await send(
    'POST',
    '/api/v1/payments/card',
    {
      cookie: browser.cookies,
      'x-csrf-token': browser.csrf,
      'idempotency-key': randomUUID(),
      'content-type': 'application/json',
    },
    JSON.stringify({ lineId: browser.lineId, amount: randomAmount() }),
  );
  if (created.status !== 201) throw new Error(`create: ${created.status} ${created.body}`);
  const { confirmationUrl } = JSON.parse(created.body) as { confirmationUrl: string };
  const page = await send('GET', confirmationUrl);
  const formToken = /name="form_token" value="([^"]+)"/.exec(page.body)?.[1];
  if (page.status !== 200 || !formToken) throw new Error(`page: ${page.status}`);
  const paid = await send(
    'POST',
    confirmationUrl,
    { 'content-type': 'application/x-www-form-urlencoded' },
    new URLSearchParams({
      card_number: '4242424242424242',
      expiry: '12/39',
      cvc: '123',
      form_token: formToken,
    }).toString(),
  );
  if (paid.status !== 303) throw new Error(`pay: ${paid.status}`);
}

/** Runs `work` in `CONNECTIONS` loops for `seconds`; per-operation latencies in ms. */
async function load(seconds: number, work: (slot: number) => Promise<void>) {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: unknown = null;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, slot) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          await work(slot);
          latencies.push(performance.now() - t0);
        } catch (err) {
          errors += 1;
          firstError ??= err;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { elapsed, count: latencies.length, latencies, errors, firstError };
}

const browsers = await Promise.all(ready.clients.map(withCsrf));
const apiWork = () => topUp(pick(browsers));

// The raw baseline: the ledger move a top-up makes, as one minimal transaction over pg.
const rawPool = new pg.Pool({ connectionString: ready.databaseUrl, max: CONNECTIONS });
let rawCounter = 0;
async function rawWork(): Promise<void> {
  const client = await rawPool.connect();
  const subscriber = pick(ready.clients).ledgerAccountId;
  const amount = randomAmount();
  const ordered = [ready.acquirerAccountId, subscriber].sort();
  try {
    await client.query('BEGIN');
    await client.query(
      'SELECT id FROM ledger_accounts WHERE id IN ($1, $2) ORDER BY id FOR NO KEY UPDATE',
      ordered,
    );
    rawCounter += 1;
    await client.query(
      `INSERT INTO ledger_transfers (id, debit_account_id, credit_account_id, amount, kind, idempotency_key, description)
       VALUES ($1, $2, $3, $4, 'topup', $5, 'bench raw top-up')`,
      [
        `tr_raw_${process.pid}_${rawCounter}`,
        ready.acquirerAccountId,
        subscriber,
        amount,
        `raw:${randomUUID()}`,
      ],
    );
    await client.query('UPDATE ledger_accounts SET balance = balance - $2 WHERE id = $1', [
      ready.acquirerAccountId,
      amount,
    ]);
    await client.query('UPDATE ledger_accounts SET balance = balance + $2 WHERE id = $1', [
      subscriber,
      amount,
    ]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); 0 when it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

/**
 * Where the CPU of a phase went: the API server process and the PostgreSQL backends of the benchmark database
 * (read per backend pid, so a neighbour's load on the machine does not count). Per operation, in ms.
 */
async function cpuDuring<T extends { count: number }>(phase: () => Promise<T>) {
  const probe = new pg.Client({ connectionString: ready.databaseUrl });
  await probe.connect();
  const backends = async () =>
    (
      await probe.query<{ pid: number }>(
        'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      )
    ).rows.map((r) => r.pid);
  const before = new Map((await backends()).map((pid) => [pid, cpuSeconds(pid)]));
  const server0 = cpuSeconds(child.pid as number);
  const self0 = process.cpuUsage();
  const result = await phase();
  const server = cpuSeconds(child.pid as number) - server0;
  const selfUsage = process.cpuUsage(self0);
  const loadgen = (selfUsage.user + selfUsage.system) / 1e6;
  let database = 0;
  for (const pid of new Set([...before.keys(), ...(await backends())])) {
    database += cpuSeconds(pid) - (before.get(pid) ?? 0);
  }
  await probe.end();
  return { ...result, serverCpuS: server, databaseCpuS: database, clientCpuS: loadgen };
}

type Slice = Awaited<ReturnType<typeof cpuDuring<Awaited<ReturnType<typeof load>>>>>;

/** The slices of one side as one measurement: rates over their summed time, CPU per operation in ms. */
function combine(slices: readonly Slice[]) {
  const sum = (pick: (s: Slice) => number) => slices.reduce((total, s) => total + pick(s), 0);
  const count = sum((s) => s.count);
  const perOp = (seconds: number) => (count > 0 ? (seconds * 1000) / count : 0);
  return {
    perSecond: count / sum((s) => s.elapsed),
    latencies: slices.flatMap((s) => s.latencies).sort((a, b) => a - b),
    errors: sum((s) => s.errors),
    firstError: slices.find((s) => s.firstError)?.firstError ?? null,
    serverCpuMs: perOp(sum((s) => s.serverCpuS)),
    databaseCpuMs: perOp(sum((s) => s.databaseCpuS)),
    clientCpuMs: perOp(sum((s) => s.clientCpuS)),
  };
}

try {
  // Warm up both paths (JIT, pools, plan caches) before measuring.
  await load(WARMUP_S, apiWork);
  await load(WARMUP_S, rawWork);
  // The two sides take turns in slices (API, raw, API, raw …) so that the machine's drift during the run — its
  // speed changes by tens of percent from minute to minute — and the tables' growth weigh on both alike.
  const slices = Math.max(1, Math.round(DURATION_S / SLICE_S));
  const apiSlices: Slice[] = [];
  const rawSlices: Slice[] = [];
  for (let i = 0; i < slices; i++) {
    const apiSlice = await cpuDuring(() => load(DURATION_S / slices, apiWork));
    const rawSlice = await cpuDuring(() => load(DURATION_S / slices, rawWork));
    apiSlices.push(apiSlice);
    rawSlices.push(rawSlice);
    // On stderr, so the figures on stdout stay one per name: how each turn went, to see the drift.
    console.error(
      `slice ${i + 1}: api ${(apiSlice.count / apiSlice.elapsed).toFixed(0)}/s ` +
        `(server ${((apiSlice.serverCpuS * 1000) / apiSlice.count).toFixed(2)} ms, ` +
        `db ${((apiSlice.databaseCpuS * 1000) / apiSlice.count).toFixed(2)} ms), ` +
        `raw ${(rawSlice.count / rawSlice.elapsed).toFixed(0)}/s ` +
        `(db ${((rawSlice.databaseCpuS * 1000) / rawSlice.count).toFixed(2)} ms)`,
    );
  }
  const api = combine(apiSlices);
  const raw = combine(rawSlices);

  // Honesty check: every top-up the clients saw finish is a credited payment, and the books balance.
  const check = new pg.Client({ connectionString: ready.databaseUrl });
  await check.connect();
  const counts = await check.query<{ status: string; n: string }>(
    `SELECT status, count(*) AS n FROM payments WHERE source = 'card' GROUP BY status`,
  );
  const books = await check.query<{ mismatches: string; total: string }>(
    `SELECT count(*) FILTER (WHERE a.balance <> COALESCE(c.s, 0) - COALESCE(d.s, 0)) AS mismatches,
            COALESCE(sum(a.balance), 0) AS total
     FROM ledger_accounts a
     LEFT JOIN (SELECT credit_account_id AS id, sum(amount) AS s FROM ledger_transfers GROUP BY 1) c ON c.id = a.id
     LEFT JOIN (SELECT debit_account_id AS id, sum(amount) AS s FROM ledger_transfers GROUP BY 1) d ON d.id = a.id`,
  );
  await check.end();

  const ratio = api.perSecond / raw.perSecond;
  console.log(`api_topups_per_s: ${api.perSecond.toFixed(0)}`);
  console.log(`raw_tx_per_s: ${raw.perSecond.toFixed(0)}`);
  console.log(`ratio: ${ratio.toFixed(2)}`);
  console.log(`p99_ms: ${percentile(api.latencies, 99).toFixed(0)}`);
  console.log(`p50_ms: ${percentile(api.latencies, 50).toFixed(0)}`);
  console.log(`raw_p99_ms: ${percentile(raw.latencies, 99).toFixed(0)}`);
  console.log(`api_server_cpu_ms_per_topup: ${api.serverCpuMs.toFixed(2)}`);
  console.log(`api_database_cpu_ms_per_topup: ${api.databaseCpuMs.toFixed(2)}`);
  console.log(`api_client_cpu_ms_per_topup: ${api.clientCpuMs.toFixed(2)}`);
  console.log(`raw_database_cpu_ms_per_tx: ${raw.databaseCpuMs.toFixed(2)}`);
  console.log(`raw_client_cpu_ms_per_tx: ${raw.clientCpuMs.toFixed(2)}`);
  console.log(`errors: ${api.errors + raw.errors}`);
  console.log(`payments: ${counts.rows.map((r) => `${r.status}=${r.n}`).join(' ')}`);
  console.log(`ledger_mismatches: ${books.rows[0]?.mismatches} ledger_total: ${books.rows[0]?.total}`);
  console.log(`connections: ${CONNECTIONS}`);
  console.log(`duration_s: ${DURATION_S}`);
  if (api.firstError) console.error('first API error:', api.firstError);
  if (raw.firstError) console.error('first raw error:', raw.firstError);
  if (api.errors + raw.errors > 0 || books.rows[0]?.mismatches !== '0') process.exitCode = 1;
} finally {
  await rawPool.end();
  agent.destroy();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited; // the server process drops its benchmark database before it exits
}
