// The input side of bigram scoring: per-position lookups and flags, and each candidate's hit positions.
//
// Scoring works on the sorted positions where a candidate has its bigrams (its "hits"), not on every input
// position: the unknown words between two hits are a gap whose length and content are read from prefix counts.
// So the cost of scoring a candidate grows with its hits, and a long text with many small candidates (standard
// headers inside a GPL text) stays cheap.
import type { Scratch } from './fulltext-candidates.js'

/** Per-position input flags: the position belongs to an accepted match. */
export const MASKED = 1
/** …the bigram's second word is a number (a year in a list of years is never an inserted clause). */
export const NUMBER = 2

export interface InputView {
  /** Per bigram position: index of the bigram in the hash table, or -1. */
  idx: Int32Array
  /** Per position: MASKED, NUMBER. */
  flags: Uint8Array
  /** Per position: the bigram states a version or a date. */
  numeric: Uint8Array
  /** numbers[i]: positions before i whose second word is a number. */
  numbers: Int32Array
  /** masked[i]: masked positions before i (refresh with `refreshMasked` after masking). */
  masked: Int32Array
}

/** Build the view once per input. */
export function createInputView(idx: Int32Array, flags: Uint8Array, numeric: Uint8Array): InputView {
  const numbers = new Int32Array(idx.length + 1)
  for (let i = 0; i < idx.length; i++) numbers[i + 1] = numbers[i] + (flags[i] & NUMBER ? 1 : 0)
  const view = { idx, flags, numeric, numbers, masked: new Int32Array(idx.length + 1) }
  refreshMasked(view)
  return view
}

/** Recount masked positions after a match was masked. */
export function refreshMasked(view: InputView): void {
  const { flags, masked } = view
  for (let i = 0; i < flags.length; i++) masked[i + 1] = masked[i] + (flags[i] & MASKED ? 1 : 0)
}

/** Masked positions in [from, to). */
export const maskedBetween = (view: InputView, from: number, to: number) => view.masked[to] - view.masked[from]

/** Positions in [from, to) whose second word is not a number. */
export const wordsBetween = (view: InputView, from: number, to: number) => to - from - (view.numbers[to] - view.numbers[from])

/**
 * The sorted unmasked positions where each candidate has a bigram, for `count` candidates (bit k = candidate k).
 */
export function candidateHits(view: InputView, count: number, s: Scratch): Int32Array[] {
  const { idx, flags } = view
  const sizes = new Int32Array(count)
  for (let i = 0; i < idx.length; i++) {
    const u = idx[i]
    if (u < 0 || flags[i] & MASKED) continue
    for (let b = s.inBits[u]; b !== 0; b &= b - 1) sizes[31 - Math.clz32(b & -b)]++
  }
  const lists = Array.from(sizes, (n) => new Int32Array(n))
  const fill = new Int32Array(count)
  for (let i = 0; i < idx.length; i++) {
    const u = idx[i]
    if (u < 0 || flags[i] & MASKED) continue
    for (let b = s.inBits[u]; b !== 0; b &= b - 1) {
      const k = 31 - Math.clz32(b & -b)
      lists[k][fill[k]++] = i
    }
  }
  return lists
}

/** First index j of sorted `hits` with hits[j] >= pos. */
export function lowerBound(hits: Int32Array, pos: number): number {
  let lo = 0
  let hi = hits.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (hits[mid] < pos) lo = mid + 1
    else hi = mid
  }
  return lo
}
