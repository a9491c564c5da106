// Worker thread: extraction for documents sent by the pool (src/pipeline/pool.ts).
import { parentPort } from 'node:worker_threads';
import type { Document } from '../types.js';
import { extractDocument } from './extract.js';

parentPort?.on('message', (msg: { seq: number; doc: Document }) => {
  try {
    parentPort!.postMessage({ seq: msg.seq, mentions: extractDocument(msg.doc) });
  } catch (err) {
    parentPort!.postMessage({ seq: msg.seq, error: (err as Error).message ?? String(err) });
  }
});
