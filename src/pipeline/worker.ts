// Worker thread: extraction for batches of documents sent by the pool
// (src/pipeline/pool.ts); one reply per batch, results in the batch's order.
import { parentPort } from 'node:worker_threads';
import type { Document } from '../types.js';
import { extractDocument } from './extract.js';
import type { BatchRequest, BatchResult } from './pool.js';

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
  parentPort!.postMessage(results);
});
