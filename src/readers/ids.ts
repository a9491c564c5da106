// Document ids made unique within a run: the second "a" becomes "a#2", the
// third "a#3". An archive has hundreds of thousands of ids, and keeping every
// id string in a Map cost about 75 MB of memory at 580,000 documents (the one
// structure of a run that grew with the number of documents). Ids seen once
// are kept here as a 64-bit fingerprint in an open-addressing table of typed
// arrays (8 bytes a slot, under 10 MB for a million ids); only ids that
// actually repeat are kept as strings. Two different ids share a fingerprint
// with probability about n^2 / 2^65 (3 in 100 million for a million ids).

const EMPTY = 0;

function fingerprint(id: string): [number, number] {
  // FNV-1a and a murmur3-style mix over UTF-16 code units, independent seeds.
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ id.length;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    let k = Math.imul(c, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    b ^= Math.imul(k, 0x1b873593);
    b = (b << 13) | (b >>> 19);
    b = (Math.imul(b, 5) + 0xe6546b64) | 0;
  }
  b ^= b >>> 16;
  b = Math.imul(b, 0x85ebca6b);
  b ^= b >>> 13;
  a >>>= 0;
  b >>>= 0;
  // Slot value 0 marks an empty slot.
  return [a, b === EMPTY && a === EMPTY ? 1 : b];
}

export class IdRegistry {
  private hi = new Uint32Array(1 << 12);
  private lo = new Uint32Array(1 << 12);
  private size = 0;
  /** How often each repeated id has been seen (ids seen once are not here). */
  private repeats = new Map<string, number>();

  /** The id itself the first time, then id#2, id#3, ...; never an id already given out (a literal "a#2" after a repeated "a" becomes "a#2#2"). */
  unique(id: string): string {
    if (this.add(id)) return id;
    let n = this.repeats.get(id) ?? 1;
    let candidate: string;
    do candidate = `${id}#${++n}`;
    while (!this.add(candidate));
    this.repeats.set(id, n);
    return candidate;
  }

  private add(id: string): boolean {
    const [a, b] = fingerprint(id);
    return this.insert(a, b);
  }

  /** Adds the fingerprint; false when it was already there. */
  private insert(a: number, b: number): boolean {
    const mask = this.hi.length - 1;
    let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    while (this.hi[i] !== EMPTY || this.lo[i] !== EMPTY) {
      if (this.hi[i] === a && this.lo[i] === b) return false;
      i = (i + 1) & mask;
    }
    this.hi[i] = a;
    this.lo[i] = b;
    if (++this.size * 4 > this.hi.length * 3) this.grow();
    return true;
  }

  private grow(): void {
    const { hi, lo } = this;
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(lo.length * 2);
    this.size = 0;
    for (let i = 0; i < hi.length; i++) if (hi[i] !== EMPTY || lo[i] !== EMPTY) this.insert(hi[i], lo[i]);
  }
}
