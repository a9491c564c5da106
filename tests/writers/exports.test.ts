// `dossier network` (GEXF, Gephi CSV) and `dossier displacy` through the real
// CLI, from csv, jsonl and sqlite runs of an article written for this test.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { DOMParser } from 'linkedom';
import { tempDir } from '../tmpdir.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'dossier');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const d = tempDir('exports');
const input = join(d, 'in.jsonl');
const DOCS = [
  { id: 'a1', date: '2024-05-02', title: 'Port talks', text: 'Mayor Tomasz Wrona met Ilse Brandt of the European Commission in Gdańsk on Monday. Wrona said the talks with the union leader Anna Kowalczyk went well.' },
  { id: 'a2', date: '2024-05-09', title: 'Follow-up', text: 'Ilse Brandt returned to Gdańsk. The European Commission & the city signed a "deal" 🚢 with Tomasz Wrona.' },
  { id: 'a3', date: '2024-05-10', title: '', text: 'Nothing happened in Hel, said nobody.' },
];
writeFileSync(input, DOCS.map((x) => JSON.stringify(x)).join('\n'));
for (const [dir, extra] of [['csv', []], ['jsonl', ['--format', 'jsonl']]] as const) {
  const r = run(['extract', input, '--out-dir', join(d, dir), '--quiet', '--jobs', '1', ...extra]);
  assert.equal(r.status, 0, r.stderr);
}
assert.equal(run(['extract', input, '--sqlite', join(d, 'run.db'), '--quiet', '--jobs', '1']).status, 0);
const mentions = parse(readFileSync(join(d, 'csv', 'mentions.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
const pairs = parse(readFileSync(join(d, 'csv', 'cooccurrences.csv'), 'utf8'), { columns: true }) as Record<string, string>[];

test('network: GEXF and Gephi CSV hold the co-occurrence pairs, the same from csv, jsonl and sqlite runs', () => {
  for (const src of ['csv', 'jsonl', 'run.db']) {
    const gexf = join(d, `${src}.gexf`);
    const edges = join(d, `${src}-edges.csv`);
    const nodes = join(d, `${src}-nodes.csv`);
    const r = run(['network', join(d, src), '--gexf', gexf, '--edges-csv', edges, '--nodes-csv', nodes]);
    assert.equal(r.status, 0, r.stderr);
    const e = parse(readFileSync(edges, 'utf8'), { columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(e[0]), ['Source', 'Target', 'Weight', 'Type', 'Sentences']);
    assert.deepEqual(e.map((x) => [x.Source, x.Target, x.Weight]), pairs.map((p) => [p.entity_a, p.entity_b, p.documents]));
    const doc = new DOMParser().parseFromString(readFileSync(gexf, 'utf8'), 'text/xml');
    const gEdges = [...doc.querySelectorAll('edge')];
    assert.equal(gEdges.length, pairs.length);
    const ids = new Set([...doc.querySelectorAll('node')].map((n) => n.getAttribute('id')));
    for (const x of gEdges) assert.ok(ids.has(x.getAttribute('source')) && ids.has(x.getAttribute('target')));
    const n = parse(readFileSync(nodes, 'utf8'), { columns: true }) as Record<string, string>[];
    assert.ok(n.some((x) => x.Label === 'Ilse Brandt' && x.Type === 'PERSON' && x.Documents === '2'));
    assert.equal(readFileSync(gexf, 'utf8'), readFileSync(join(d, 'csv.gexf'), 'utf8'));
  }
  const strong = join(d, 'strong.csv');
  assert.equal(run(['network', join(d, 'csv'), '--edges-csv', strong, '--min-documents', '2']).status, 0);
  const s = parse(readFileSync(strong, 'utf8'), { columns: true }) as Record<string, string>[];
  assert.ok(s.length > 0 && s.every((x) => Number(x.Weight) >= 2));
  assert.ok(s.length < pairs.length);
  const none = run(['network', join(d, 'csv')]);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /--gexf/);
  assert.equal(run(['network', join(d, 'csv'), '--gexf', join(d, 'csv.gexf')]).status, 2, 'refuses to overwrite');
  assert.equal(run(['network', join(d, 'nope'), '--gexf', join(d, 'x.gexf')]).status, 2);
  assert.equal(existsSync(join(d, 'x.gexf')), false);
});

test('displacy: one {"text","ents"} per document, offsets in code points, from csv (texts re-read), jsonl and sqlite runs', () => {
  const outs = ['csv', 'jsonl', 'run.db'].map((src) => {
    const out = join(d, `${src}.displacy.jsonl`);
    const r = run(['displacy', join(d, src), '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    return readFileSync(out, 'utf8');
  });
  assert.equal(outs[1], outs[0]);
  assert.equal(outs[2], outs[0]);
  const lines = outs[0].trim().split('\n').map((l) => JSON.parse(l) as { text: string; ents: { start: number; end: number; label: string }[]; title: string | null; doc_id: string });
  assert.deepEqual(lines.map((l) => l.doc_id), ['a1', 'a2', 'a3']);
  assert.equal(lines[2].title, null);
  for (const l of lines) {
    assert.equal(l.text, DOCS.find((x) => x.id === l.doc_id)!.text);
    const want = mentions.filter((m) => m.doc_id === l.doc_id);
    assert.equal(l.ents.length, want.length);
    l.ents.forEach((e, i) => {
      assert.equal(Array.from(l.text).slice(e.start, e.end).join(''), want[i].text);
      assert.equal(e.label, want[i].type);
    });
  }
  // The default file name is displacy.jsonl in the run folder.
  assert.equal(run(['displacy', join(d, 'jsonl')]).status, 0);
  assert.equal(readFileSync(join(d, 'jsonl', 'displacy.jsonl'), 'utf8'), outs[0]);
});
