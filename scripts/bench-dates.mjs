#!/usr/bin/env node
// The date stage's cost alone: findDates (src/recognizers/dates.ts) and
// normalizeDates (src/normalizers/dates.ts) over the corpus `npm run bench`
// builds (scripts/bench.ts, buildCorpus), in CPU seconds per MB (user +
// system, so that other jobs on a shared machine disturb it less than wall
// time), median of five runs after a warm-up.
//   node scripts/bench-dates.mjs [--mb 5.5] [--dist DIR] [--in-pipeline]
// --in-pipeline: time the stage on each document right after a whole
// extraction of it (caches and code as the pipeline leaves them: about three
// times the warm figure), one pass; the timer's own cost is subtracted.
// --dist: another build to measure (e.g. an older commit compiled elsewhere);
// the corpus always comes from this checkout. Build first (npx tsc -p tsconfig.json).
import { fileURLToPath } from 'node:url';
const arg = (name, def) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : def; };
const here = fileURLToPath(new URL('../dist', import.meta.url));
const dist = arg('--dist', here);
const { buildCorpus } = await import(`${here}/scripts/bench.js`);
const { findDates } = await import(`${dist}/src/recognizers/dates.js`);
const { normalizeDates } = await import(`${dist}/src/normalizers/dates.js`);
const docs = buildCorpus(Number(arg('--mb', '5.5')) * 1e6);
const MB = docs.reduce((s, d) => s + Buffer.byteLength(d.text), 0) / 1e6;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
function run() {
  const t0 = cpu();
  const found = docs.map((d) => findDates(d.text));
  const t1 = cpu();
  const mentions = found.map((c, i) => c.map((x) => ({ text: docs[i].text.slice(x.start, x.end), start: x.start, end: x.end })));
  const t2 = cpu();
  mentions.forEach((ms, i) => normalizeDates(ms, docs[i].date, docs[i].text));
  return [t1 - t0, cpu() - t2];
}
if (process.argv.includes('--in-pipeline')) {
  const { extractMentions, warmUp } = await import(`${dist}/src/pipeline/extract.js`);
  warmUp();
  const ms = () => cpu() * 1000;
  let timer = 0;
  for (let i = 0; i < 20000; i++) { const a = ms(); timer += ms() - a; }
  timer /= 20000;
  let f = 0, n = 0;
  for (const d of docs) {
    const ex = extractMentions(d);
    const dated = ex.mentions.filter((m) => m.type === 'DATE').map((m) => ({ text: m.text, start: m.start, end: m.end }));
    const t0 = ms();
    findDates(d.text);
    const t1 = ms();
    normalizeDates(dated, d.date, d.text);
    const t2 = ms();
    f += t1 - t0 - timer;
    n += t2 - t1 - timer;
  }
  console.log(`date stage between whole extractions, ${docs.length} documents, ${MB.toFixed(2)} MB: findDates ${(f / 1000 / MB).toFixed(4)} s/MB, normalizeDates ${(n / 1000 / MB).toFixed(4)} s/MB, together ${((f + n) / 1000 / MB).toFixed(4)} s/MB (CPU)`);
  process.exit(0);
}
run();
const runs = [0, 1, 2, 3, 4].map(run).sort((a, b) => a[0] + a[1] - b[0] - b[1]);
const [f, n] = runs[2];
console.log(`date stage on ${docs.length} documents, ${MB.toFixed(2)} MB: findDates ${(f / MB).toFixed(4)} s/MB, normalizeDates ${(n / MB).toFixed(4)} s/MB, together ${((f + n) / MB).toFixed(4)} s/MB (CPU, median of 5)`);
