// A read-only set of words. The lexicon's big lists (tens of thousands of
// words) are answered from their pack's hash table at first, without turning
// every word into a string; after enough look-ups (a long run) the list is
// decoded into a Set once, which answers faster. Either way the answers are
// the same. One short article then does not pay ~30 ms to build sets it
// queries a few hundred times.

import type { KeyTable } from './pack.js';

/** What the recognizers ask of a word list. */
export interface WordSet {
  has(word: string): boolean;
  readonly size: number;
  [Symbol.iterator](): IterableIterator<string>;
}

/** Look-ups served from the pack's table before the list is decoded into a Set. */
export const DECODE_AFTER = 20_000;

export class PackedWordSet implements WordSet {
  private set: Set<string> | null = null;
  private lookups = 0;

  /** `onDecoded`: told the Set once it exists, so an owner can hold the Set itself from then on (no wrapper call per look-up). */
  constructor(
    private readonly table: KeyTable,
    private readonly decodeAll: () => string[],
    private readonly onDecoded?: (set: Set<string>) => void,
  ) {}

  get size(): number {
    return this.table.size;
  }

  has(word: string): boolean {
    if (this.set) return this.set.has(word);
    if (++this.lookups > DECODE_AFTER) return this.decoded().has(word);
    return this.table.find(word) >= 0;
  }

  /** Whether the list has been decoded into a Set (for tests). */
  get isDecoded(): boolean {
    return this.set !== null;
  }

  [Symbol.iterator](): IterableIterator<string> {
    return this.decoded().values();
  }

  private decoded(): Set<string> {
    if (!this.set) {
      this.set = new Set(this.decodeAll());
      this.onDecoded?.(this.set);
    }
    return this.set;
  }
}
