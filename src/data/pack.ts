// One format for every generated data file (model weights, word clusters,
// gazetteer indexes, lexicons): a "pack" is a small JSON header followed by
// typed-array sections, each 8-byte aligned, so loading is one read and a few
// array views over the same bytes: no parsing, no post-processing, and the
// same buffer can be handed to worker threads.
//
// Layout (little endian):
//   bytes 0-3   magic "DPK1"
//   bytes 4-7   header length H (uint32)
//   bytes 8..   header: UTF-8 JSON {meta, sections: [{name, kind, offset, length}]}
//   then the sections, each starting at an 8-byte aligned offset (from file start).
//
// Section kinds: u8 i8 u16 i16 u32 i32 f32 f64 (typed arrays) and `strings`
// (a list of strings: one UTF-8 blob plus a u32 offsets section `<name>.offsets`).
//
// Hashed lookup: `hashKey` gives a non-zero 32-bit FNV-1a hash of a string, and
// `HashIndex` is an open-addressing table of such keys stored as one u32 section
// (0 = empty slot), so that "word -> row" needs no Map built at start-up.

import { closeSync, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';

const MAGIC = 0x314b5044; // "DPK1" read as little-endian uint32

type ArrayKind = 'u8' | 'i8' | 'u16' | 'i16' | 'u32' | 'i32' | 'f32' | 'f64';
type Typed = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

const CTORS = {
  u8: Uint8Array,
  i8: Int8Array,
  u16: Uint16Array,
  i16: Int16Array,
  u32: Uint32Array,
  i32: Int32Array,
  f32: Float32Array,
  f64: Float64Array,
} as const;

interface SectionHeader {
  name: string;
  kind: ArrayKind;
  /** Byte offset from the start of the file. */
  offset: number;
  /** Number of elements. */
  length: number;
}

interface Header {
  meta: unknown;
  sections: SectionHeader[];
}

function kindOf(a: Typed): ArrayKind {
  for (const [k, C] of Object.entries(CTORS)) if (a instanceof C) return k as ArrayKind;
  throw new Error('pack: unsupported array type');
}

/** What a pack holds before it is written: named typed arrays, string lists and JSON metadata. */
export interface PackContents {
  meta?: unknown;
  arrays?: Record<string, Typed>;
  strings?: Record<string, readonly string[]>;
}

/** Serializes a pack; the bytes depend only on the contents (sections in name order). */
export function encodePack(contents: PackContents): Uint8Array {
  const arrays: [string, Typed][] = Object.entries(contents.arrays ?? {});
  for (const [name, list] of Object.entries(contents.strings ?? {})) {
    const enc = new TextEncoder();
    const parts = list.map((s) => enc.encode(s));
    const offsets = new Uint32Array(parts.length + 1);
    let total = 0;
    parts.forEach((p, i) => {
      offsets[i] = total;
      total += p.length;
    });
    offsets[parts.length] = total;
    const blob = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      blob.set(p, at);
      at += p.length;
    }
    arrays.push([`${name}.strings`, blob], [`${name}.offsets`, offsets]);
  }
  arrays.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  // The header's size depends on the offsets it records: lay out with a
  // provisional header, then grow until the layout is stable.
  let headerBytes = new Uint8Array(0);
  let sections: SectionHeader[] = [];
  for (let pad = 64; ; pad *= 2) {
    let offset = align8(8 + pad);
    sections = arrays.map(([name, a]) => {
      const s = { name, kind: kindOf(a), offset, length: a.length };
      offset = align8(offset + a.byteLength);
      return s;
    });
    headerBytes = new TextEncoder().encode(JSON.stringify({ meta: contents.meta ?? null, sections } satisfies Header));
    if (headerBytes.length <= pad) break;
  }
  const last = sections[sections.length - 1];
  const size = last ? align8(last.offset + arrays[arrays.length - 1][1].byteLength) : align8(8 + headerBytes.length);
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  sections.forEach((s, i) => {
    const a = arrays[i][1];
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), s.offset);
  });
  return out;
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

/** A loaded pack: typed-array views over one buffer. */
export class Pack {
  readonly meta: unknown;
  private readonly sections = new Map<string, SectionHeader>();

  constructor(readonly bytes: Uint8Array) {
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.byteLength < 8 || dv.getUint32(0, true) !== MAGIC) throw new Error('pack: not a dossier data pack (bad magic)');
    const hlen = dv.getUint32(4, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + hlen))) as Header;
    this.meta = header.meta;
    for (const s of header.sections) this.sections.set(s.name, s);
  }

  has(name: string): boolean {
    return this.sections.has(name) || this.sections.has(`${name}.strings`);
  }

  array<K extends ArrayKind>(name: string, kind: K): InstanceType<(typeof CTORS)[K]> {
    const s = this.sections.get(name);
    if (!s) throw new Error(`pack: no section "${name}"`);
    if (s.kind !== kind) throw new Error(`pack: section "${name}" is ${s.kind}, not ${kind}`);
    const C = CTORS[kind];
    return new C(this.bytes.buffer as ArrayBuffer, this.bytes.byteOffset + s.offset, s.length) as InstanceType<(typeof CTORS)[K]>;
  }

  /** Decodes a whole string list (use for lists that are read in full). */
  strings(name: string): string[] {
    const blob = this.array(`${name}.strings`, 'u8');
    const offsets = this.array(`${name}.offsets`, 'u32');
    const dec = new TextDecoder();
    const out: string[] = new Array(offsets.length - 1);
    // One decode for the whole blob: when it is all ASCII, byte offsets are string offsets.
    const all = dec.decode(blob);
    if (all.length === blob.length) {
      for (let i = 0; i < out.length; i++) out[i] = all.slice(offsets[i], offsets[i + 1]);
      return out;
    }
    for (let i = 0; i < out.length; i++) out[i] = dec.decode(blob.subarray(offsets[i], offsets[i + 1]));
    return out;
  }

  /** A string list read item by item, without decoding the rest (use for large lists read sparsely). */
  stringList(name: string): StringList {
    return new StringList(this.array(`${name}.strings`, 'u8'), this.array(`${name}.offsets`, 'u32'));
  }
}

const DECODER = new TextDecoder();

/** Random access to one string list of a pack. */
export class StringList {
  readonly length: number;
  constructor(
    private readonly blob: Uint8Array,
    private readonly offsets: Uint32Array,
  ) {
    this.length = offsets.length - 1;
  }

  get(i: number): string {
    return DECODER.decode(this.blob.subarray(this.offsets[i], this.offsets[i + 1]));
  }

  /** Whether item i is `s`, without decoding it when `s` is ASCII. */
  equals(i: number, s: string): boolean {
    const a = this.offsets[i];
    const b = this.offsets[i + 1];
    const blob = this.blob;
    let ascii = true;
    for (let k = 0; k < s.length; k++) {
      if (s.charCodeAt(k) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (!ascii) return this.get(i) === s;
    if (b - a !== s.length) return false;
    for (let k = 0; k < s.length; k++) if (blob[a + k] !== s.charCodeAt(k)) return false;
    return true;
  }
}

/**
 * Reads a pack file. The bytes are copied into a SharedArrayBuffer so that the
 * main thread can hand them to workers without another read or copy.
 */
export function readPack(path: string): Pack {
  // Read straight into the shared buffer: no second copy of 16 MB of packs at every start.
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const shared = new Uint8Array(new SharedArrayBuffer(size));
    for (let at = 0; at < size; ) {
      const n = readSync(fd, shared, at, size - at, at);
      if (n <= 0) throw new Error(`${path}: file ended at byte ${at} of ${size}`);
      at += n;
    }
    return new Pack(shared);
  } finally {
    closeSync(fd);
  }
}

export function writePack(path: string, contents: PackContents): void {
  writeFileSync(path, encodePack(contents));
}

/** FNV-1a's offset basis: the hash of the empty string. */
export const FNV_OFFSET = 0x811c9dc5;

/**
 * FNV-1a continued from `h` over the UTF-16 code units of `s`: hashing a
 * string in parts gives the hash of their concatenation without building it.
 */
export function fnv1a(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** FNV-1a over UTF-16 code units, never 0 (0 marks an empty slot). */
export function hashKey(s: string): number {
  return fnv1a(FNV_OFFSET, s) >>> 0 || 1;
}

/** Open-addressing table of 32-bit keys; `find` gives the slot of a key or -1. */
export class HashIndex {
  private readonly mask: number;
  constructor(readonly keys: Uint32Array) {
    if (keys.length & (keys.length - 1)) throw new Error('HashIndex: size must be a power of two');
    this.mask = keys.length - 1;
  }

  /** Builds a table for the given (distinct) hashes at most half full; returns the table and each key's slot. */
  static build(hashes: ArrayLike<number>): { index: HashIndex; slots: Uint32Array } {
    let size = 2;
    while (size < hashes.length * 2) size *= 2;
    const keys = new Uint32Array(size);
    const slots = new Uint32Array(hashes.length);
    const mask = size - 1;
    for (let i = 0; i < hashes.length; i++) {
      const h = hashes[i];
      let s = h & mask;
      while (keys[s] !== 0 && keys[s] !== h) s = (s + 1) & mask;
      keys[s] = h;
      slots[i] = s;
    }
    return { index: new HashIndex(keys), slots };
  }

  find(h: number): number {
    const keys = this.keys;
    let s = h & this.mask;
    for (;;) {
      const k = keys[s];
      if (k === h) return s;
      if (k === 0) return -1;
      s = (s + 1) & this.mask;
    }
  }
}

/**
 * The sections of a string -> row table over `keys` (distinct strings; row i is
 * keys[i]): `<name>` holds the keys, `<name>.table` a HashIndex of their hashes,
 * and `<name>.slotStart`/`<name>.slotRows` the rows under each slot (two keys
 * may share a 32-bit hash, so a lookup compares the strings). Merge the result
 * into a pack's contents and read it back with `KeyTable`.
 */
export function keyTableContents(name: string, keys: readonly string[]): Required<Pick<PackContents, 'arrays' | 'strings'>> {
  const hashes = keys.map(hashKey);
  const distinct = [...new Set(hashes)];
  const { index, slots } = HashIndex.build(distinct);
  const slotOf = new Map<number, number>();
  distinct.forEach((h, i) => slotOf.set(h, slots[i]));
  const size = index.keys.length;
  const counts = new Uint32Array(size + 1);
  for (const h of hashes) counts[slotOf.get(h)! + 1]++;
  const slotStart = new Uint32Array(size + 1);
  for (let s = 0; s < size; s++) slotStart[s + 1] = slotStart[s] + counts[s + 1];
  const fill = slotStart.slice(0, size);
  const slotRows = new Uint32Array(keys.length);
  hashes.forEach((h, row) => {
    slotRows[fill[slotOf.get(h)!]++] = row;
  });
  return {
    arrays: { [`${name}.table`]: index.keys, [`${name}.slotStart`]: slotStart, [`${name}.slotRows`]: slotRows },
    strings: { [name]: keys },
  };
}

/** A string -> row table written by `keyTableContents`: lookups without building a Map. */
export class KeyTable {
  readonly keys: StringList;
  private readonly index: HashIndex;
  private readonly slotStart: Uint32Array;
  private readonly slotRows: Uint32Array;

  constructor(pack: Pack, name: string) {
    this.keys = pack.stringList(name);
    this.index = new HashIndex(pack.array(`${name}.table`, 'u32'));
    this.slotStart = pack.array(`${name}.slotStart`, 'u32');
    this.slotRows = pack.array(`${name}.slotRows`, 'u32');
  }

  get size(): number {
    return this.keys.length;
  }

  /** The row of `key`, or -1. */
  find(key: string): number {
    const slot = this.index.find(hashKey(key));
    if (slot < 0) return -1;
    for (let i = this.slotStart[slot], end = this.slotStart[slot + 1]; i < end; i++) {
      const row = this.slotRows[i];
      if (this.keys.equals(row, key)) return row;
    }
    return -1;
  }
}
