// DIR/dossier-run.json: what a run over --out-dir was asked to do and how far it
// got. `--resume` checks it before continuing a run; `dossier merge` reads it to
// put the documents of several shards back in input order.

import { RUN_MANIFEST } from '../readers/index.js';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReaderOptions } from '../readers/index.js';
import type { OutputFormat } from '../writers/index.js';

export const MANIFEST_BASENAME = RUN_MANIFEST;

export interface Shard {
  /** 1-based shard number. */
  k: number;
  n: number;
}

export interface RunManifest {
  tool: 'dossier';
  format: OutputFormat;
  raw_csv: boolean;
  /** CSV files start with a UTF-8 byte order mark (--bom); absent when not. */
  bom?: boolean;
  /** The paths the run was given, as given. */
  inputs: string[];
  reader: ReaderOptions;
  /** "K/N" when the run processed one shard; null for all documents. */
  shard: string | null;
  status: 'running' | 'interrupted' | 'complete';
  /** Documents written (ok and failed). */
  documents: number;
  /** For a shard: each written document's position in the whole input (0-based), in output order. */
  ordinals?: number[];
}

export function manifestPath(outDir: string): string {
  return join(outDir, MANIFEST_BASENAME);
}

export function writeManifest(outDir: string, m: RunManifest): void {
  const path = manifestPath(outDir);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(m, null, 2)}\n`);
  renameSync(tmp, path);
}

export function readManifest(outDir: string): RunManifest | null {
  const path = manifestPath(outDir);
  if (!existsSync(path)) return null;
  const m = JSON.parse(readFileSync(path, 'utf8')) as RunManifest;
  if (m.tool !== 'dossier') throw new Error(`${path} was not written by dossier`);
  return m;
}

export function formatShard(s: Shard | undefined): string | null {
  return s ? `${s.k}/${s.n}` : null;
}

/** "K/N" -> {k, n}; throws with a usage message when malformed. */
export function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const k = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || n < 1 || k < 1 || k > n) throw new Error(`expected K/N with 1 <= K <= N, e.g. --shard 2/8 (got "${value}")`);
  return { k, n };
}

/** FNV-1a over the UTF-8 bytes of a document id: stable across machines, runs and Node versions. */
export function shardOf(docId: string, n: number): number {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(docId, 'utf8')) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % n) + 1;
}
