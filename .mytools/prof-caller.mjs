import { readFileSync } from 'node:fs';

const p = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const pat = new RegExp(process.argv[3] ?? 'node_modules/kysely');
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const dt = new Map();
for (let i = 0; i < p.samples.length; i++)
  dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
let busy = 0;
const agg = new Map();
for (const [id, t] of dt) {
  const n = byId.get(id);
  if (n.callFrame.functionName === '(idle)') continue;
  busy += t;
  if (!pat.test(n.callFrame.url)) continue;
  let cur = id;
  let label = '?';
  while (cur !== undefined) {
    const f = byId.get(cur).callFrame;
    if (f.url.includes('/work/main/') && !f.url.includes('node_modules')) {
      label = `${f.functionName} ${f.url.split('/work/main/')[1]}:${f.lineNumber}`;
      break;
    }
    cur = parent.get(cur);
  }
  agg.set(label, (agg.get(label) ?? 0) + t);
}
[...agg]
  .sort((a, b) => b[1] - a[1])
  .slice(0, 25)
  .forEach(([k, t]) => console.log(((100 * t) / busy).toFixed(2).padStart(6), k));
