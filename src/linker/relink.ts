// The second pass of a run: once every document is extracted, the linker has
// decided which archive entity each document-local referent belongs to. The
// mention rows are read back in order, get their archive entity_id, and the
// entity and co-occurrence tables are counted from the linked rows.

import type { OutputEntity, OutputMention } from '../types.js';
import { EntityTable, localKey } from './aggregate.js';
import { CooccurrenceTable, type CooccurrenceRow } from './cooccur.js';
import type { Linking } from './link.js';

export class Relinker {
  readonly linking: Linking;
  private cooc = new CooccurrenceTable();
  private docCounts = new Map<string, number>();
  private seenInDoc = new Set<string>();
  private doc: string | null = null;
  private coocDoc: ReturnType<CooccurrenceTable['document']> | null = null;
  /** Rows of the current sentence (co-occurrences are counted per sentence). */
  private run: OutputMention[] = [];

  constructor(private readonly table: EntityTable) {
    this.linking = table.link();
  }

  /** The archive id of a mention row. */
  idOf(m: OutputMention): string {
    return this.linking.links.get(localKey(m))?.id ?? m.entity_id;
  }

  /** Give a mention row its archive id; rows must come document by document, in text order. */
  map(m: OutputMention): OutputMention {
    const id = this.idOf(m);
    const row = id === m.entity_id ? m : { ...m, entity_id: id };
    if (row.doc_id !== this.doc) {
      this.endDocument();
      this.doc = row.doc_id;
      this.coocDoc = this.cooc.document();
    }
    if (this.run.length > 0 && this.run[0].sentence !== row.sentence) this.flushRun();
    this.run.push(row);
    if (!this.seenInDoc.has(id)) {
      this.seenInDoc.add(id);
      this.docCounts.set(id, (this.docCounts.get(id) ?? 0) + 1);
    }
    return row;
  }

  private flushRun(): void {
    if (this.run.length > 0) this.coocDoc?.add(this.run);
    this.run = [];
  }

  private endDocument(): void {
    this.flushRun();
    this.coocDoc?.end();
    this.coocDoc = null;
    this.seenInDoc.clear();
  }

  finish(): { entities: OutputEntity[]; cooccurrences: CooccurrenceRow[] } {
    this.endDocument();
    return { entities: this.table.rows(this.linking, this.docCounts), cooccurrences: this.cooc.rows() };
  }
}

/** Link mentions held in memory (eval, tests): the rows of each document, in order. */
export function linkInMemory(docs: { id: string; date: string; mentions: OutputMention[] }[]): {
  mentions: OutputMention[][];
  entities: OutputEntity[];
  cooccurrences: CooccurrenceRow[];
} {
  const table = new EntityTable();
  for (const d of docs) table.add(d.id, d.date, d.mentions);
  const r = new Relinker(table);
  const mentions = docs.map((d) => d.mentions.map((m) => r.map(m)));
  return { mentions, ...r.finish() };
}
