// Reads a run's output folder and boils it down to what the HTML report shows:
// top entities, dated mentions per month, places with coordinates, the
// co-occurrence network of the top entities, and a capped table of entities
// with a few mentions in context each. Mentions are streamed, never all held,
// so the report stays small for archives of any size.

import { openRun } from '../writers/load.js';
import type { EntityType } from '../types.js';

export interface ReportEntity {
  id: string;
  type: EntityType;
  name: string;
  mentions: number;
  docs: number;
  lat: number | null;
  lon: number | null;
  examples: { doc: string; title: string; context: string; text: string }[];
}

export interface ReportData {
  title: string;
  documents: number;
  failed: number;
  mentionCount: number;
  entityCount: number;
  entities: ReportEntity[];
  /** The entities ranked after the table, for search only: [id, type, name, mentions, documents]. */
  more: [string, EntityType, string, number, number][];
  months: [string, number][];
  edges: [string, string, number][];
  /** Caps applied, stated in the page. */
  caps: { table: number; examples: number; network: number; search: number };
}

export interface AggregateOptions {
  title?: string;
  /** Entities in the searchable table. */
  tableCap?: number;
  /** Entities after the table that search still finds (names and counts only, no contexts). */
  searchCap?: number;
  examplesPerEntity?: number;
  networkNodes?: number;
}

export async function aggregate(outDir: string, opts: AggregateOptions = {}): Promise<ReportData> {
  const run = await openRun(outDir);
  if (!run) throw new Error(`${outDir} holds no dossier output (documents/mentions .csv, .json, .jsonl or dossier.db); run dossier extract --out-dir ${outDir} first`);
  const tableCap = opts.tableCap ?? 2000;
  const searchCap = opts.searchCap ?? 50_000;
  const perEntity = opts.examplesPerEntity ?? 5;
  const networkNodes = opts.networkNodes ?? 40;

  const titles = new Map<string, string>();
  let documents = 0;
  let failed = 0;
  for await (const d of run.rows('documents')) {
    documents++;
    if (d.status === 'error') failed++;
    else titles.set(String(d.doc_id), String(d.title ?? ''));
  }
  const all: ReportEntity[] = [];
  for await (const e of run.rows('entities')) {
    if (e.type === 'DATE') continue;
    all.push({
      id: String(e.entity_id),
      type: e.type as EntityType,
      name: String(e.canonical),
      mentions: Number(e.mention_count),
      docs: Number(e.document_count),
      lat: typeof e.latitude === 'number' ? e.latitude : null,
      lon: typeof e.longitude === 'number' ? e.longitude : null,
      examples: [],
    });
  }
  all.sort((a, b) => b.mentions - a.mentions || b.docs - a.docs || (a.id < b.id ? -1 : 1));
  const entities = all.slice(0, tableCap);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const months = new Map<string, number>();
  let mentionCount = 0;
  for await (const m of run.rows('mentions')) {
    mentionCount++;
    if (m.type === 'DATE') {
      const start = String(m.date_start ?? '');
      if (/^\d{4}-\d{2}/.test(start)) {
        const month = start.slice(0, 7);
        months.set(month, (months.get(month) ?? 0) + 1);
      }
      continue;
    }
    const e = byId.get(String(m.entity_id));
    if (e && e.examples.length < perEntity) {
      const doc = String(m.doc_id);
      e.examples.push({ doc, title: titles.get(doc) ?? '', context: String(m.context ?? ''), text: String(m.text) });
    }
  }
  // The network: pairs among the most mentioned people, organizations and places.
  const top = new Set(all.slice(0, networkNodes).map((e) => e.id));
  const edges: [string, string, number][] = [];
  for await (const c of run.rows('cooccurrences')) {
    const a = String(c.entity_a);
    const b = String(c.entity_b);
    if (top.has(a) && top.has(b)) edges.push([a, b, Number(c.documents)]);
  }
  edges.sort((x, y) => y[2] - x[2]);
  return {
    title: opts.title ?? 'dossier report',
    documents,
    failed,
    mentionCount,
    entityCount: all.length,
    entities,
    more: all.slice(tableCap, tableCap + searchCap).map((e) => [e.id, e.type, e.name, e.mentions, e.docs]),
    months: [...months.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    edges: edges.slice(0, 300),
    caps: { table: tableCap, examples: perEntity, network: networkNodes, search: searchCap },
  };
}
