// Geocoding of PLACE mentions: each name is resolved to one gazetteer entry
// (country, region, city or feature) with its country code, coordinates and
// GeoNames id. Ambiguous names are settled by the other places of the same
// document: a state or country named elsewhere, the countries of its cities,
// "City, State" pairs in the text, neighbouring countries, then population.
// When two readings stay close and nothing in the document tells them apart,
// the result is left empty rather than guessed.

import { readFileSync } from 'node:fs';
import type { PlaceInfo } from '../types.js';
import { foldKey, gazetteer, lookupEntries, type GazEntry } from '../data/gazetteer.js';
import { dataPath } from '../util/paths.js';

let vague: Set<string> | null = null;
/** Regions too vague to map ("the West", data/places/aliases.json vagueRegions): resolved without coordinates. */
function isVagueRegion(name: string): boolean {
  if (!vague) {
    const raw = JSON.parse(readFileSync(dataPath('places', 'aliases.json'), 'utf8')) as { vagueRegions?: string[] };
    vague = new Set((raw.vagueRegions ?? []).map((s) => foldKey(s.replace(/^the\s+/i, ''))));
  }
  return vague.has(foldKey(name.trim().replace(/^the\s+/i, '')));
}

const EMPTY: PlaceInfo = { placeKind: '', countryCode: '', latitude: null, longitude: null, geonamesId: '', name: '' };
/** Two readings closer than this (in prior+context points) are "too ambiguous". */
const AMBIGUITY_MARGIN = 0.5;
/** A reading that is this much surer than every other one counts as context for the rest. */
const ANCHOR_MARGIN = 1.0;

function info(e: GazEntry): PlaceInfo {
  return { placeKind: e.kind, countryCode: e.cc, latitude: e.lat, longitude: e.lon, geonamesId: e.gid, name: e.name };
}

const TRIM_RE = /^(?:the\s+)|['’]s$/gi;

/** Gazetteer readings of one name (exact, then folded, then without "the"/possessive). */
function candidates(name: string): GazEntry[] {
  const s = name.trim();
  if (!s) return [];
  // An AP state abbreviation ("Mo.", "Conn.", "Calif.") is the state, never a town spelled the same.
  if (s.endsWith('.')) {
    const state = gazetteer().stateAbbrev.get(s);
    if (state) return [state];
  }
  let list = lookupEntries(s);
  if (list.length === 0) {
    const t = s.replace(TRIM_RE, '').trim();
    if (t && t !== s) list = lookupEntries(t);
  }
  if (list.length === 0) return [];
  // City-states and countries named like their capital ("Singapore", "Kuwait"): the country.
  const countryCcs = new Set(list.filter((e) => e.kind === 'country').map((e) => e.cc));
  if (countryCcs.size > 0) list = list.filter((e) => e.kind !== 'city' || !countryCcs.has(e.cc));
  return list;
}

/** Two readings that are the same place for practical purposes (NYC in New York State). */
function samePlace(a: GazEntry, b: GazEntry): boolean {
  if (a === b) return true;
  if (a.cc !== b.cc || !a.cc) return false;
  if (a.kind === 'country' || b.kind === 'country') return false;
  if (a.cls === 'state' || b.cls === 'state') return a.admin === b.admin;
  // A region or feature and a city of the same name inside it ("Gaza").
  if ((a.kind === 'city') !== (b.kind === 'city')) return Math.abs(a.lat - b.lat) < 2 && Math.abs(a.lon - b.lon) < 2;
  return a.kind === 'city' && b.kind === 'city' && a.admin === b.admin && Math.abs(a.lat - b.lat) < 0.3 && Math.abs(a.lon - b.lon) < 0.3;
}

function best(list: GazEntry[], score: (e: GazEntry) => number): { top: GazEntry; topScore: number; margin: number } | null {
  if (list.length === 0) return null;
  let top = list[0];
  let topScore = -Infinity;
  for (const e of list) {
    const s = score(e);
    if (s > topScore) {
      topScore = s;
      top = e;
    }
  }
  let second = -Infinity;
  for (const e of list) {
    if (samePlace(e, top)) continue;
    const s = score(e);
    if (s > second) second = s;
  }
  return { top, topScore, margin: topScore - second };
}

/** Facts one resolved place contributes to the document's context. */
function factsOf(e: GazEntry): string[] {
  const f: string[] = [];
  if (!e.cc) return f;
  if (e.kind === 'country') f.push(`C:${e.cc}`);
  else f.push(`c:${e.cc}`);
  if (e.cls === 'state') f.push(`S:${e.cc}-${e.admin}`);
  if (e.kind === 'city' && e.admin) f.push(`s:${e.cc}-${e.admin}`);
  return f;
}

// "Paris, Texas" / "Portland, Maine" / "Austin, TX" / "Sydney, N.S." in the text.
const ADJ_RE = /^,\s+((?:\p{Lu}\.){1,3}|\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}]*){0,2})/u;

function adjacentRegions(surface: string, docText: string): Set<string> {
  const out = new Set<string>();
  if (!surface || surface.length < 2) return out;
  const g = gazetteer();
  let from = 0;
  for (let n = 0; n < 20; n++) {
    const at = docText.indexOf(surface, from);
    if (at < 0) break;
    from = at + surface.length;
    const m = ADJ_RE.exec(docText.slice(from, from + 40));
    if (!m) continue;
    const words = m[1];
    const firstWord = words.split(/\s+/)[0];
    // "Avon, Conn. Investors ...": the abbreviation is the first word after the comma.
    const abbr = g.stateAbbrev.get(words) ?? g.stateAbbrev.get(words.replace(/\.$/, '')) ?? (firstWord.endsWith('.') ? g.stateAbbrev.get(firstWord) : undefined);
    if (abbr) {
      out.add(`${abbr.cc}-${abbr.admin}`);
      continue;
    }
    // Longest prefix of the following words that names a state or country.
    const parts = words.split(/\s+/);
    for (let k = parts.length; k > 0; k--) {
      const list = lookupEntries(parts.slice(0, k).join(' ').replace(/[.]$/, ''));
      const r = list.find((e) => e.cls === 'state' || e.kind === 'country');
      if (r) {
        out.add(r.cls === 'state' ? `${r.cc}-${r.admin}` : r.cc);
        break;
      }
    }
  }
  return out;
}

/**
 * Resolve each PLACE name (surface and the document's canonical) to a
 * gazetteer entry, using the other names of the same document as context.
 * One result per input, same order; unresolvable or too ambiguous -> empty fields.
 */
export function resolvePlaces(names: { surface: string; canonical: string; start?: number; end?: number }[], docText?: string): PlaceInfo[] {
  const g = gazetteer();
  // Distinct names, each with its readings.
  const keyOf = names.map((n) => foldKey(n.canonical || n.surface));
  const distinct = new Map<string, { cands: GazEntry[]; surfaces: Set<string> }>();
  names.forEach((n, i) => {
    const k = keyOf[i];
    let d = distinct.get(k);
    if (!d) {
      const seen = new Set<GazEntry>();
      const cands: GazEntry[] = [];
      for (const s of [n.canonical, n.surface]) for (const e of s ? candidates(s) : []) if (!seen.has(e)) (seen.add(e), cands.push(e));
      d = { cands, surfaces: new Set() };
      distinct.set(k, d);
    }
    if (n.surface) d.surfaces.add(n.surface);
    if (n.canonical) d.surfaces.add(n.canonical);
  });

  // Anchors: names whose reading is clear without context.
  const facts = new Map<string, number>();
  const ownFacts = new Map<string, string[]>();
  const anchors = new Map<string, GazEntry>();
  for (const [k, d] of distinct) {
    const b = best(d.cands, (e) => e.prior);
    if (!b || b.margin < ANCHOR_MARGIN) continue;
    anchors.set(k, b.top);
    const f = factsOf(b.top);
    ownFacts.set(k, f);
    for (const x of f) facts.set(x, (facts.get(x) ?? 0) + 1);
  }

  const listmates = docText ? listNeighbours(names, keyOf, docText) : new Map<string, Set<string>>();

  const resolved = new Map<string, PlaceInfo>();
  for (const [k, d] of distinct) {
    // The places listed with this one ("Tokyo, Sydney, Wellington and Hong Kong"): their countries and world regions.
    const mates: GazEntry[] = [];
    for (const o of listmates.get(k) ?? []) {
      const a = anchors.get(o);
      if (a?.cc) mates.push(a);
    }
    if (d.cands.length === 0) {
      resolved.set(k, EMPTY);
      continue;
    }
    const own = ownFacts.get(k) ?? [];
    const has = (f: string) => (facts.get(f) ?? 0) - (own.includes(f) ? 1 : 0) > 0;
    const adjacent = new Set<string>();
    if (docText) for (const s of d.surfaces) for (const a of adjacentRegions(s, docText)) adjacent.add(a);
    // "Avon, Conn." when the gazetteer has no Avon in Connecticut: no reading rather than another state's Avon.
    const states = [...adjacent].filter((a) => a.includes('-'));
    if (
      states.length > 0 &&
      d.cands.some((e) => e.kind === 'city') &&
      !d.cands.some((e) => e.cls === 'state' || e.kind === 'country' || (e.kind === 'city' && adjacent.has(`${e.cc}-${e.admin}`)))
    ) {
      resolved.set(k, EMPTY);
      continue;
    }
    let anyContext = false;
    const bonus = (e: GazEntry): number => {
      let b = 0;
      const code = `${e.cc}-${e.admin}`;
      if (e.kind === 'city') {
        if (adjacent.has(code) || adjacent.has(e.cc)) b += 5;
        if (has(`S:${code}`)) b += 4;
        else if (has(`s:${code}`)) b += 1.5;
        // A country named elsewhere favours its cities, but a small town must not beat a
        // big city abroad just because its country is mentioned ("U.S. talks in Geneva").
        const scale = Math.min(1, e.population / 100000);
        if (has(`C:${e.cc}`)) b += 1.5 * scale;
        else if (has(`c:${e.cc}`)) b += 1 * scale;
      } else if (e.cls === 'state') {
        if (has(`s:${code}`)) b += 2;
        if (has(`C:${e.cc}`)) b += 1.5;
        else if (has(`c:${e.cc}`)) b += 1;
      } else if (e.kind === 'country') {
        if (has(`c:${e.cc}`)) b += 3;
        for (const nb of g.borders.get(e.cc) ?? []) if (has(`C:${nb}`)) {
          b += 1;
          break;
        }
      } else if (e.cc && (has(`C:${e.cc}`) || has(`c:${e.cc}`))) b += 1;
      // Scaled like a country mention: a list must not send a big city's name to a small town abroad.
      if (mates.length > 0 && e.cc) b += listAffinity(e.cc, mates, g.worldRegionOf) * (e.kind === 'city' ? Math.min(1, e.population / 100000) : 1);
      if (b > 0) anyContext = true;
      return b;
    };
    const bonuses = new Map<GazEntry, number>();
    for (const e of d.cands) bonuses.set(e, bonus(e));
    const b = best(d.cands, (e) => e.prior + (bonuses.get(e) ?? 0));
    if (!b) {
      resolved.set(k, EMPTY);
      continue;
    }
    // Too close to call: two different places, nothing in the document to tell them apart.
    if (b.margin < AMBIGUITY_MARGIN && (!anyContext || b.margin < 0.1)) {
      resolved.set(k, EMPTY);
      continue;
    }
    resolved.set(k, info(b.top));
  }
  return names.map((n, i) => {
    const r = { ...(resolved.get(keyOf[i]) ?? EMPTY) };
    if (isVagueRegion(n.canonical || n.surface)) return { ...EMPTY, placeKind: 'region' as const, name: r.name || n.canonical || n.surface };
    return r;
  });
}

/** Words between two places of one list: ", ", " and ", ", or ", "; ". */
const LIST_GAP = /^(?:\s*[,;]\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$/;
/** A list needs this many places to say something about its members' region ("Portland, Maine" is a pair, not a list). */
const MIN_LIST = 3;

/** For each distinct name, the other names it is listed with in the text. */
function listNeighbours(names: { start?: number; end?: number }[], keyOf: string[], text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const order = names.map((_, i) => i).filter((i) => names[i].start !== undefined && names[i].end !== undefined);
  order.sort((a, b) => names[a].start! - names[b].start!);
  const flush = (run: number[]) => {
    const keys = new Set(run.map((i) => keyOf[i]));
    if (keys.size < MIN_LIST) return;
    for (const k of keys) {
      let s = out.get(k);
      if (!s) out.set(k, (s = new Set()));
      for (const o of keys) if (o !== k) s.add(o);
    }
  };
  let run: number[] = [];
  for (const i of order) {
    const prev = run[run.length - 1];
    if (prev !== undefined && names[i].start! >= names[prev].end! && names[i].start! - names[prev].end! <= 8 && LIST_GAP.test(text.slice(names[prev].end!, names[i].start!))) {
      run.push(i);
      continue;
    }
    flush(run);
    run = [i];
  }
  flush(run);
  return out;
}

/**
 * How well a reading in country `cc` fits the places it is listed with: same
 * country, same subregion, same world region (the best over the listed places
 * whose reading is clear). One such place says too little: "Pittsburgh, Porto
 * and Aberdeen" must not send Porto to Brazil.
 */
function listAffinity(cc: string, mates: GazEntry[], regionOf: Map<string, [string, string]>): number {
  if (mates.length < 2) return 0;
  const mine = regionOf.get(cc);
  let b = 0;
  for (const m of mates) {
    if (m.cc === cc) return LIST_COUNTRY;
    const theirs = regionOf.get(m.cc);
    if (!mine || !theirs) continue;
    if (mine[1] && mine[1] === theirs[1]) b = Math.max(b, LIST_SUBREGION);
    else if (mine[0] === theirs[0]) b = Math.max(b, LIST_REGION);
  }
  return b;
}
const LIST_COUNTRY = 4;
const LIST_SUBREGION = 3.5;
const LIST_REGION = 2;

const lookupCache = new Map<string, PlaceInfo | null>();

/** The single best reading of a name without context (null when the gazetteer does not know it). */
export function lookupPlace(name: string): PlaceInfo | null {
  const hit = lookupCache.get(name);
  if (hit !== undefined) return hit ? { ...hit } : null;
  const b = best(candidates(name), (e) => e.prior);
  const r = b ? info(b.top) : null;
  if (lookupCache.size > 20000) lookupCache.clear();
  lookupCache.set(name, r);
  return r ? { ...r } : null;
}
