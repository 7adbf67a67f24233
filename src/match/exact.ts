// The exact matcher: a stretch of the input that is, word for word, a reference text (with or without its title).
//
// A LICENSE file is most often a reference text with a filled-in copyright line (dropped by the tokenizer), its
// own line breaks and perhaps its own title or a closing line. Polynomial prefix hashes over the input's word
// hashes give the hash of any stretch in O(1), so the windows that start within the first words and end
// within the last ones are all looked up, cheaply, before any bigram scoring.
import type { FullTextIndex } from '../corpus/fulltext.js'

const BASE = 0x01000193
/** Windows may start this many words into the input (a title, a line about the project)… */
const MAX_LEAD = 48
/** …and end this many words before its end (a closing line, a link to the project). */
const MAX_TRAIL = 16

/** Key of a word-hash sequence: its polynomial hash (mod 2^32) mixed with its length. */
export function sequenceKey(hash: number, length: number): number {
  let h = Math.imul(hash ^ length, 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** Polynomial hash of a whole word-hash sequence (the builder's side of the table). */
export function sequenceHash(words: ArrayLike<number>): number {
  let h = 0
  for (let i = 0; i < words.length; i++) h = (Math.imul(h, BASE) + words[i]) >>> 0
  return sequenceKey(h, words.length)
}

export interface ExactWindow {
  ref: number
  /** Word range [start, end) of the input. */
  start: number
  end: number
}

/**
 * Find the longest stretch of the input, starting within its first words and ending within its last ones,
 * that is exactly a reference text.
 *
 * @param index - the full-text index.
 * @param words - word hashes of every input token.
 * @returns the reference and the word range, or undefined.
 * @example
 * matchExact(loadFullTextIndex(), wordHashes(tokenize(mitText))) // {ref: <MIT>, start: 0, end: 165}
 */
export function matchExact(index: FullTextIndex, words: Uint32Array): ExactWindow | undefined {
  const n = words.length
  if (n < 8) return undefined
  const prefix = new Uint32Array(n + 1)
  for (let i = 0; i < n; i++) prefix[i + 1] = (Math.imul(prefix[i], BASE) + words[i]) >>> 0
  const power = (k: number) => {
    let p = 1
    let b = BASE
    for (; k > 0; k >>= 1, b = Math.imul(b, b)) if (k & 1) p = Math.imul(p, b)
    return p
  }
  for (let span = n; span >= Math.max(8, n - MAX_LEAD - MAX_TRAIL); span--) {
    const pw = power(span)
    for (let start = Math.max(0, n - MAX_TRAIL - span); start <= Math.min(MAX_LEAD, n - span); start++) {
      const end = start + span
      const h = (prefix[end] - Math.imul(prefix[start], pw)) >>> 0
      const ref = index.exact.get(sequenceKey(h, span))
      if (ref !== undefined) return { ref, start, end }
    }
  }
  return undefined
}
