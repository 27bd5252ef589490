/**
 * `npm run bench:dashboard`: 50 concurrent clients for 20 s against the dashboard API of seeded lines, and the same
 * load against a bare primary-key route of the same server, in one run. Prints `name: value` lines.
 * Targets (issue #2): ratio ≥ 0.5 and p99 ≤ 2 × baseline p99.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 20);

const runTs = fileURLToPath(new URL('../bin/run-ts.mjs', import.meta.url));
const serverScript = fileURLToPath(new URL('./bench-server.ts', import.meta.url));
// BENCH_NODE_FLAGS (e.g. `--cpu-prof`) go to the server process, for profiling.
const nodeFlags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
const child = spawn(process.execPath, [...nodeFlags, runTs, serverScript], {
  stdio: ['ignore', 'pipe', 'inherit'],
});

const ready = await new Promise<{ port: number; clients: Array<{ cookie: string; lineId: string }> }>(
  (resolve, reject) => {
    const rl = createInterface({ input: child.stdout });
    rl.on('line', (line) => {
      if (line.startsWith('{')) resolve(JSON.parse(line));
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  },
);

function load(name: string, path: (lineId: string) => string, withCookie: boolean, seconds: number) {
  let i = 0;
  return autocannon({
    url: `http://127.0.0.1:${ready.port}`,
    connections: CONNECTIONS,
    duration: seconds,
    title: name,
    requests: [
      {
        setupRequest: (req) => {
          const client = ready.clients[i++ % ready.clients.length];
          if (!client) return req;
          return { ...req, path: path(client.lineId), headers: withCookie ? { cookie: client.cookie } : {} };
        },
      },
    ],
  });
}

const dashboardPath = (lineId: string) => `/api/v1/lines/${lineId}/dashboard`;
const baselinePath = (lineId: string) => `/bench/baseline/${lineId}`;

// Warm up both routes (JIT, connection pool, plan caches) before measuring.
await load('warmup', dashboardPath, true, 3);
await load('warmup', baselinePath, false, 3);

const baseline = await load('baseline', baselinePath, false, DURATION_S);
const dashboard = await load('dashboard', dashboardPath, true, DURATION_S);
const exited = new Promise((resolve) => child.once('exit', resolve));
child.kill('SIGTERM');
await exited; // the server process drops its benchmark database before it exits

const bad = dashboard.non2xx + dashboard.errors + baseline.non2xx + baseline.errors;
const ratio = dashboard.requests.average / baseline.requests.average;
console.log(`dashboard_rps: ${dashboard.requests.average.toFixed(0)}`);
console.log(`baseline_rps: ${baseline.requests.average.toFixed(0)}`);
console.log(`ratio: ${ratio.toFixed(2)}`);
console.log(`p99_ms: ${dashboard.latency.p99}`);
console.log(`baseline_p99_ms: ${baseline.latency.p99}`);
console.log(`p99_ratio: ${(dashboard.latency.p99 / Math.max(1, baseline.latency.p99)).toFixed(2)}`);
console.log(`errors: ${bad}`);
console.log(`connections: ${CONNECTIONS}`);
console.log(`duration_s: ${DURATION_S}`);
if (bad > 0) process.exitCode = 1;
