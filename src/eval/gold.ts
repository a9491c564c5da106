// Gold corpora in the format of shared/corpus/GUIDELINES.md: .jsonl (one
// document per line) or .json (one document, or an array), files or folders.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusDocument } from '../types.js';

export function listGoldFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new Error(`gold path not found: ${p}`);
    }
    if (st.isDirectory()) {
      const walk = (d: string) => {
        for (const name of readdirSync(d).sort()) {
          const f = join(d, name);
          if (statSync(f).isDirectory()) walk(f);
          else if (/\.(jsonl|json)$/.test(name)) out.push(f);
        }
      };
      walk(p);
    } else out.push(p);
  }
  return out;
}

function check(doc: CorpusDocument, where: string): CorpusDocument {
  if (typeof doc.text !== 'string' || !Array.isArray(doc.entities)) throw new Error(`${where}: a gold document needs "text" and "entities"`);
  const cps = Array.from(doc.text);
  for (const e of doc.entities) {
    const span = cps.slice(e.start, e.end).join('');
    if (span !== e.text) throw new Error(`${where}: entity ${JSON.stringify(e.text)} at ${e.start}-${e.end} does not match the text there (${JSON.stringify(span)}); offsets must count code points`);
  }
  return doc;
}

export function loadCorpus(paths: string[]): CorpusDocument[] {
  const docs: CorpusDocument[] = [];
  for (const f of listGoldFiles(paths)) {
    const raw = readFileSync(f, 'utf8');
    if (f.endsWith('.jsonl')) {
      raw.split('\n').forEach((line, i) => {
        if (!line.trim()) return;
        let d: CorpusDocument;
        try {
          d = JSON.parse(line) as CorpusDocument;
        } catch (err) {
          throw new Error(`${f}:${i + 1}: invalid JSON (${(err as Error).message})`);
        }
        docs.push(check(d, `${f}:${i + 1}`));
      });
    } else {
      const v = JSON.parse(raw) as CorpusDocument | CorpusDocument[];
      for (const d of Array.isArray(v) ? v : [v]) docs.push(check(d, f));
    }
  }
  return docs;
}
