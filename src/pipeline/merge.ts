// `dossier merge DIR... --out-dir MERGED`: the folders of several runs or shards
// combined into the folder one run over all their documents would have written.
// Document and mention rows are copied in input order (a shard's manifest says
// where each of its documents stood in the whole input); entities and
// co-occurrences are re-aggregated and the linker runs again over all
// documents' referents (mention rows get the archive ids of the whole), so the
// bytes equal a single run's.

import { resolve as resolvePath } from 'node:path';
import type { OutputDocument, OutputMention } from '../types.js';
import { EntityTable } from '../linker/aggregate.js';
import { readTable, tablePath, type Row } from '../writers/load.js';
import { createFileSink } from '../writers/sink.js';
import { readManifest, writeManifest, MANIFEST_BASENAME, type RunManifest } from './manifest.js';
import { prepareOutDir, RunSetupError } from './run.js';

export interface MergeOptions {
  dirs: string[];
  outDir: string;
  force: boolean;
  /** Something the user should know that does not stop the merge. */
  onWarning?: (message: string) => void;
}

export interface MergeSummary {
  documents: number;
  mentions: number;
}

interface Source {
  dir: string;
  manifest: RunManifest;
  docs: AsyncIterator<Row>;
  mentions: AsyncIterator<Row>;
  /** Position in the whole input of the next document (shards), else its index here. */
  next: number;
  taken: number;
  pending: Row | null;
}

function readManifests(dirs: string[]): RunManifest[] {
  return dirs.map((dir) => {
    const m = readManifest(dir);
    if (!m) throw new RunSetupError(`${dir} has no ${MANIFEST_BASENAME}: merge takes folders written by dossier extract --out-dir`);
    if (m.status !== 'complete') throw new RunSetupError(`the run in ${dir} is not complete (${m.status}); finish it with dossier extract ... --resume first`);
    return m;
  });
}

function checkCompatible(dirs: string[], manifests: RunManifest[], warn: (m: string) => void): boolean {
  const first = manifests[0];
  for (let i = 1; i < manifests.length; i++) {
    const m = manifests[i];
    if (m.format !== first.format) throw new RunSetupError(`${dirs[i]} holds ${m.format} tables but ${dirs[0]} holds ${first.format}; merge runs of one --format`);
    if (m.raw_csv !== first.raw_csv) throw new RunSetupError(`${dirs[i]} and ${dirs[0]} differ in --raw-csv; merge runs written the same way`);
  }
  const sharded = manifests.filter((m) => m.shard !== null).length;
  if (sharded === 0) return false;
  if (sharded !== manifests.length) throw new RunSetupError('merge either shards of one run (all with --shard) or whole runs (none with --shard), not a mix');
  const parts = manifests.map((m) => m.shard!.split('/').map(Number));
  const n = parts[0][1];
  if (parts.some(([, pn]) => pn !== n)) throw new RunSetupError(`the shards were cut differently (${manifests.map((m) => m.shard).join(', ')}); merge shards of one K/N split`);
  const seen = new Set<number>();
  parts.forEach(([k], i) => {
    if (seen.has(k)) throw new RunSetupError(`shard ${k}/${n} is given twice (${dirs[i]})`);
    seen.add(k);
  });
  if (seen.size < n) {
    const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !seen.has(k));
    warn(`shard(s) ${missing.map((k) => `${k}/${n}`).join(', ')} not given: the merged output covers only the shards given`);
  }
  if (manifests.some((m) => JSON.stringify(m.inputs) !== JSON.stringify(first.inputs) || JSON.stringify(m.reader) !== JSON.stringify(first.reader))) {
    warn('the shards were run over different inputs or reader options; document order follows each shard\'s own input positions');
  }
  return true;
}

export async function runMerge(opts: MergeOptions): Promise<MergeSummary> {
  const { dirs, outDir } = opts;
  if (dirs.length === 0) throw new RunSetupError('give the output folders to merge');
  const target = resolvePath(outDir);
  if (dirs.some((d) => resolvePath(d) === target)) throw new RunSetupError('--out-dir must be a new folder, not one of the folders being merged');
  const manifests = readManifests(dirs);
  const warn = opts.onWarning ?? (() => {});
  const sharded = checkCompatible(dirs, manifests, warn);
  const format = manifests[0].format;
  const rawCsv = manifests[0].raw_csv;
  prepareOutDir(outDir, format, opts.force);

  const sources: Source[] = dirs.map((dir, i) => ({
    dir,
    manifest: manifests[i],
    docs: readTable(tablePath(dir, 'documents', format), format, { rawCsv })[Symbol.asyncIterator](),
    mentions: readTable(tablePath(dir, 'mentions', format), format, { rawCsv })[Symbol.asyncIterator](),
    next: 0,
    taken: 0,
    pending: null,
  }));
  const bom = manifests[0].bom === true;
  const sink = createFileSink(format, outDir, { rawCsv, bom });
  const entities = new EntityTable();
  const summary: MergeSummary = { documents: 0, mentions: 0 };

  const refill = async (s: Source): Promise<void> => {
    const r = await s.docs.next();
    s.pending = r.done ? null : r.value;
    if (s.pending) {
      const ordinals = s.manifest.ordinals ?? [];
      s.next = sharded ? ordinals[s.taken] ?? Number.MAX_SAFE_INTEGER : s.taken;
      if (sharded && ordinals[s.taken] === undefined) throw new RunSetupError(`${s.dir}: ${MANIFEST_BASENAME} lists fewer documents than documents.${format} holds`);
    }
  };
  try {
    for (const s of sources) await refill(s);
    for (;;) {
      // Shards interleave by input position; whole runs follow each other in the order given.
      let pick: Source | null = null;
      for (const s of sources) {
        if (!s.pending) continue;
        if (!pick || (sharded && s.next < pick.next)) pick = s;
        if (!sharded) break;
      }
      if (!pick) break;
      const doc = pick.pending as unknown as OutputDocument;
      const want = doc.persons + doc.orgs + doc.dates + doc.places;
      const mentions: OutputMention[] = [];
      while (mentions.length < want) {
        const r = await pick.mentions.next();
        if (r.done || r.value.doc_id !== doc.doc_id) {
          throw new RunSetupError(`${pick.dir}: mentions.${format} does not hold the ${want} mentions documents.${format} counts for ${doc.doc_id}`);
        }
        mentions.push(r.value as unknown as OutputMention);
      }
      for (const m of mentions) sink.mentions.write(m);
      sink.documents.write(doc);
      await sink.mentions.ready();
      await sink.documents.ready();
      // A failed document has no rows, except a huge one whose other pieces were written: those count.
      entities.add(doc.doc_id, doc.date, mentions);
      summary.documents++;
      summary.mentions += mentions.length;
      pick.taken++;
      await refill(pick);
    }
  } catch (err) {
    await sink.abort();
    throw err;
  }
  // Linked again over all documents: the same ids as one run over everything.
  await sink.finish(entities);
  const first = manifests[0];
  writeManifest(outDir, {
    tool: 'dossier',
    format,
    raw_csv: rawCsv,
    ...(bom ? { bom: true } : {}),
    inputs: sharded ? first.inputs : manifests.flatMap((m) => m.inputs),
    reader: first.reader,
    shard: null,
    status: 'complete',
    documents: summary.documents,
  });
  return summary;
}
