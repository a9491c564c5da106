// npm run eval: dossier (with its trained tagger, and its rules alone) next to
// compromise alone and wink-nlp alone, on the shared dev corpus, the fixtures'
// gold, the dev splits of the training corpora and UNER English-PUD
// (evaluation only), in one run. The corpora are the converted files of
// `npm run train` (.scratch/corpora, or $DOSSIER_CORPORA); missing ones are skipped.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusEntity, Document } from '../src/types.js';
import { loadCorpus } from '../src/eval/gold.js';
import { predict } from '../src/eval/index.js';
import { scoreCorpus, type EvalReport } from '../src/eval/score.js';
import { extractCorpusEntities, extractDocument } from '../src/pipeline/extract.js';
import { corporaDir } from '../src/tagger/build-corpora.js';
import { compromiseExtract, winkExtract } from '../src/eval/baselines.js';
import { formatLinking, hasLinks, predictLinked, scoreLinking } from '../src/eval/linking.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CORPORA = [
  { name: 'shared dev corpus (../shared/corpus/dev)', path: join(ROOT, '..', 'shared', 'corpus', 'dev') },
  { name: 'fixtures gold (fixtures/gold)', path: join(ROOT, 'fixtures', 'gold') },
  { name: 'linking gold (fixtures/linking)', path: join(ROOT, 'fixtures', 'linking') },
  { name: 'blind set (fixtures/blind: scored, never read while tuning)', path: join(ROOT, 'fixtures', 'blind', 'gold.jsonl') },
  ...['gum.dev', 'uner-ewt.dev', 'wikigold.dev', 'crossner-politics.dev', 'btc.dev', 'uner-pud.test'].map((n) => ({
    name: `${n} (${n.endsWith('.test') ? 'evaluation only' : 'dev split, never trained on'})`,
    path: join(corporaDir(), `${n}.jsonl`),
  })),
];
const rulesOnly = (d: Document): CorpusEntity[] =>
  extractDocument(d, { tagger: false }).map((m) => ({ start: m.start, end: m.end, type: m.type, text: m.text, ...(m.type === 'DATE' ? { value: m.value } : { canonical: m.canonical }) }));
const SYSTEMS: { name: string; extract: (d: Document) => Promise<CorpusEntity[]> | CorpusEntity[] }[] = [
  { name: 'dossier', extract: extractCorpusEntities },
  { name: 'rules alone', extract: rulesOnly },
  { name: 'compromise', extract: compromiseExtract },
  { name: 'wink-nlp', extract: winkExtract },
];

const f = (x: number) => x.toFixed(3);

async function main() {
  for (const c of CORPORA) {
    if (!existsSync(c.path)) {
      console.log(`\n${c.name}: not found, skipped`);
      continue;
    }
    const gold = loadCorpus([c.path]);
    const reports: { name: string; r: EvalReport; secs: number }[] = [];
    for (const s of SYSTEMS) {
      const t0 = performance.now();
      const pred = await predict(gold, s.extract);
      reports.push({ name: s.name, r: scoreCorpus(gold, pred), secs: (performance.now() - t0) / 1000 });
    }
    const support = reports[0].r.support;
    console.log(`\n${c.name}: ${gold.length} documents, ${support.ALL} gold mentions`);
    const cell = (a: string, b: string) => `| ${a.padStart(7)} ${b.padStart(7)} `;
    console.log(`${''.padEnd(8)}${reports.map((x) => `| ${x.name.padEnd(15)} `).join('')}`);
    console.log(`${'type'.padEnd(8)}${reports.map(() => cell('strict', 'lenient')).join('')}`);
    for (const t of ['PERSON', 'ORG', 'PLACE', 'DATE', 'ALL'] as const) {
      console.log(`${t.padEnd(8)}${reports.map((x) => cell(f(x.r.strict[t].f1), f(x.r.lenient[t].f1))).join('')}`);
    }
    for (const x of reports) {
      console.log(
        `${x.name.padEnd(10)} DATE value acc ${f(x.r.dateValue.accuracy)}  canonical acc ${f(x.r.canonical.ALL.accuracy)}  time ${x.secs.toFixed(2)} s`,
      );
    }
    // Archive ids: dossier's extraction linked across the corpus, scored on gold link ids.
    if (hasLinks(gold)) console.log(`dossier ${formatLinking(scoreLinking(gold, predictLinked(gold)))}`);
  }
}

main().catch((err) => {
  console.error(`eval: ${err.message}`);
  process.exit(1);
});
