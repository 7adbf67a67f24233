// What lies at the edges of a matched region: a missing leading or trailing part, or more of the license cut off
// by an insertion.
//
// A copy may lack a leading preamble or a trailing notice (the Creative Commons notice, a "this software
// consists of voluntary contributions" paragraph, the later parts of a multi-part text). When the missing
// required bigrams all sit in the first or last slices of the reference, those slices are set aside: coverage
// is measured on the rest, and the share set aside is reported as `truncated`, which lowers the rank (and the
// confidence) so that a complete match of a shorter reference wins over a truncated longer one. A part found
// just outside the region, cut off by inserted words, is not missing: the region is split instead.
import type { FullTextIndex } from '../corpus/fulltext.js'
import * as format from '../corpus/fulltext-format.js'
import { lowerBound, maskedBetween, type InputView } from './dice-input.js'
import { findPosting, nextGeneration, type Scratch } from './fulltext-candidates.js'

const B = format.POSITION_BUCKETS
const REQUIRED = format.POSTING_REQUIRED

/** A slice counts as missing when at most this share of its required bigrams is present. */
const MISSING_SLICE = 0.25
/** At most this share of a reference may be set aside as a missing preamble or trailing part. */
export const MAX_TRUNCATED = { license: 0.25, exception: 0.25, policy: 0.25, header: 0.5 } as const
/** Below this coverage of what is kept, or this precision, a candidate is no match whatever is set aside. */
export const MIN_KEPT_COVERAGE = 0.85
/** Rank and confidence lose this much per unit of truncated share. */
export const TRUNCATION_PENALTY = 0.1
/** A leading or trailing part is displaced, not missing, when this share of it occurs just outside the region. */
const DISPLACED = 0.3
/** How far outside the region to look for displaced text (inserted text can be long). */
const REACH = 200
/** A dense block of the reference's own text beside the region splits it: this many new bigrams or more… */
const SPLIT_MIN = 8
/** …and this share of the distinct bigrams inside the region. */
const SPLIT_SHARE = 0.15

/** Hit indexes [lo, hi) of `hits` within `reach` positions before and after the region hits[from] … hits[to]. */
function beside(hits: Int32Array, from: number, to: number): Array<[number, number]> {
  const reach = Math.max(2 * (hits[to] - hits[from] + 1), REACH)
  return [
    [lowerBound(hits, hits[from] - reach), from],
    [to + 1, lowerBound(hits, hits[to] + reach + 1)],
  ]
}

/**
 * What remains of reference `ref` once a missing leading and trailing part are set aside: required bigrams
 * whose first occurrence lies in trailing slices where (almost) none are present form the missing tail, those
 * whose last occurrence lies in leading such slices the missing head. Returns the required bigrams kept and
 * how many of them the region has; undefined when nothing may be set aside. `gen` stamps the region's
 * distinct required bigrams.
 */
export function keptSlices(index: FullTextIndex, ref: number, view: InputView, hits: Int32Array, from: number, to: number, gen: number, s: Scratch) {
  const { idx } = view
  const totals = index.bucketTotals.subarray(ref * 2 * B, (ref + 1) * 2 * B)
  const found = new Uint16Array(2 * B)
  const mark = nextGeneration(s)
  for (let j = from; j <= to; j++) {
    const u = idx[hits[j]]
    if (s.stamp[u] !== gen || s.seen[u] === mark) continue
    s.seen[u] = mark
    const p = findPosting(index, u, ref)
    if (p < 0 || !(index.postings[p] & REQUIRED)) continue
    found[index.buckets[p] >> 4]++
    found[B + (index.buckets[p] & 15)]++
  }
  const missing = (b: number) => found[b] <= MISSING_SLICE * totals[b]
  let hi = B - 1
  let tail = 0
  let tailFound = 0
  for (; hi > 0 && missing(hi); hi--) {
    tail += totals[hi]
    tailFound += found[hi]
  }
  let lo = 0
  let head = 0
  let headFound = 0
  // a header's opening sentence names the license: it may lose its closing paragraphs, never its opening
  const kind = index.refs[ref].kind
  for (; kind !== 'header' && lo < hi && missing(B + lo); lo++) {
    head += totals[B + lo]
    headFound += found[B + lo]
  }
  // a part that sits just outside the region, cut off by inserted words, is displaced, not missing
  const [before, after] = beside(hits, from, to)
  if (head && displaced(index, ref, idx, hits, before, (b) => (b & 15) < lo, s) > DISPLACED * head) return undefined
  if (tail && displaced(index, ref, idx, hits, after, (b) => b >> 4 > hi, s) > DISPLACED * tail) return undefined
  const req = index.refs[ref].req
  const total = req - head - tail
  if (total === req || total <= 0 || 1 - total / req > MAX_TRUNCATED[kind]) return undefined
  let present = 0
  for (let b = 0; b < B; b++) present += found[b]
  return { total, found: present - headFound - tailFound }
}

/** Distinct required bigrams of `ref` among hits [lo, hi) whose slices satisfy `inPart`. */
function displaced(index: FullTextIndex, ref: number, idx: Int32Array, hits: Int32Array, [lo, hi]: [number, number], inPart: (b: number) => boolean, s: Scratch): number {
  const mark = nextGeneration(s)
  let n = 0
  for (let j = lo; j < hi; j++) {
    const u = idx[hits[j]]
    if (s.seen[u] === mark) continue
    s.seen[u] = mark
    const p = findPosting(index, u, ref)
    if (p >= 0 && index.postings[p] & REQUIRED && inPart(index.buckets[p])) n++
  }
  return n
}

/**
 * Whether the reference goes on beyond the region: a dense block of its text (a maximum segment within reach
 * before or after the region) holds enough bigrams of it that the region lacks. The maximum segment stops at an
 * inserted passage longer than what follows it, so a clause inserted near the end (or into optional text)
 * leaves the rest of the license just outside. Sparse echoes of the license's phrases in an appendix it does
 * not cover, or a second copy of the same text (nothing new in it), do not count.
 */
export function isSplit(bit: number, view: InputView, hits: Int32Array, from: number, to: number, s: Scratch): boolean {
  const { idx } = view
  const { seen } = s
  const mark = nextGeneration(s)
  let inside = 0
  for (let j = from; j <= to; j++) {
    const u = idx[hits[j]]
    if (seen[u] !== mark) {
      seen[u] = mark
      inside++
    }
  }
  const need = Math.max(SPLIT_MIN, SPLIT_SHARE * inside)
  for (const [lo, hi] of beside(hits, from, to)) {
    // maximum segment over the hits beside the region, each gap costing its length
    let best = 0
    let bestLo = -1
    let bestHi = -1
    let cur = 0
    let curLo = lo
    for (let j = lo; j < hi; j++) {
      if (j > lo) {
        const gap = hits[j] - hits[j - 1] - 1
        cur -= maskedBetween(view, hits[j - 1] + 1, hits[j]) > 0 ? cur : gap
        if (cur <= 0) {
          cur = 0
          curLo = j
        }
      }
      cur++
      if (cur > best) {
        best = cur
        bestLo = curLo
        bestHi = j
      }
    }
    if (best < SPLIT_MIN) continue
    let fresh = 0
    for (let j = bestLo; j <= bestHi; j++) if (seen[idx[hits[j]]] !== mark) fresh++
    if (fresh >= need) return true
  }
  return false
}
