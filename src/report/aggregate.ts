// Reads a run's output (any format) and boils it down to what the HTML report
// shows: top entities, dated mentions at their own granularity, documents by
// publication date, places with coordinates, the co-occurrence network of the
// top entities, a capped table of entities with a few mentions in context each,
// and the first documents' texts with their mentions. Mentions are streamed,
// never all held, so the report stays small for archives of any size.

import { openRun, type Row } from '../writers/load.js';
import { textsFromInputs } from '../writers/exports.js';
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

/** How precise a date mention is: a day, a month, a year, or another span (a season, a week, a decade). */
export type Granularity = 'day' | 'month' | 'year' | 'span';

/** A document listed in the report: [doc_id, title, date, persons, orgs, places, dates]. */
export type ReportDocument = [string, string, string, number, number, number, number];

/** A document shown in full: its text (perhaps cut) and its mentions as [start, end, type, entity_id] in code points. */
export interface ReportText {
  text: string;
  /** The text was cut to this many code points. */
  cut: boolean;
  mentions: [number, number, EntityType, string][];
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
  /** Dated mentions: [date_start, date_end, granularity, count], sorted by start. */
  dates: [string, string, Granularity, number][];
  /** Dated mentions that were left out: vague (PRESENT_REF...), or relative with no publication date to resolve them. */
  undatedMentions: number;
  /** Documents by publication date: [YYYY-MM-DD, count], sorted; and how many have none. */
  docDates: [string, number][];
  undatedDocuments: number;
  edges: [string, string, number][];
  /** Listed documents (input order, capped), and the texts of the first ones with their mentions. */
  docs: ReportDocument[];
  texts: Record<string, ReportText>;
  /** Why no texts are shown, when none are. */
  textsNote: string;
  /** Caps applied, stated in the page. */
  caps: { table: number; examples: number; network: number; search: number; docList: number; texts: number; textChars: number };
}

export interface AggregateOptions {
  title?: string;
  /** Entities in the searchable table. */
  tableCap?: number;
  /** Entities after the table that search still finds (names and counts only, no contexts). */
  searchCap?: number;
  examplesPerEntity?: number;
  networkNodes?: number;
  /** Documents listed. */
  docListCap?: number;
  /** Documents whose text is embedded (the first ones, in input order). */
  textCap?: number;
  /** Longest text embedded, in code points (a longer one is cut). */
  textChars?: number;
}

export function granularity(value: string): Granularity {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'day';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  if (/^\d{4}$/.test(value)) return 'year';
  return 'span';
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

export async function aggregate(outDir: string, opts: AggregateOptions = {}): Promise<ReportData> {
  const run = await openRun(outDir);
  if (!run) throw new Error(`${outDir} holds no dossier output (documents/mentions .csv, .json, .jsonl or dossier.db); run dossier extract --out-dir ${outDir} first`);
  try {
    return await collect(outDir, run, opts);
  } finally {
    run.close();
  }
}

async function collect(outDir: string, run: NonNullable<Awaited<ReturnType<typeof openRun>>>, opts: AggregateOptions): Promise<ReportData> {
  const tableCap = opts.tableCap ?? 2000;
  const searchCap = opts.searchCap ?? 50_000;
  const perEntity = opts.examplesPerEntity ?? 5;
  const networkNodes = opts.networkNodes ?? 40;
  const docListCap = opts.docListCap ?? 5000;
  const textCap = opts.textCap ?? 200;
  const textChars = opts.textChars ?? 100_000;

  const titles = new Map<string, string>();
  const docDates = new Map<string, number>();
  const docs: ReportDocument[] = [];
  const texts: Record<string, ReportText> = {};
  let textsNote = '';
  let documents = 0;
  let failed = 0;
  let undatedDocuments = 0;
  // A CSV run keeps no texts: they are read again from its inputs, when they are still there.
  let textOf: ((id: string) => Promise<string | undefined>) | null = null;
  if (!run.hasText && textCap > 0) {
    try {
      textOf = await textsFromInputs(outDir);
    } catch (err) {
      textsNote = (err as Error).message;
    }
  }
  for await (const d of run.rows('documents')) {
    documents++;
    if (d.status === 'error') {
      failed++;
      continue;
    }
    const id = str(d.doc_id);
    const title = str(d.title);
    const date = str(d.date);
    titles.set(id, title);
    if (date) docDates.set(date, (docDates.get(date) ?? 0) + 1);
    else undatedDocuments++;
    if (docs.length < docListCap) docs.push([id, title, date, Number(d.persons), Number(d.orgs), Number(d.places), Number(d.dates)]);
    if (Object.keys(texts).length < textCap && (run.hasText || textOf)) {
      let text: string | undefined;
      try {
        text = run.hasText ? str(d.text) : await textOf!(id);
      } catch (err) {
        textsNote = `texts could not be read again from the inputs: ${(err as Error).message}`;
        textOf = null;
      }
      if (text) {
        const cps = Array.from(text);
        const cut = cps.length > textChars;
        texts[id] = { text: cut ? cps.slice(0, textChars).join('') : text, cut, mentions: [] };
      }
    }
  }
  if (Object.keys(texts).length === 0 && !textsNote) textsNote = 'no document texts in this run';
  const all: ReportEntity[] = [];
  for await (const e of run.rows('entities')) {
    if (e.type === 'DATE') continue;
    all.push({
      id: str(e.entity_id),
      type: e.type as EntityType,
      name: str(e.canonical),
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
  const dates = new Map<string, number>();
  let undatedMentions = 0;
  let mentionCount = 0;
  for await (const m of run.rows('mentions') as AsyncGenerator<Row>) {
    mentionCount++;
    const doc = str(m.doc_id);
    const shown = texts[doc];
    if (shown) {
      const end = Number(m.end);
      if (end <= textChars) shown.mentions.push([Number(m.start), end, m.type as EntityType, str(m.entity_id)]);
    }
    if (m.type === 'DATE') {
      const start = str(m.date_start);
      const stop = str(m.date_end);
      if (/^\d{4}-\d{2}-\d{2}$/.test(start) && /^\d{4}-\d{2}-\d{2}$/.test(stop)) {
        const key = `${start}|${stop}|${granularity(str(m.value))}`;
        dates.set(key, (dates.get(key) ?? 0) + 1);
      } else undatedMentions++;
      continue;
    }
    const e = byId.get(str(m.entity_id));
    if (e && e.examples.length < perEntity) {
      e.examples.push({ doc, title: titles.get(doc) ?? '', context: str(m.context), text: str(m.text) });
    }
  }
  // The network: pairs among the most mentioned people, organizations and places.
  const top = new Set(all.slice(0, networkNodes).map((e) => e.id));
  const edges: [string, string, number][] = [];
  for await (const c of run.rows('cooccurrences')) {
    const a = str(c.entity_a);
    const b = str(c.entity_b);
    if (top.has(a) && top.has(b)) edges.push([a, b, Number(c.documents)]);
  }
  edges.sort((x, y) => y[2] - x[2]);
  const byKey = (a: [string, ...unknown[]], b: [string, ...unknown[]]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  return {
    title: opts.title ?? 'dossier report',
    documents,
    failed,
    mentionCount,
    entityCount: all.length,
    entities,
    more: all.slice(tableCap, tableCap + searchCap).map((e) => [e.id, e.type, e.name, e.mentions, e.docs]),
    dates: [...dates.entries()]
      .map(([k, n]) => {
        const [start, end, g] = k.split('|');
        return [start, end, g as Granularity, n] as [string, string, Granularity, number];
      })
      .sort((a, b) => byKey(a, b) || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)),
    undatedMentions,
    docDates: [...docDates.entries()].sort(byKey),
    undatedDocuments,
    edges: edges.slice(0, 300),
    docs,
    texts,
    textsNote,
    caps: { table: tableCap, examples: perEntity, network: networkNodes, search: searchCap, docList: docListCap, texts: textCap, textChars },
  };
}
