// The generated data packs (data/generated/*.pack, written by
// scripts/build-data.ts at `npm ci`/`npm run build`): each is read once per
// process, and the main thread hands its buffers to worker threads, which adopt
// them instead of reading or building anything. A new pack (e.g. the tagger's
// weights) costs one `loadPack` and one entry in RUNTIME_PACKS.

import { existsSync } from 'node:fs';
import { Pack, readPack } from './pack.js';
import { dataPath } from '../util/paths.js';

/** Path of the generated pack `name`. */
export function generatedPack(name: string): string {
  return dataPath('generated', `${name}.pack`);
}

/**
 * The packs every extraction reads: loaded before workers start, and posted to
 * them. The tagger's are optional (a run without them uses the rules alone).
 */
export const RUNTIME_PACKS: readonly string[] = [
  generatedPack('places'), generatedPack('lexicon'), process.env.DOSSIER_TAGGER_MODEL ?? generatedPack('tagger'), generatedPack('clusters'),
  generatedPack('gazetteers'),
];

const loaded = new Map<string, Pack>();

/** The pack at `path`, read once per process (or adopted from the main thread). */
export function loadPack(path: string): Pack {
  let p = loaded.get(path);
  if (!p) {
    if (!existsSync(path)) {
      throw new Error(`${path} is missing: run \`npm run build\` (it generates data/generated/ from the installed packages)`);
    }
    p = readPack(path);
    loaded.set(path, p);
  }
  return p;
}

/** Loads the runtime packs (if not yet) and returns their shared buffers, for a Worker's workerData. */
export function sharePacks(paths: readonly string[] = RUNTIME_PACKS): Record<string, SharedArrayBuffer> {
  const out: Record<string, SharedArrayBuffer> = {};
  for (const path of paths) {
    if (!loaded.has(path) && !existsSync(path)) continue;
    const p = loadPack(path);
    if (p.bytes.buffer instanceof SharedArrayBuffer && p.bytes.byteOffset === 0) out[path] = p.bytes.buffer;
  }
  return out;
}

/** In a worker: use the buffers the main thread read (no file read, no copy). */
export function adoptPacks(buffers: Record<string, SharedArrayBuffer> | undefined): void {
  for (const [path, buf] of Object.entries(buffers ?? {})) if (!loaded.has(path)) loaded.set(path, new Pack(new Uint8Array(buf)));
}
