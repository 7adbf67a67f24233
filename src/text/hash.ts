// Small, fast, deterministic string and n-gram hashes (FNV-1a 32-bit), shared by the corpus builder and matchers.

/** FNV-1a 32-bit hash of a string's UTF-16 code units, as an unsigned integer. */
export function hashString(value: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Hash of an ordered pair of word hashes (a word bigram). Order matters: `pair(a, b) !== pair(b, a)`. */
export function hashPair(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d)
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b)
  return (h ^ (h >>> 16)) >>> 0
}

/** Bigram hashes of a word sequence: element `i` is the hash of words `i` and `i + 1`. */
export function bigramHashes(words: readonly string[]): Uint32Array {
  const out = new Uint32Array(Math.max(0, words.length - 1))
  let prev = words.length ? hashString(words[0]) : 0
  for (let i = 1; i < words.length; i++) {
    const cur = hashString(words[i])
    out[i - 1] = hashPair(prev, cur)
    prev = cur
  }
  return out
}
