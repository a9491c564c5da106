// Which people, organizations and places appear together: per pair, the
// number of documents and of sentences holding both.

import type { OutputMention } from '../types.js';

export interface CooccurrenceRow {
  entity_a: string;
  entity_b: string;
  documents: number;
  sentences: number;
}

interface PairCounts {
  documents: number;
  sentences: number;
}

export class CooccurrenceTable {
  /** entity_a -> entity_b -> counts, with entity_a < entity_b. Nested maps: no key string built per pair. */
  private pairs = new Map<string, Map<string, PairCounts>>();

  /** All mentions of one document. */
  add(mentions: OutputMention[]): void {
    const d = this.document();
    d.add(mentions);
    d.end();
  }

  /**
   * One document whose mentions come in chunks (a huge document written piece
   * by piece): sentences never span chunks, documents are counted at end().
   */
  document(): { add(mentions: OutputMention[]): void; end(): void } {
    const docEntities = new Set<string>();
    return {
      add: (mentions) => {
        const bySentence = new Map<number, Set<string>>();
        for (const m of mentions) {
          if (m.type === 'DATE' || !m.entity_id) continue;
          docEntities.add(m.entity_id);
          let s = bySentence.get(m.sentence);
          if (!s) bySentence.set(m.sentence, (s = new Set()));
          s.add(m.entity_id);
        }
        for (const ids of bySentence.values()) if (ids.size > 1) this.count(ids, 'sentences');
      },
      end: () => this.count(docEntities, 'documents'),
    };
  }

  /** Bump one counter for every pair of the given ids. */
  private count(ids: Set<string>, field: keyof PairCounts): void {
    const list = [...ids].sort();
    for (let i = 0; i < list.length - 1; i++) {
      let row = this.pairs.get(list[i]);
      if (!row) this.pairs.set(list[i], (row = new Map()));
      for (let j = i + 1; j < list.length; j++) {
        let p = row.get(list[j]);
        if (!p) row.set(list[j], (p = { documents: 0, sentences: 0 }));
        p[field]++;
      }
    }
  }

  rows(): CooccurrenceRow[] {
    const out: CooccurrenceRow[] = [];
    for (const [entity_a, row] of this.pairs) for (const [entity_b, v] of row) out.push({ entity_a, entity_b, documents: v.documents, sentences: v.sentences });
    return out.sort((x, y) => (x.entity_a < y.entity_a ? -1 : x.entity_a > y.entity_a ? 1 : x.entity_b < y.entity_b ? -1 : x.entity_b > y.entity_b ? 1 : 0));
  }
}
