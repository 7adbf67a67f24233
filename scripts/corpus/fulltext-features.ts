// Build-time feature extraction: one rendered reference text → its word-bigram fingerprint.
//
// Words come from the same `tokenize` the matcher runs on inputs, so both sides normalize alike. A bigram is
// *required* when both words are outside every optional/replaceable/title/copyright span and adjacent in every
// variant of the text; every other bigram the template allows (inside spans, touching spans, and the "skip"
// bigram that appears when a span is left out) is *optional*: it counts for precision, not for coverage.
// The bigram just before a replaceable span is an *anchor*: in an input, unmatched words right after it are a
// filled-in name, not an insertion. Bigrams inside a replaceable span are *inner anchors*: a few unmatched words
// after them are another wording the template allows ("The name of the author may not" for "Neither the name of
// the copyright holder nor … may").
import { POSITION_BUCKETS } from '../../src/corpus/fulltext-format.js'
import { hashPair, hashString } from '../../src/text/hash.js'
import { sequenceHash } from '../../src/match/exact.js'
import { tokenize } from '../../src/text/tokenize.js'
import { firstAtOrAfter } from '../../src/text/position.js'
import type { Rendered, SpanKind } from './fulltext-xml.js'

export const KIND_BITS: Record<SpanKind, number> = { optional: 1, alt: 2, title: 4, copyright: 8 }

export interface Features {
  /** Normalized words, in order (build-time only; never shipped). */
  words: string[]
  /** Span bits per word (0 = required). */
  bits: Uint8Array
  required: Set<number>
  optional: Set<number>
  anchors: Set<number>
  inner: Set<number>
  /**
   * Where each required bigram first and last occurs, as slices of POSITION_BUCKETS equal slices of the text,
   * packed `first << 4 | last`.
   */
  buckets: Map<number, number>
  /** Hashes of the whole word sequence, with and without the title and the optional passages (exact matcher). */
  exact: number[]
}

/** Extract the bigram fingerprint of one rendered reference. */
export function extractFeatures(rendered: Rendered): Features {
  const { text, spans } = rendered
  const all = tokenize(text, { keepCopyright: true })
  // words on copyright lines: present in the template, dropped from inputs by the tokenizer
  const kept = new Set(tokenize(text).map((t) => t.start))
  const charBits = new Uint8Array(text.length + 1)
  for (const s of spans) for (let i = s.start; i < s.end; i++) charBits[i] |= KIND_BITS[s.kind]
  const words = all.map((t) => t.value)
  const bits = new Uint8Array(all.length)
  all.forEach((t, i) => {
    bits[i] = charBits[t.start] | (kept.has(t.start) ? 0 : KIND_BITS.copyright)
  })
  // token ranges [a, b) of every span and every run of copyright-line words
  const ranges: Array<{ a: number; b: number; anchor: boolean; inner: boolean }> = []
  for (const s of spans) {
    const a = firstAtOrAfter(all, s.start)
    const b = firstAtOrAfter(all, s.end)
    ranges.push({ a, b, anchor: s.kind !== 'optional', inner: s.kind === 'alt' })
  }
  for (let i = 0; i < all.length; i++) {
    if (kept.has(all[i].start)) continue
    let j = i
    while (j < all.length && !kept.has(all[j].start)) j++
    ranges.push({ a: i, b: j, anchor: true, inner: false })
    i = j
  }
  const h = words.map(hashString)
  const required = new Set<number>()
  const optional = new Set<number>()
  const anchors = new Set<number>()
  const innerAnchors = new Set<number>()
  const buckets = new Map<number, number>()
  for (let i = 0; i + 1 < words.length; i++) {
    const bg = hashPair(h[i], h[i + 1])
    if (bits[i] === 0 && bits[i + 1] === 0) {
      required.add(bg)
      const slice = Math.floor((i * POSITION_BUCKETS) / words.length)
      buckets.set(bg, (buckets.has(bg) ? buckets.get(bg)! & 0xf0 : slice << 4) | slice)
    } else optional.add(bg)
  }
  for (const { a, b, anchor, inner } of ranges) {
    if (a > 0 && b < words.length) optional.add(hashPair(h[a - 1], h[b]))
    if (anchor && a >= 2) anchors.add(hashPair(h[a - 2], h[a - 1]))
    if (inner) for (let i = Math.max(0, a - 1); i < b && i + 1 < words.length; i++) innerAnchors.add(hashPair(h[i], h[i + 1]))
  }
  for (const bg of required) optional.delete(bg)
  // the text with and without its title, each with its optional passages and without them
  const keep = (drop: number) => words.filter((_, i) => !(bits[i] & drop)).map(hashString)
  const { copyright, title, optional: opt } = KIND_BITS
  const variants = [copyright, copyright | title, copyright | opt, copyright | title | opt].map((drop) => sequenceHash(keep(drop)))
  const exact = [...new Set(variants)]
  return { words, bits, required, optional, anchors, inner: innerAnchors, buckets, exact }
}
