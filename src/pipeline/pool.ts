// Extraction on N worker threads with results delivered in input order, so
// `--jobs N` writes the same bytes as `--jobs 1`. With one job everything runs
// in this thread (no worker start-up cost).

import { Worker } from 'node:worker_threads';
import type { Document, OutputMention } from '../types.js';
import { extractDocument } from './extract.js';

export interface Extractor {
  /** Extract one document; promises resolve in any order, callers keep their own order. */
  extract(doc: Document): Promise<OutputMention[]>;
  /** How many documents may be in flight before the caller should wait for the oldest. */
  readonly capacity: number;
  close(): Promise<void>;
}

class InlineExtractor implements Extractor {
  readonly capacity = 1;
  async extract(doc: Document): Promise<OutputMention[]> {
    return extractDocument(doc);
  }
  async close(): Promise<void> {}
}

interface Pending {
  resolve: (m: OutputMention[]) => void;
  reject: (e: Error) => void;
}

class WorkerExtractor implements Extractor {
  readonly capacity: number;
  private workers: Worker[] = [];
  private load: number[] = [];
  private pending = new Map<number, Pending & { worker: number }>();
  private seq = 0;

  constructor(jobs: number) {
    this.capacity = jobs * 4;
    const url = new URL('./worker.js', import.meta.url);
    for (let i = 0; i < jobs; i++) {
      const w = new Worker(url);
      w.on('message', (msg: { seq: number; mentions?: OutputMention[]; error?: string }) => {
        const p = this.pending.get(msg.seq);
        if (!p) return;
        this.pending.delete(msg.seq);
        this.load[p.worker]--;
        if (msg.error !== undefined) p.reject(new Error(msg.error));
        else p.resolve(msg.mentions ?? []);
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

  extract(doc: Document): Promise<OutputMention[]> {
    // Least-loaded worker.
    let wi = 0;
    for (let i = 1; i < this.load.length; i++) if (this.load[i] < this.load[wi]) wi = i;
    const seq = this.seq++;
    this.load[wi]++;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject, worker: wi });
      this.workers[wi].postMessage({ seq, doc });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

export function createExtractor(jobs: number): Extractor {
  return jobs <= 1 ? new InlineExtractor() : new WorkerExtractor(jobs);
}
