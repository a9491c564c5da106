// Worker thread: extraction for batches of documents sent by the pool
// (src/pipeline/pool.ts); one reply per batch, results in the batch's order.
// It adopts the data packs the main thread read (workerData) and loads them
// at once, while the main thread is still reading the first documents.
import { parentPort, workerData } from 'node:worker_threads';
import type { Document } from '../types.js';
import { extractDocument, warmUp } from './extract.js';
import type { BatchRequest, BatchResult, WorkerData } from './pool.js';
import { adoptPacks } from '../data/packs.js';

adoptPacks((workerData as WorkerData | undefined)?.packs);
warmUp();

parentPort?.on('message', (msg: BatchRequest) => {
  const results: BatchResult[] = msg.items.map(({ seq, doc }: { seq: number; doc: Document }) => {
    const t0 = performance.now();
    try {
      const mentions = extractDocument(doc);
      return { seq, mentions, ms: performance.now() - t0 };
    } catch (err) {
      return { seq, error: (err as Error).message ?? String(err) };
    }
  });
  // Set by bin/code-cache.cjs when the build records this worker's code cache (scripts/bundle.mjs).
  (globalThis as { __dossierAfterBatch?: () => void }).__dossierAfterBatch?.();
  parentPort!.postMessage(results);
});
