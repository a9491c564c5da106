// Mentions -> one row per referent across all documents. Rows are sorted and
// every aggregate is order-independent, so shards merge to identical bytes.

import type { EntityType, OutputEntity, OutputMention } from '../types.js';

const TYPE_ORDER: Record<EntityType, number> = { PERSON: 0, ORG: 1, PLACE: 2, DATE: 3 };

interface Acc {
  type: EntityType;
  canonicals: Map<string, number>;
  aliases: Set<string>;
  mentions: number;
  /** Documents counted so far, and the last one (all of a document's mentions arrive in one add()). */
  docCount: number;
  lastDoc: string | null;
  first: string;
  last: string;
  place: Pick<OutputEntity, 'place_kind' | 'country_code' | 'latitude' | 'longitude' | 'geonames_id'> | null;
  placeFrom: string;
}

export class EntityTable {
  private acc = new Map<string, Acc>();

  /** All mentions of one document, once per document (readers make document ids unique within a run). */
  add(docId: string, docDate: string, mentions: OutputMention[]): void {
    for (const m of mentions) {
      if (!m.entity_id) continue; // a mention without a linked entity (a vague date)
      let a = this.acc.get(m.entity_id);
      if (!a) {
        a = { type: m.type, canonicals: new Map(), aliases: new Set(), mentions: 0, docCount: 0, lastDoc: null, first: '', last: '', place: null, placeFrom: '' };
        this.acc.set(m.entity_id, a);
      }
      a.mentions++;
      a.aliases.add(m.text);
      const canonical = m.type === 'DATE' ? m.value || m.text : m.canonical;
      a.canonicals.set(canonical, (a.canonicals.get(canonical) ?? 0) + 1);
      if (a.lastDoc !== docId) {
        a.docCount++;
        a.lastDoc = docId;
      }
      if (docDate) {
        if (!a.first || docDate < a.first) a.first = docDate;
        if (!a.last || docDate > a.last) a.last = docDate;
      }
      // Place columns from the smallest mention id that has them: independent of arrival order.
      if (m.place_kind && (!a.place || m.mention_id < a.placeFrom)) {
        a.place = { place_kind: m.place_kind, country_code: m.country_code, latitude: m.latitude, longitude: m.longitude, geonames_id: m.geonames_id };
        a.placeFrom = m.mention_id;
      }
    }
  }

  rows(): OutputEntity[] {
    const out: OutputEntity[] = [];
    for (const [id, a] of this.acc) {
      // The most frequent canonical form; ties broken by the longer, then alphabetical.
      let canonical = '';
      let best = -1;
      for (const [c, n] of a.canonicals) {
        if (n > best || (n === best && (c.length > canonical.length || (c.length === canonical.length && c < canonical)))) {
          canonical = c;
          best = n;
        }
      }
      out.push({
        entity_id: id,
        type: a.type,
        canonical,
        aliases: [...a.aliases].sort().join(' | '),
        mention_count: a.mentions,
        document_count: a.docCount,
        first_date: a.first,
        last_date: a.last,
        place_kind: a.place?.place_kind ?? '',
        country_code: a.place?.country_code ?? '',
        latitude: a.place?.latitude ?? null,
        longitude: a.place?.longitude ?? null,
        geonames_id: a.place?.geonames_id ?? '',
      });
    }
    return out.sort((x, y) => TYPE_ORDER[x.type] - TYPE_ORDER[y.type] || (x.entity_id < y.entity_id ? -1 : x.entity_id > y.entity_id ? 1 : 0));
  }
}
