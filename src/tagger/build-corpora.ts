// `npm run train` step 1: the allow-listed corpora (data/tagger/train-config.json)
// converted to gold-format JSON Lines in .scratch/corpora/NAME.SPLIT.jsonl.
//
// Every file is read from a git snapshot at the exact commit (or blob) the
// config names: `git --git-dir=MIRROR/OWNER+NAME/repo show COMMIT:PATH`. The
// snapshots are not part of the repository; MIRROR is ../.mirror beside the
// checkout (where the search tool's fetch puts them) or $DOSSIER_MIRROR.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusDocument } from '../types.js';
import { PACKAGE_ROOT, dataPath } from '../util/paths.js';
import { applyGuidelines, buildDocument, readConll, readGum, type ConvertedSentence } from './corpora.js';

interface FileRef {
  commit?: string;
  path?: string;
  blob?: string;
}

export interface CorpusConfig {
  name: string;
  repo: string;
  format: 'gum' | 'uner' | 'conll' | 'wikigold';
  commit?: string;
  genres?: string[];
  splitsFile?: string;
  files?: Record<string, FileRef>;
  devEvery?: number;
  /** false: converted and scored, not trained on (the reason is in `why`). */
  train?: boolean;
  licence: string;
}

export interface TrainConfig {
  seed: number;
  epochs: number;
  /** Features whose largest averaged weight is below this are left out of the shipped model (see TrainableModel.pack). */
  prune?: number;
  /** Models trained on this many shuffles (seeds seed, seed+1, ...) whose weights are averaged into the shipped one. */
  runs?: number;
  /** Training documents seen this many times per epoch, by the start of their id ("crossner-politics-train"); 1 when none matches. */
  oversample?: Record<string, number>;
  corpora: CorpusConfig[];
  evaluationOnly: CorpusConfig[];
}

export function trainConfig(): TrainConfig {
  return JSON.parse(readFileSync(dataPath('tagger', 'train-config.json'), 'utf8')) as TrainConfig;
}

export function mirrorDir(): string {
  return process.env.DOSSIER_MIRROR ?? join(PACKAGE_ROOT, '..', '.mirror');
}

export function corporaDir(): string {
  return process.env.DOSSIER_CORPORA ?? join(PACKAGE_ROOT, '.scratch', 'corpora');
}

function gitDir(repo: string): string {
  const dir = join(mirrorDir(), repo.replace('/', '+'), 'repo');
  if (!existsSync(dir)) throw new Error(`no snapshot of ${repo} at ${dir}: fetch it (search tool: fetch github:${repo}) or set DOSSIER_MIRROR`);
  return dir;
}

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', [`--git-dir=${gitDir(repo)}`, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
}

function readRef(repo: string, ref: FileRef): string {
  if (ref.blob) return git(repo, 'cat-file', '-p', ref.blob);
  return git(repo, 'show', `${ref.commit}:${ref.path}`);
}

function fix(docs: ConvertedSentence[][], orgPlaces: boolean): ConvertedSentence[][] {
  for (const d of docs) for (const s of d) applyGuidelines(s, { orgPlaces });
  return docs;
}

function toDocs(name: string, docs: ConvertedSentence[][]): CorpusDocument[] {
  return docs.map((d, i) => buildDocument(`${name}-${String(i + 1).padStart(5, '0')}`, d));
}

/** The corpus's splits as gold documents. */
export function convertCorpus(c: CorpusConfig): Record<string, CorpusDocument[]> {
  const out: Record<string, CorpusDocument[]> = {};
  if (c.format === 'gum') {
    const splits = git(c.repo, 'show', `${c.commit}:${c.splitsFile}`);
    const section = (title: string) => {
      const m = new RegExp(`## ${title}\\n([\\s\\S]*?)(?:\\n## |$)`).exec(splits);
      return new Set((m?.[1] ?? '').split('\n').map((l) => l.replace(/^\s*\*\s*/, '').trim()).filter(Boolean));
    };
    const dev = section('dev');
    const held = new Set([...section('test'), ...section('test2')]);
    const files = git(c.repo, 'ls-tree', '--name-only', `${c.commit}`, 'dep/').split('\n').filter(Boolean);
    const genre = new RegExp(`^dep/GUM_(${(c.genres ?? []).join('|')})_.*\\.conllu$`);
    out.train = [];
    out.dev = [];
    for (const f of files.sort()) {
      if (!genre.test(f)) continue;
      const docName = f.slice(4, -'.conllu'.length);
      if (held.has(docName)) continue;
      const sentences = readGum(git(c.repo, 'show', `${c.commit}:${f}`));
      for (const s of sentences) applyGuidelines(s, { orgPlaces: false });
      const doc = buildDocument(docName, sentences);
      (dev.has(docName) ? out.dev : out.train).push(doc);
    }
    return out;
  }
  for (const [split, ref] of Object.entries(c.files ?? {})) {
    const raw = readRef(c.repo, ref);
    let docs: ConvertedSentence[][];
    if (c.format === 'uner') docs = fix(readConll(raw, { tokenCol: 1, labelCol: 2, sep: /\t/ }), true);
    else if (c.format === 'wikigold') docs = fix(readConll(raw, { tokenCol: 0, labelCol: 1, sep: / /, iob1: true }), true);
    else docs = fix(readConll(raw, { tokenCol: 0, labelCol: 1, sep: /\t| /, docPerSentence: true }), true);
    const converted = toDocs(`${c.name}-${split}`, docs);
    if (split === 'all' && c.devEvery) {
      out.train = converted.filter((_, i) => i % c.devEvery! !== c.devEvery! - 1);
      out.dev = converted.filter((_, i) => i % c.devEvery! === c.devEvery! - 1);
    } else out[split] = converted;
  }
  return out;
}

export function writeCorpora(names?: string[]): string[] {
  const cfg = trainConfig();
  const dir = corporaDir();
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const c of [...cfg.corpora, ...cfg.evaluationOnly]) {
    if (names && !names.includes(c.name)) continue;
    for (const [split, docs] of Object.entries(convertCorpus(c))) {
      const file = join(dir, `${c.name}.${split}.jsonl`);
      writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
      const n = docs.reduce((a, d) => a + d.entities.length, 0);
      written.push(`${file}: ${docs.length} documents, ${n} entities`);
    }
  }
  return written;
}

if (process.argv[1] && process.argv[1].endsWith('build-corpora.js')) {
  for (const line of writeCorpora(process.argv.slice(2).length ? process.argv.slice(2) : undefined)) console.log(line);
}
