// `dossier extract --check SNAPSHOT_DIR`: compare a fresh run with a saved one
// and say, row by row, what changed.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { OutputFormat } from './index.js';

type Row = Record<string, unknown>;

const TABLES: { name: string; key: string[]; show: string[] }[] = [
  { name: 'documents', key: ['doc_id'], show: ['status', 'persons', 'orgs', 'places', 'dates', 'error', 'warning', 'language', 'date', 'date_source'] },
  { name: 'mentions', key: ['doc_id', 'start', 'end', 'type'], show: ['text', 'canonical', 'value', 'entity_id'] },
  { name: 'entities', key: ['entity_id'], show: ['canonical', 'mention_count', 'document_count'] },
  { name: 'cooccurrences', key: ['entity_a', 'entity_b'], show: ['documents', 'sentences'] },
];
const MAX_LINES = 50;

function readRows(path: string, format: OutputFormat): Row[] {
  const raw = readFileSync(path, 'utf8');
  if (format === 'csv') return parse(raw, { columns: true, skip_empty_lines: true, bom: true }) as Row[];
  if (format === 'json') return JSON.parse(raw) as Row[];
  return raw.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row);
}

export async function compareSnapshot(outDir: string, snapshotDir: string, format: OutputFormat): Promise<{ same: boolean; report: string }> {
  const lines: string[] = [];
  let same = true;
  for (const t of TABLES) {
    const file = `${t.name}.${format}`;
    const ours = join(outDir, file);
    const theirs = join(snapshotDir, file);
    if (!existsSync(theirs)) {
      same = false;
      lines.push(`${file}: missing from the snapshot ${snapshotDir}; create the snapshot with \`dossier extract ... --out-dir ${snapshotDir} --format ${format}\``);
      continue;
    }
    if (!existsSync(ours)) continue;
    if (readFileSync(ours, 'utf8') === readFileSync(theirs, 'utf8')) continue;
    same = false;
    const keyOf = (r: Row) => t.key.map((k) => String(r[k])).join(' ');
    const describe = (r: Row) => `${keyOf(r)}  ${t.show.map((k) => `${k}=${JSON.stringify(r[k] ?? '')}`).join(' ')}`;
    const before = new Map(readRows(theirs, format).map((r) => [keyOf(r), r]));
    const after = new Map(readRows(ours, format).map((r) => [keyOf(r), r]));
    const diff: string[] = [];
    for (const [k, r] of before) if (!after.has(k)) diff.push(`  - ${describe(r)}`);
    for (const [k, r] of after) {
      const old = before.get(k);
      if (!old) diff.push(`  + ${describe(r)}`);
      else if (JSON.stringify(old) !== JSON.stringify(r)) diff.push(`  - ${describe(old)}`, `  + ${describe(r)}`);
    }
    if (diff.length === 0) diff.push('  (same rows, different order or formatting)');
    lines.push(`${file}: ${diff.length} changed line(s) (- snapshot, + this run)`);
    lines.push(...diff.slice(0, MAX_LINES));
    if (diff.length > MAX_LINES) lines.push(`  ... ${diff.length - MAX_LINES} more`);
  }
  return { same, report: same ? 'output matches the snapshot' : lines.join('\n') };
}
