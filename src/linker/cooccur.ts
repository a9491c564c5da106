// Which people, organizations and places appear together: per pair, the
// number of documents and of sentences holding both.

import type { OutputMention } from '../types.js';

export interface CooccurrenceRow {
  entity_a: string;
  entity_b: string;
  documents: number;
  sentences: number;
}

export class CooccurrenceTable {
  private pairs = new Map<string, { documents: number; sentences: number }>();

  add(mentions: OutputMention[]): void {
    const docEntities = new Set<string>();
    const bySentence = new Map<number, Set<string>>();
    for (const m of mentions) {
      if (m.type === 'DATE') continue;
      docEntities.add(m.entity_id);
      let s = bySentence.get(m.sentence);
      if (!s) bySentence.set(m.sentence, (s = new Set()));
      s.add(m.entity_id);
    }
    for (const [a, b] of pairsOf(docEntities)) this.bump(a, b).documents++;
    for (const ids of bySentence.values()) for (const [a, b] of pairsOf(ids)) this.bump(a, b).sentences++;
  }

  private bump(a: string, b: string) {
    const key = `${a}\u0000${b}`;
    let p = this.pairs.get(key);
    if (!p) this.pairs.set(key, (p = { documents: 0, sentences: 0 }));
    return p;
  }

  rows(): CooccurrenceRow[] {
    return [...this.pairs.entries()]
      .map(([k, v]) => {
        const [entity_a, entity_b] = k.split('\u0000');
        return { entity_a, entity_b, documents: v.documents, sentences: v.sentences };
      })
      .sort((x, y) => (x.entity_a < y.entity_a ? -1 : x.entity_a > y.entity_a ? 1 : x.entity_b < y.entity_b ? -1 : x.entity_b > y.entity_b ? 1 : 0));
  }
}

function* pairsOf(ids: Set<string>): Generator<[string, string]> {
  const list = [...ids].sort();
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) yield [list[i], list[j]];
}
