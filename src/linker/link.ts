// Cross-document entity resolution (the linker). Extraction gives every
// mention a document-local referent: its type, the canonical name its
// document gives it and, for places, the gazetteer entry it resolved to. The
// linker merges those local referents across the archive into archive
// entities. It sees only aggregates (names, counts, aliases), never the
// order documents came in, so a run, its shards merged, or a resumed run all
// get the same ids.
//
// PERSON
// - Full names are grouped by first name and surname, folded over accents,
//   transliteration variants and doubled letters ("Zelenskyy"/"Zelensky").
//   Middle names and initials must agree when both names give them ("James C.
//   Kopp" = "James Charles Kopp"; "George H.W. Bush" != "George W. Bush"); a
//   name without middle names joins the one cluster that gives them, or the
//   one that dominates (twice the documents of the next), else stays apart.
//   Differing suffixes ("Jr." vs "Sr.") keep people apart.
// - A surname alone ("Clinton") joins the one full-name entity with that
//   surname, or the one that dominates the archive (twice the documents of
//   the next); when two compete it stays apart and both are listed in
//   `ambiguous_with`.
// ORG
// - Names the alias table knows are one entity; an acronym used alone joins
//   the one organization that some document spelled out with that acronym
//   (its aliases hold the acronym).
// - A generic name ("Supreme Court") with a qualifier (the place the text tied
//   it to, the mention's `value`) is one entity per name and place
//   ("org:supreme-court-canada"); the bare name stays apart, flagged as
//   ambiguous with every qualified one. A plural demonym ("New Yorkers")
//   never takes an organization's alias.
// PLACE
// - One entity per gazetteer entry (GeoNames id). Two entries with the same
//   name get the id suffixed with their GeoNames id ("place:wilmington-4145381");
//   an unresolved mention of such a name stays on the plain id, flagged.
// DATE ids are their values and are not linked.

import { placeInsideName } from '../normalizers/qualifiers.js';
import type { EntityType } from '../types.js';
import { entityId, slugify } from './slug.js';
import { foldNameWord, parsePersonName } from '../normalizers/names.js';
import { lookupOrg } from '../normalizers/aliases.js';
import { lookupPlace } from '../normalizers/places.js';
import { isDemonymPlural } from '../resolver/referents.js';

/** What the linker knows of one document-local referent (summed over the archive). */
export interface LocalEntity {
  key: string;
  type: EntityType;
  /** The document-local canonical name (for DATE the value). */
  canonical: string;
  /** The id extraction gave it (DATE ids are kept). */
  localId: string;
  geonamesId: string;
  /** ORG with a generic name: the place the text tied it to ('' when none). */
  qualifier: string;
  mentions: number;
  documents: number;
  aliases: Set<string>;
}

export interface Link {
  /** The archive entity id. */
  id: string;
  /** Why this referent joined its entity ('' when it is the entity's own name). */
  rule: string;
}

export interface ArchiveInfo {
  canonical: string;
  /** Local canonical forms merged into the entity, each with its rule: "Clinton (surname)". */
  mergedFrom: string[];
  /** Entities a surname-only or unqualified referent could also belong to. */
  ambiguousWith: string[];
}

export interface Linking {
  links: Map<string, Link>;
  entities: Map<string, ArchiveInfo>;
}

/** Dominance: the leading candidate needs this many times the documents of the next one. */
export const DOMINANCE = 2;

const isAcronym = (s: string) => !s.includes(' ') && /^[\p{Lu}\p{N}&.\-]+$/u.test(s) && /\p{Lu}/u.test(s);

interface Cluster {
  members: LocalEntity[];
  rules: Map<string, string>;
  documents: number;
  mentions: number;
  ambiguous: Set<Cluster>;
  /** PLACE: the GeoNames id the cluster stands for. */
  gid?: string;
  /** PLACE: the name its id is built from. */
  idName?: string;
  /** The name shown when it is not a member's ("Supreme Court (Canada)"). */
  shown?: string;
  id?: string;
}

function newCluster(first: LocalEntity, rule = ''): Cluster {
  const c: Cluster = { members: [], rules: new Map(), documents: 0, mentions: 0, ambiguous: new Set() };
  join(c, first, rule);
  return c;
}

function join(c: Cluster, e: LocalEntity, rule: string): void {
  c.members.push(e);
  c.rules.set(e.key, rule);
  c.documents += e.documents;
  c.mentions += e.mentions;
}

/** Deterministic order: most documents, most mentions, then key. */
const byWeight = (a: { documents: number; mentions: number; key?: string }, b: { documents: number; mentions: number; key?: string }) =>
  b.documents - a.documents || b.mentions - a.mentions || ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0);

const clusterKey = (c: Cluster) => c.members[0].key;
const byClusterWeight = (a: Cluster, b: Cluster) =>
  b.documents - a.documents || b.mentions - a.mentions || (clusterKey(a) < clusterKey(b) ? -1 : clusterKey(a) > clusterKey(b) ? 1 : 0);

/** The one cluster that dominates the candidates, else null. */
function dominant(cands: Cluster[]): Cluster | null {
  if (cands.length === 0) return null;
  const sorted = [...cands].sort(byClusterWeight);
  if (sorted.length === 1) return sorted[0];
  return sorted[0].documents >= DOMINANCE * sorted[1].documents ? sorted[0] : null;
}

// PERSON ---------------------------------------------------------------------

interface ParsedPerson {
  e: LocalEntity;
  first: string;
  surname: string;
  middles: string[];
  suffix: string;
}

function middlesAgree(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i].replace(/\.$/, '');
    const y = b[i].replace(/\.$/, '');
    if (x[0]?.toLowerCase() !== y[0]?.toLowerCase()) return false;
    if (x.length > 1 && y.length > 1 && foldNameWord(x) !== foldNameWord(y)) return false;
  }
  return true;
}

const specified = (p: ParsedPerson) => p.middles.length > 0 || p.suffix !== '';
const suffixKey = (s: string) => s.toLowerCase().replace(/[.,\s]/g, '');

function agrees(a: ParsedPerson, b: ParsedPerson): boolean {
  if (a.suffix && b.suffix && suffixKey(a.suffix) !== suffixKey(b.suffix)) return false;
  return middlesAgree(a.middles, b.middles);
}

function linkPersons(locals: LocalEntity[], out: Cluster[]): void {
  const groups = new Map<string, ParsedPerson[]>();
  const singles: ParsedPerson[] = [];
  for (const e of locals) {
    const n = parsePersonName(e.canonical);
    const p: ParsedPerson = {
      e,
      first: n.first ? foldNameWord(n.first) : '',
      surname: foldNameWord(n.surnameCore, true),
      middles: n.middles,
      suffix: n.suffix,
    };
    if (!n.first) {
      singles.push(p);
      continue;
    }
    const k = `${p.first}\u0000${p.surname}`;
    const g = groups.get(k);
    if (g) g.push(p);
    else groups.set(k, [p]);
  }
  const bySurname = new Map<string, Cluster[]>();
  for (const g of [...groups.keys()].sort()) {
    const people = groups.get(g)!;
    people.sort((a, b) => byWeight(a.e, b.e));
    // Names that give middle names or a suffix form clusters of agreeing names.
    const spec: { rep: ParsedPerson[]; c: Cluster }[] = [];
    for (const p of people.filter(specified)) {
      const hit = spec.find((s) => s.rep.every((r) => agrees(r, p)));
      if (hit) {
        join(hit.c, p.e, 'middle names');
        hit.rep.push(p);
      } else spec.push({ rep: [p], c: newCluster(p.e) });
    }
    const clusters = spec.map((s) => s.c);
    const plain = people.filter((p) => !specified(p));
    if (clusters.length === 0 && plain.length > 0) {
      const c = newCluster(plain[0].e);
      for (const p of plain.slice(1)) join(c, p.e, 'other spelling');
      clusters.push(c);
    } else {
      const target = dominant(clusters);
      for (const p of plain) {
        if (target) join(target, p.e, 'no middle names');
        else {
          const c = newCluster(p.e);
          for (const o of clusters) c.ambiguous.add(o);
          clusters.push(c);
        }
      }
    }
    for (const c of clusters) {
      const s = g.split('\u0000')[1];
      const list = bySurname.get(s);
      if (list) list.push(c);
      else bySurname.set(s, [c]);
      out.push(c);
    }
  }
  // A surname alone joins the full-name entity that dominates that surname.
  singles.sort((a, b) => byWeight(a.e, b.e));
  for (const p of singles) {
    const cands = bySurname.get(p.surname) ?? [];
    const target = dominant(cands);
    if (target) join(target, p.e, 'surname');
    else {
      const c = newCluster(p.e);
      for (const o of cands) c.ambiguous.add(o);
      out.push(c);
    }
  }
}

// ORG ------------------------------------------------------------------------

function linkOrgs(locals: LocalEntity[], out: Cluster[]): void {
  const byName = new Map<string, Cluster>();
  const acronyms: LocalEntity[] = [];
  const sorted = [...locals].sort(byWeight);
  // Qualified generic names ("Supreme Court" of Canada): one entity per name and place.
  const qualified = new Map<string, Cluster[]>();
  for (const e of sorted) {
    const known = isDemonymPlural(e.canonical) ? null : lookupOrg(e.canonical);
    if (!known && isAcronym(e.canonical)) {
      acronyms.push(e);
      continue;
    }
    // "Supreme Court of Canada" is the generic "Supreme Court" with the qualifier Canada, like "Canada's Supreme Court".
    const inside = e.qualifier ? placeInsideName(e.canonical) : null;
    const name = inside && inside.place === e.qualifier ? inside.base : known?.canonical ?? e.canonical;
    const k = e.qualifier ? `${slugify(name)}\u0000${e.qualifier}` : slugify(name);
    const c = byName.get(k);
    if (c) join(c, e, known ? 'alias table' : e.qualifier ? 'same name and place' : 'same name');
    else {
      const n = newCluster(e);
      n.idName = e.qualifier ? `${name} ${e.qualifier}` : name;
      n.shown = e.qualifier ? `${name} (${e.qualifier})` : undefined;
      byName.set(k, n);
      out.push(n);
      if (e.qualifier) {
        const l = qualified.get(slugify(name));
        if (l) l.push(n);
        else qualified.set(slugify(name), [n]);
      }
    }
  }
  // The same name without a place stays apart, flagged: a bare "Supreme Court" may be any of them.
  for (const [s, list] of qualified) {
    const bare = byName.get(s);
    if (bare) for (const c of list) bare.ambiguous.add(c);
  }
  // An acronym joins the organization some document spelled out with it.
  const expansions = [...byName.values()].filter((c) => !isAcronym(c.idName ?? ''));
  for (const e of acronyms) {
    const cands = expansions.filter((c) => c.members.some((m) => m.aliases.has(e.canonical)));
    const exact = byName.get(slugify(e.canonical));
    const target = exact ?? (cands.length === 1 ? cands[0] : dominant(cands));
    if (target) join(target, e, exact ? 'same name' : 'acronym');
    else {
      const c = newCluster(e);
      c.idName = e.canonical;
      for (const o of cands) c.ambiguous.add(o);
      byName.set(slugify(e.canonical), c);
      out.push(c);
    }
  }
}

// PLACE ----------------------------------------------------------------------

function placeName(e: LocalEntity): string {
  return lookupPlace(e.canonical)?.name || e.canonical;
}

function linkPlaces(locals: LocalEntity[], out: Cluster[]): void {
  const byGid = new Map<string, Cluster>();
  const unresolved: LocalEntity[] = [];
  for (const e of [...locals].sort(byWeight)) {
    if (!e.geonamesId) {
      unresolved.push(e);
      continue;
    }
    const c = byGid.get(e.geonamesId);
    if (c) join(c, e, 'same place');
    else {
      const n = newCluster(e);
      n.gid = e.geonamesId;
      byGid.set(e.geonamesId, n);
      out.push(n);
    }
  }
  // The name each place's id is built from: the gazetteer's name of its most used form.
  const bySlug = new Map<string, Cluster[]>();
  for (const c of byGid.values()) {
    c.idName = placeName(c.members[0]);
    const s = slugify(c.idName);
    const l = bySlug.get(s);
    if (l) l.push(c);
    else bySlug.set(s, [c]);
  }
  for (const [s, list] of bySlug) {
    if (list.length > 1) for (const c of list) c.id = `place:${s}-${slugify(c.gid!)}`;
  }
  // Unresolved names join the one place of that name, else stay on the plain id.
  const plain = new Map<string, Cluster>();
  for (const e of unresolved) {
    const s = slugify(placeName(e));
    const cands = bySlug.get(s) ?? [];
    if (cands.length === 1) {
      join(cands[0], e, 'same name');
      continue;
    }
    const c = plain.get(s);
    if (c) join(c, e, 'same name');
    else {
      const n = newCluster(e);
      n.idName = placeName(e);
      for (const o of cands) n.ambiguous.add(o);
      plain.set(s, n);
      out.push(n);
    }
  }
}

// ---------------------------------------------------------------------------

/** The name an entity is shown and identified by: its most used full form (a person's full name, an organization spelled out). */
function representative(c: Cluster): string {
  const type = c.members[0].type;
  const full = (m: LocalEntity) => (type === 'PERSON' ? parsePersonName(m.canonical).first !== '' : type === 'ORG' ? !isAcronym(m.canonical) : true);
  let best: LocalEntity | null = null;
  for (const m of c.members) {
    if (!best) {
      best = m;
      continue;
    }
    const fm = full(m);
    const fb = full(best);
    if (fm !== fb) {
      if (fm) best = m;
      continue;
    }
    if (m.mentions > best.mentions || (m.mentions === best.mentions && (m.canonical.length > best.canonical.length || (m.canonical.length === best.canonical.length && m.canonical < best.canonical)))) best = m;
  }
  return best!.canonical;
}

/** Link the document-local referents of a whole archive. */
export function linkEntities(locals: Iterable<LocalEntity>): Linking {
  const byType: Record<EntityType, LocalEntity[]> = { PERSON: [], ORG: [], PLACE: [], DATE: [] };
  for (const e of locals) byType[e.type].push(e);
  const clusters: Cluster[] = [];
  linkPersons(byType.PERSON, clusters);
  linkOrgs(byType.ORG, clusters);
  linkPlaces(byType.PLACE, clusters);
  const links = new Map<string, Link>();
  const entities = new Map<string, ArchiveInfo>();
  for (const e of byType.DATE) {
    links.set(e.key, { id: e.localId, rule: '' });
    if (!entities.has(e.localId)) entities.set(e.localId, { canonical: e.canonical, mergedFrom: [], ambiguousWith: [] });
  }
  const taken = new Set<string>();
  // Ids: the representative name's slug; the heaviest cluster keeps it if two would share one.
  clusters.sort(byClusterWeight);
  for (const c of clusters) {
    const type = c.members[0].type;
    const canonical = representative(c);
    let id = c.id ?? entityId(type, c.idName ?? canonical);
    if (taken.has(id)) {
      let n = 2;
      while (taken.has(`${id}-${n}`)) n++;
      id = `${id}-${n}`;
    }
    taken.add(id);
    c.id = id;
    const merged = new Set<string>();
    // The member that founded the cluster is related to the shown name as the shown name is to it.
    const repRule = c.rules.get(c.members.find((m) => m.canonical === canonical)?.key ?? '') || 'same name';
    for (const m of c.members) {
      const rule = c.rules.get(m.key) ?? '';
      links.set(m.key, { id, rule });
      if (m.canonical !== canonical) merged.add(`${m.canonical} (${rule || repRule})`);
    }
    // A place known only by an abbreviation ("Del.", "Ore.") is shown by its gazetteer name.
    const shown = c.shown ?? (type === 'PLACE' && c.idName && /^(?:\p{Lu}[\p{L}]{0,4}\.)+$/u.test(canonical) ? c.idName : canonical);
    entities.set(id, { canonical: shown, mergedFrom: [...merged].sort(), ambiguousWith: [] });
  }
  for (const c of clusters) {
    if (c.ambiguous.size === 0) continue;
    entities.get(c.id!)!.ambiguousWith = [...c.ambiguous].map((o) => o.id!).sort();
  }
  return { links, entities };
}
