// Extraction on N worker threads with results delivered in input order, so
// `--jobs N` writes the same bytes as `--jobs 1`. With one job everything runs
// in this thread (no worker start-up cost). Workers are started before the
// first document is read, and get the data packs the main thread read as
// shared buffers (src/data/packs.ts): none of them reads or builds its data again.

import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../util/paths.js';
import type { Document, OutputMention } from '../types.js';
import { extractDocument } from './extract.js';
import { sharePacks } from '../data/packs.js';

/** The worker's file beside the bundle that starts it (set by scripts/bundle.mjs; undefined in dist/src). */
declare const __DOSSIER_WORKER__: string | undefined;

/** A document's mention rows and the time its extraction took (not the time it waited in a queue). */
export interface Extracted {
  mentions: OutputMention[];
  ms: number;
}

export interface Extractor {
  /** Extract one document; promises resolve in any order, callers keep their own order. */
  extract(doc: Document): Promise<Extracted>;
  /** How many documents may be in flight before the caller should wait for the oldest. */
  readonly capacity: number;
  /** Start work on documents held back for batching; call before waiting for a result. */
  flush(): void;
  close(): Promise<void>;
}

class InlineExtractor implements Extractor {
  readonly capacity = 1;
  flush(): void {}
  async extract(doc: Document): Promise<Extracted> {
    const t0 = performance.now();
    const mentions = extractDocument(doc);
    return { mentions, ms: performance.now() - t0 };
  }
  async close(): Promise<void> {}
}

interface Pending {
  resolve: (m: Extracted) => void;
  reject: (e: Error) => void;
}

/** Documents sent to a worker in one message, and its reply (one entry per document). */
export interface BatchRequest {
  items: { seq: number; doc: Document }[];
}
export type BatchResult = { seq: number; mentions?: OutputMention[]; error?: string; ms?: number };
/** What a worker gets at start: the main thread's data packs, by path. */
export interface WorkerData {
  packs: Record<string, SharedArrayBuffer>;
}

// Documents go to workers in batches: one message (and one thread wake-up)
// per batch instead of per document. A batch leaves when it holds BATCH_DOCS
// documents or BATCH_CHARS characters, or when the caller is about to wait.
// Measured on a 100 MB archive, --jobs 2: 1 document a batch 57 s, 4 about
// 50 s, 8 about 52 s (peak RSS 350 MB for all three); 16 was no faster and
// peaked at 460 MB.
const BATCH_DOCS = 4;
const BATCH_CHARS = 1 << 18;
const BATCHES_PER_WORKER = 4;

class WorkerExtractor implements Extractor {
  readonly capacity: number;
  private workers: Worker[] = [];
  private load: number[] = [];
  private pending = new Map<number, Pending & { worker: number }>();
  private seq = 0;
  private batch: { seq: number; doc: Document }[] = [];
  private batchChars = 0;

  constructor(jobs: number) {
    this.capacity = jobs * BATCH_DOCS * BATCHES_PER_WORKER;
    const workerData: WorkerData = { packs: sharePacks() };
    for (let i = 0; i < jobs; i++) {
      const w = startWorker(workerData);
      w.on('message', (results: BatchResult[]) => {
        for (const r of results) {
          const p = this.pending.get(r.seq);
          if (!p) continue;
          this.pending.delete(r.seq);
          this.load[p.worker]--;
          if (r.error !== undefined) p.reject(new Error(r.error));
          else p.resolve({ mentions: r.mentions ?? [], ms: r.ms ?? 0 });
        }
      });
      w.on('error', (err) => {
        for (const [seq, p] of this.pending) {
          if (p.worker === i) {
            this.pending.delete(seq);
            p.reject(err);
          }
        }
      });
      this.workers.push(w);
      this.load.push(0);
    }
  }

  extract(doc: Document): Promise<Extracted> {
    const seq = this.seq++;
    const promise = new Promise<Extracted>((resolve, reject) => {
      this.pending.set(seq, { resolve, reject, worker: -1 });
    });
    this.batch.push({ seq, doc });
    this.batchChars += doc.text.length;
    if (this.batch.length >= BATCH_DOCS || this.batchChars >= BATCH_CHARS) this.flush();
    return promise;
  }

  flush(): void {
    if (this.batch.length === 0) return;
    // Least-loaded worker.
    let wi = 0;
    for (let i = 1; i < this.load.length; i++) if (this.load[i] < this.load[wi]) wi = i;
    for (const { seq } of this.batch) this.pending.get(seq)!.worker = wi;
    this.load[wi] += this.batch.length;
    const request: BatchRequest = { items: this.batch };
    this.batch = [];
    this.batchChars = 0;
    this.workers[wi].postMessage(request);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * A worker thread: dist/src/pipeline/worker.js, or, run from the bundle,
 * dist/bundle/worker.cjs through bin/code-cache.cjs (V8's code cache of the
 * worker, recorded by scripts/bundle.mjs: a worker compiles little at start).
 */
function startWorker(workerData: WorkerData): Worker {
  const url = new URL(typeof __DOSSIER_WORKER__ === 'string' ? __DOSSIER_WORKER__ : './worker.js', import.meta.url);
  const loader = join(PACKAGE_ROOT, 'bin', 'code-cache.cjs');
  if (!url.pathname.endsWith('.cjs') || !existsSync(loader)) return new Worker(url, { workerData });
  const write = process.env.DOSSIER_WRITE_CODE_CACHE === 'worker' ? 'batch' : undefined;
  const code = `require(${JSON.stringify(loader)}).runCached(${JSON.stringify(fileURLToPath(url))}, ${JSON.stringify(write)});`;
  return new Worker(code, { eval: true, workerData });
}

export function createExtractor(jobs: number): Extractor {
  return jobs <= 1 ? new InlineExtractor() : new WorkerExtractor(jobs);
}

/**
 * Input bytes per worker below which another worker does not pay for its
 * start. One thread already uses more than one core while V8 compiles and
 * collects garbage in the background, and each worker compiles and warms up
 * again. Measured 2026-12-02 on 2 idle cores, whole process, `--format jsonl`
 * (wall, two or three runs each): 1 MB 1.77 s with one thread against 2.1 s
 * with two workers; 2 MB 2.91 against 3.03-3.16; 3 MB 3.86 against 3.83-3.94;
 * 5 MB 5.6-6.2 against 5.0-5.9; 20 MB 21.1 against 14.5. So two workers from
 * 4 MiB on.
 */
export const BYTES_PER_WORKER = 2 * 1024 * 1024;

/** The default --jobs: one thread for small inputs (one article needs no worker), else one worker per BYTES_PER_WORKER up to `cores`. */
export function defaultJobs(inputBytes: number | null, cores: number): number {
  if (inputBytes === null) return cores;
  return Math.max(1, Math.min(cores, Math.floor(inputBytes / BYTES_PER_WORKER)));
}
