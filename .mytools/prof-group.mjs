import { readFileSync } from 'node:fs';

const p = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const dt = new Map();
for (let i = 0; i < p.samples.length; i++)
  dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
const groups = new Map();
let busy = 0;
for (const [id, t] of dt) {
  const n = byId.get(id);
  const u = n.callFrame.url;
  const f = n.callFrame.functionName;
  if (f === '(idle)') continue;
  busy += t;
  const g = u.includes('node_modules/')
    ? 'nm:' +
      u
        .split('node_modules/')
        .pop()
        .split('/')
        .slice(0, u.includes('node_modules/@') ? 2 : 1)
        .join('/')
    : u.startsWith('node:')
      ? 'node:' + u.slice(5).split('/').slice(0, 2).join('/')
      : u.includes('/work/main/')
        ? 'app:' + u.split('/work/main/').pop().split('/').slice(0, 4).join('/')
        : f;
  groups.set(g, (groups.get(g) ?? 0) + t);
}
console.log('busy ms', (busy / 1000).toFixed(0));
[...groups]
  .sort((a, b) => b[1] - a[1])
  .slice(0, 40)
  .forEach(([g, t]) => console.log(((100 * t) / busy).toFixed(1).padStart(5), g));
