// Exports for tools journalists use: the co-occurrence network as GEXF (Gephi,
// and networkx.read_gexf) or as Gephi's Source,Target,Weight edge CSV with a
// node CSV; and each document with its entities in displaCy's "manual" format
// ({"text", "ents": [{"start", "end", "label"}], "title"}), one JSON per line.

import { createWriteStream, existsSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { csvLine } from './index.js';
import type { RunTables, Row } from './load.js';
import { readInputs, type ReaderOptions } from '../readers/index.js';
import { readManifest } from '../pipeline/manifest.js';

export interface NetworkOptions {
  gexf?: string;
  edgesCsv?: string;
  nodesCsv?: string;
  /** Keep pairs seen in at least this many documents. */
  minDocuments?: number;
  force?: boolean;
}

function xml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/** A file written under a temporary name and renamed when complete. */
class OutFile {
  private readonly tmp: string;
  private readonly stream: WriteStream;
  constructor(private readonly path: string) {
    this.tmp = `${path}.tmp-${process.pid}`;
    this.stream = createWriteStream(this.tmp);
  }
  write(s: string): void {
    this.stream.write(s);
  }
  async end(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.stream.on('error', reject);
      this.stream.end(() => resolve());
    });
    renameSync(this.tmp, this.path);
  }
  async abort(): Promise<void> {
    await new Promise<void>((resolve) => this.stream.end(() => resolve()));
    rmSync(this.tmp, { force: true });
  }
}

export function refuseOverwrite(paths: (string | undefined)[], force: boolean | undefined): void {
  for (const p of paths) if (p && existsSync(p) && !force) throw new Error(`${p} already exists; use --force to overwrite it`);
}

/**
 * The co-occurrence network: nodes are the people, organizations and places
 * that appear in at least one kept pair; an edge's weight is the number of
 * documents naming both (its `sentences` attribute: sentences naming both).
 */
export async function writeNetwork(run: RunTables, opts: NetworkOptions): Promise<{ nodes: number; edges: number }> {
  refuseOverwrite([opts.gexf, opts.edgesCsv, opts.nodesCsv], opts.force);
  const min = opts.minDocuments ?? 1;
  const edges: { a: string; b: string; documents: number; sentences: number }[] = [];
  const used = new Set<string>();
  for await (const c of run.rows('cooccurrences')) {
    const documents = Number(c.documents);
    if (documents < min) continue;
    const a = String(c.entity_a);
    const b = String(c.entity_b);
    edges.push({ a, b, documents, sentences: Number(c.sentences) });
    used.add(a);
    used.add(b);
  }
  const nodes: Row[] = [];
  for await (const e of run.rows('entities')) if (used.has(String(e.entity_id))) nodes.push(e);
  const files: OutFile[] = [];
  try {
    if (opts.gexf) {
      const f = new OutFile(opts.gexf);
      files.push(f);
      f.write(`<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <meta><creator>dossier</creator><description>people, organizations and places named in the same documents</description></meta>
  <graph defaultedgetype="undirected" mode="static">
    <attributes class="node">
      <attribute id="type" title="type" type="string"/>
      <attribute id="mentions" title="mentions" type="integer"/>
      <attribute id="documents" title="documents" type="integer"/>
    </attributes>
    <attributes class="edge">
      <attribute id="sentences" title="sentences" type="integer"/>
    </attributes>
    <nodes>
`);
      for (const n of nodes) {
        f.write(`      <node id="${xml(String(n.entity_id))}" label="${xml(String(n.canonical))}"><attvalues><attvalue for="type" value="${xml(String(n.type))}"/><attvalue for="mentions" value="${Number(n.mention_count)}"/><attvalue for="documents" value="${Number(n.document_count)}"/></attvalues></node>\n`);
      }
      f.write('    </nodes>\n    <edges>\n');
      edges.forEach((e, i) => {
        f.write(`      <edge id="${i}" source="${xml(e.a)}" target="${xml(e.b)}" weight="${e.documents}"><attvalues><attvalue for="sentences" value="${e.sentences}"/></attvalues></edge>\n`);
      });
      f.write('    </edges>\n  </graph>\n</gexf>\n');
    }
    if (opts.edgesCsv) {
      const f = new OutFile(opts.edgesCsv);
      files.push(f);
      f.write(csvLine(['Source', 'Target', 'Weight', 'Type', 'Sentences']));
      for (const e of edges) f.write(csvLine([e.a, e.b, e.documents, 'Undirected', e.sentences]));
    }
    if (opts.nodesCsv) {
      const f = new OutFile(opts.nodesCsv);
      files.push(f);
      f.write(csvLine(['Id', 'Label', 'Type', 'Mentions', 'Documents']));
      for (const n of nodes) f.write(csvLine([String(n.entity_id), String(n.canonical), String(n.type), Number(n.mention_count), Number(n.document_count)]));
    }
    for (const f of files) await f.end();
  } catch (err) {
    for (const f of files) await f.abort();
    throw err;
  }
  return { nodes: nodes.length, edges: edges.length };
}

export interface DisplacyOptions {
  force?: boolean;
  /** Where to find the article texts when the run's documents table has none (a CSV run): its folder, for dossier-run.json. */
  runDir?: string;
}

/**
 * One line per document: {"text", "ents": [{"start", "end", "label"}], "title", "doc_id"}.
 * Offsets are code points, as Python's str indexes them, so
 * `spacy.displacy.render(json.loads(line), style="ent", manual=True)` highlights the mentions.
 * Failed documents are left out.
 */
export async function writeDisplacy(run: RunTables, outPath: string, opts: DisplacyOptions = {}): Promise<{ documents: number }> {
  refuseOverwrite([outPath], opts.force);
  const texts = run.hasText ? null : await textsFromInputs(opts.runDir);
  const f = new OutFile(outPath);
  let count = 0;
  try {
    const mentions = run.rows('mentions')[Symbol.asyncIterator]();
    let next = await mentions.next();
    for await (const d of run.rows('documents')) {
      const id = String(d.doc_id);
      const ents: { start: number; end: number; label: string }[] = [];
      // Mentions come in document order, each document's together.
      while (!next.done && String(next.value.doc_id) === id) {
        ents.push({ start: Number(next.value.start), end: Number(next.value.end), label: String(next.value.type) });
        next = await mentions.next();
      }
      if (d.status === 'error' && ents.length === 0) continue;
      const text = texts ? await texts(id) : String(d.text ?? '');
      if (text === undefined) throw new Error(`the text of document ${id} is not in the run's inputs any more; export from a --format jsonl or sqlite run`);
      f.write(`${JSON.stringify({ text, ents, title: String(d.title ?? '') || null, doc_id: id })}\n`);
      count++;
    }
    await f.end();
  } catch (err) {
    await f.abort();
    throw err;
  }
  return { documents: count };
}

/**
 * A CSV run keeps no texts: read them again from the inputs its dossier-run.json
 * names, in step with the documents table (same order; a shard's documents are a
 * subsequence), so only one text is held at a time.
 */
export async function textsFromInputs(runDir: string | undefined): Promise<(id: string) => Promise<string | undefined>> {
  const m = runDir ? readManifest(runDir) : null;
  if (!m) throw new Error('this run has no article texts (documents.csv leaves them out) and no dossier-run.json naming its inputs; export from a --format jsonl or sqlite run');
  if (m.inputs.includes('-')) throw new Error('this run read standard input, which cannot be read again; export from a --format jsonl or sqlite run');
  const it = readInputs(m.inputs, m.reader as ReaderOptions)[Symbol.asyncIterator]();
  return async (id) => {
    for (;;) {
      const n = await it.next();
      if (n.done) return undefined;
      if (n.value.result.ok && n.value.result.doc.id === id) return n.value.result.doc.text;
    }
  };
}
