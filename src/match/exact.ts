// The exact matcher: the whole normalized input equals a reference text (with or without its title).
//
// It is the cheapest test and the most certain one, so it runs first. The word hashes are those the bigram
// matcher uses anyway; the sequence hash chains them the same way the corpus builder does.
import type { FullTextIndex } from '../corpus/fulltext.js'
import { hashPair } from '../text/hash.js'

/** Chain word hashes into one sequence hash (must equal the builder's `sequenceHash`). */
export function sequenceHashOf(words: Uint32Array): number {
  let h = 0x2545f491
  for (let i = 0; i < words.length; i++) h = hashPair(h, words[i])
  return h
}

/**
 * Find the reference whose normalized text is exactly the input's.
 *
 * @param index - the full-text index.
 * @param words - word hashes of every input token.
 * @returns the reference index, or -1.
 * @example
 * matchExact(loadFullTextIndex(), wordHashes(tokenize(mitText))) // index of MIT
 */
export function matchExact(index: FullTextIndex, words: Uint32Array): number {
  if (words.length < 8) return -1
  return index.exact.get(sequenceHashOf(words)) ?? -1
}
