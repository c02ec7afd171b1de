// A Bloom filter of words: a set that answers "maybe" or "no" in a few bytes a word, so every frame
// can hold the key words of a large imported pack without holding the pack. Pure.
import type { WordSet } from './prefilter';

/** The filter as stored: its bits in base64, and how many hashes each word sets. */
export interface BloomData {
  bits: string;
  hashes: number;
}

// FNV-1a over UTF-16 code units, with two offsets: the two hashes of double hashing.
function fnv(word: string, seed: number): number {
  let hash = seed;
  for (let i = 0; i < word.length; i++) {
    hash ^= word.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export class BloomFilter implements WordSet {
  private constructor(
    private readonly bytes: Uint8Array,
    readonly hashes: number,
  ) {}

  /** A filter of `words` that wrongly answers "maybe" for about `falsePositives` of other words. */
  static of(words: Iterable<string>, falsePositives = 0.001): BloomFilter {
    const list = [...new Set(words)];
    const n = Math.max(list.length, 1);
    const bits = Math.max(64, Math.ceil((-n * Math.log(falsePositives)) / Math.LN2 ** 2));
    const hashes = Math.max(1, Math.min(16, Math.round((bits / n) * Math.LN2)));
    const filter = new BloomFilter(new Uint8Array(Math.ceil(bits / 8)), hashes);
    for (const word of list) filter.add(word);
    return filter;
  }

  static from(data: BloomData): BloomFilter {
    const binary = atob(data.bits);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new BloomFilter(bytes, data.hashes);
  }

  toData(): BloomData {
    let binary = '';
    for (const byte of this.bytes) binary += String.fromCharCode(byte);
    return { bits: btoa(binary), hashes: this.hashes };
  }

  has(word: string): boolean {
    return this.positions(word).every((bit) => (this.bytes[bit >>> 3] ?? 0) & (1 << (bit & 7)));
  }

  private add(word: string): void {
    for (const bit of this.positions(word)) this.bytes[bit >>> 3] = (this.bytes[bit >>> 3] ?? 0) | (1 << (bit & 7));
  }

  private positions(word: string): number[] {
    const size = this.bytes.length * 8;
    const a = fnv(word, 0x811c9dc5);
    const b = fnv(word, 0x01000193) | 1;
    const positions: number[] = [];
    for (let i = 0; i < this.hashes; i++) positions.push(((a + Math.imul(i, b)) >>> 0) % size);
    return positions;
  }
}
