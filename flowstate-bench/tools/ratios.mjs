// ratios.mjs - Flowstate beside the peers: medians of several runs, as Markdown tables of ratios.
//
// Usage: node flowstate-bench/tools/ratios.mjs results/*.jsonl
// Reads the JSON lines of any number of runs (peers and Flowstate, format: ../shared/bench/README.md),
// takes the median per engine/store/workload/metric/concurrency (as tools/summarize.mjs does) and prints:
//   1. Flowstate throughput / aws-local-stepfunctions throughput at each concurrency, and the
//      latency ratios (peer latency / Flowstate latency: how many times faster Flowstate is);
//   2. Flowstate beside Flowable (each store) and Temporal on the workloads they run.
// Ratios above 1 mean Flowstate is better.

import { readFileSync } from 'node:fs';

const files = process.argv.slice(2);
const groups = new Map();
for (const file of files) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    const m = JSON.parse(line);
    const key = [m.engine, m.store ?? '', m.workload, m.metric, m.concurrency].join('|');
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(m.value);
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const get = (engine, store, workload, metric, c) => {
  const xs = groups.get([engine, store, workload, metric, c].join('|'));
  return xs ? median(xs) : undefined;
};
const fmt = (x) => (x === undefined ? 'n/a' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toPrecision(2));
const ratio = (a, b) => (a === undefined || b === undefined ? 'n/a' : `${(a / b).toFixed(1)}x`);

const FS = ['flowstate', 'memory'];
const workloads = [...new Set([...groups.keys()].filter((k) => k.startsWith('flowstate|')).map((k) => k.split('|')[2]))];
const concurrencies = [...new Set([...groups.keys()].filter((k) => k.includes('|throughput_per_s|')).map((k) => Number(k.split('|')[4])))].sort((a, b) => a - b);

const row = (cells) => console.log(`| ${cells.join(' | ')} |`);
const head = (cells) => { row(cells); row(cells.map((_, i) => (i === 0 ? '---' : '---:'))); };

// 1. against aws-local-stepfunctions
const A = ['aws-local-stepfunctions', ''];
console.log('Flowstate vs aws-local-stepfunctions (throughput: Flowstate/peer; latency: peer/Flowstate)\n');
head(['workload', ...concurrencies.flatMap((c) => [`FS tput c=${c}`, `ALS tput c=${c}`, `ratio c=${c}`]),
  'FS p50 ms', 'ALS p50 ms', 'p50 ratio', 'FS p99 ms', 'ALS p99 ms', 'p99 ratio']);
for (const w of workloads) {
  const cells = [w];
  for (const c of concurrencies) {
    const f = get(...FS, w, 'throughput_per_s', c), a = get(...A, w, 'throughput_per_s', c);
    cells.push(fmt(f), fmt(a), ratio(f, a));
  }
  for (const p of ['latency_ms_p50', 'latency_ms_p99']) {
    const f = get(...FS, w, p, 1), a = get(...A, w, p, 1);
    cells.push(fmt(f), fmt(a), ratio(a, f));
  }
  row(cells);
}

// 2. against the Java peers, where they run the workload
const others = [...new Set([...groups.keys()].map((k) => k.split('|').slice(0, 2).join('|')))]
  .filter((e) => !e.startsWith('flowstate|') && !e.startsWith('aws-local-stepfunctions|'));
console.log('\nFlowstate vs the Java peers (same ratios)\n');
head(['workload', 'peer (store)', ...concurrencies.flatMap((c) => [`FS tput c=${c}`, `peer tput c=${c}`, `ratio c=${c}`]),
  'FS p50 ms', 'peer p50 ms', 'p50 ratio']);
for (const e of others) {
  const [engine, store] = e.split('|');
  for (const w of workloads) {
    if (get(engine, store, w, 'latency_ms_p50', 1) === undefined) continue;
    const cells = [w, store ? `${engine} (${store})` : engine];
    for (const c of concurrencies) {
      const f = get(...FS, w, 'throughput_per_s', c), p = get(engine, store, w, 'throughput_per_s', c);
      cells.push(fmt(f), fmt(p), ratio(f, p));
    }
    const f = get(...FS, w, 'latency_ms_p50', 1), p = get(engine, store, w, 'latency_ms_p50', 1);
    cells.push(fmt(f), fmt(p), ratio(p, f));
    row(cells);
  }
}
