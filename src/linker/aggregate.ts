// Mentions -> one row per referent across all documents. Mentions are first
// summed per document-local referent (type, the document's canonical name,
// the place it resolved to); the linker (./link.ts) then merges those into
// archive entities. Every aggregate is order-independent and rows are sorted,
// so shards merge to identical bytes.

import type { EntityType, OutputEntity, OutputMention } from '../types.js';
import { linkEntities, type LocalEntity, type Linking } from './link.js';

const TYPE_ORDER: Record<EntityType, number> = { PERSON: 0, ORG: 1, PLACE: 2, DATE: 3 };

type PlaceCols = Pick<OutputEntity, 'place_kind' | 'country_code' | 'latitude' | 'longitude' | 'geonames_id'>;

interface Acc extends LocalEntity {
  /** The last document counted (all of a document's mentions arrive together). */
  lastDoc: string | null;
  first: string;
  last: string;
  place: PlaceCols | null;
  /** Mentions per surface form. */
  aliasCounts: Map<string, number>;
}

/**
 * The document-local referent of a mention row: what the linker links. It is
 * built from columns that linking never changes (type, canonical, geonames_id;
 * a date's id), so rows read back from a linked run give the same key.
 */
export function localKey(m: Pick<OutputMention, 'type' | 'canonical' | 'geonames_id' | 'entity_id' | 'value'>): string {
  if (m.type === 'DATE') return m.entity_id;
  return `${m.type}\u0000${m.canonical}\u0000${localQualifier(m)}`;
}

/** The third part of a local key: a place's GeoNames id, a generic organization's qualifying place ("Canada" for a "Supreme Court"). */
export function localQualifier(m: Pick<OutputMention, 'type' | 'geonames_id' | 'value'>): string {
  return m.type === 'PLACE' ? (m.geonames_id ?? '') : m.type === 'ORG' ? (m.value ?? '') : '';
}

export class EntityTable {
  private acc = new Map<string, Acc>();

  /** All mentions of one document, once per document (readers make document ids unique within a run); a huge document may come in consecutive chunks. */
  add(docId: string, docDate: string, mentions: OutputMention[]): void {
    for (const m of mentions) {
      if (!m.entity_id) continue; // a mention without a linked entity (a vague date)
      const key = localKey(m);
      let a = this.acc.get(key);
      if (!a) {
        a = {
          key,
          type: m.type,
          canonical: m.type === 'DATE' ? m.value || m.text : m.canonical,
          localId: m.entity_id,
          geonamesId: m.type === 'PLACE' ? (m.geonames_id ?? '') : '',
          qualifier: m.type === 'ORG' ? (m.value ?? '') : '',
          mentions: 0,
          documents: 0,
          aliases: new Set(),
          aliasCounts: new Map(),
          lastDoc: null,
          first: '',
          last: '',
          place: null,
        };
        this.acc.set(key, a);
      }
      a.mentions++;
      a.aliases.add(m.text);
      a.aliasCounts.set(m.text, (a.aliasCounts.get(m.text) ?? 0) + 1);
      if (a.lastDoc !== docId) {
        a.documents++;
        a.lastDoc = docId;
      }
      if (docDate) {
        if (!a.first || docDate < a.first) a.first = docDate;
        if (!a.last || docDate > a.last) a.last = docDate;
      }
      if (m.place_kind && !a.place) {
        a.place = { place_kind: m.place_kind, country_code: m.country_code, latitude: m.latitude, longitude: m.longitude, geonames_id: m.geonames_id };
      }
    }
  }

  /** Run the linker over everything added so far. */
  link(): Linking {
    return linkEntities(this.acc.values());
  }

  /**
   * One row per archive entity. `documentCounts` (archive id -> documents) comes
   * from a pass over the linked mentions; without it a count is the sum over the
   * entity's local referents, which counts a document twice when it holds two
   * referents that were linked to one entity.
   */
  rows(linking: Linking = this.link(), documentCounts?: Map<string, number>): OutputEntity[] {
    interface Out {
      type: EntityType;
      members: Acc[];
    }
    const byId = new Map<string, Out>();
    for (const a of this.acc.values()) {
      const id = linking.links.get(a.key)?.id ?? a.localId;
      const o = byId.get(id);
      if (o) o.members.push(a);
      else byId.set(id, { type: a.type, members: [a] });
    }
    const out: OutputEntity[] = [];
    for (const [id, o] of byId) {
      const info = linking.entities.get(id);
      const aliases = new Map<string, number>();
      let mentions = 0;
      let documents = 0;
      let first = '';
      let last = '';
      // The place of the entity: the resolution most of its mentions got (ties: the smaller GeoNames id).
      const votes = new Map<string, { n: number; place: PlaceCols }>();
      for (const a of o.members) {
        for (const [x, n] of a.aliasCounts) aliases.set(x, (aliases.get(x) ?? 0) + n);
        mentions += a.mentions;
        documents += a.documents;
        if (a.first && (!first || a.first < first)) first = a.first;
        if (a.last && (!last || a.last > last)) last = a.last;
        if (a.place) {
          const k = a.place.geonames_id || `${a.place.latitude},${a.place.longitude}`;
          const v = votes.get(k);
          if (v) v.n += a.mentions;
          else votes.set(k, { n: a.mentions, place: a.place });
        }
      }
      let place: PlaceCols | null = null;
      let bestN = 0;
      let bestK = '';
      for (const [k, v] of votes) {
        if (v.n > bestN || (v.n === bestN && k < bestK)) {
          place = v.place;
          bestN = v.n;
          bestK = k;
        }
      }
      out.push({
        entity_id: id,
        type: o.type,
        canonical: info?.canonical ?? o.members[0].canonical,
        // Most used surface form first, each with its mention count: "Farraday (2) | Ellen Farraday (1)".
        aliases: [...aliases]
          .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
          .map(([x, n]) => `${x} (${n})`)
          .join(' | '),
        mention_count: mentions,
        document_count: documentCounts?.get(id) ?? documents,
        first_date: first,
        last_date: last,
        place_kind: place?.place_kind ?? '',
        country_code: place?.country_code ?? '',
        latitude: place?.latitude ?? null,
        longitude: place?.longitude ?? null,
        geonames_id: place?.geonames_id ?? '',
        merged_from: info?.mergedFrom.join(' | ') ?? '',
        ambiguous_with: info?.ambiguousWith.join(' | ') ?? '',
      });
    }
    return out.sort((x, y) => TYPE_ORDER[x.type] - TYPE_ORDER[y.type] || (x.entity_id < y.entity_id ? -1 : x.entity_id > y.entity_id ? 1 : 0));
  }
}
