// Bigram similarity of one candidate reference: find the input region it covers, then score that region.
//
// Localization is a maximum-sum segment (Kadane) over input bigram positions, +1 where the reference has a
// bigram not yet seen in the segment and −1 where it has none: a license inside a README is cut out of its
// surroundings, a gap of unknown words is bridged only when the text on both sides outweighs it, and a second
// copy of the same text adds nothing, so a bundle of notices yields one region per copy. The region's score is
// a Dice-like F1 of *coverage* (distinct required bigrams of the reference present / all its required bigrams —
// optional and replaceable text is never demanded) and *precision* (region bigrams the reference knows / region
// bigrams). Runs of unknown bigrams right after an anchor (a replaceable span such as a copyright holder) are
// expected and left out of precision; any other run is an insertion, and its length is reported so the caller
// can refuse a license with an added clause even when the clause is small next to a long text. Missing
// leading or trailing parts and regions split by an insertion are handled in dice-edges.ts.
import type { FullTextIndex } from '../corpus/fulltext.js'
import { isSplit, keptSlices, MAX_TRUNCATED, MIN_KEPT_COVERAGE, TRUNCATION_PENALTY } from './dice-edges.js'
import { maskedBetween, wordsBetween, type InputView } from './dice-input.js'
import { nextGeneration, type Scratch } from './fulltext-candidates.js'
import { MAX_GAP, THRESHOLD } from './fulltext-select.js'

/** An unknown run after an anchor longer than this is not a filled-in name any more… */
export const MAX_EXCUSED_RUN = 40
/** …and after an inner anchor, longer than this is not another allowed wording. */
const MAX_INNER_RUN = 6

/** How many unknown words may follow input position `q` for candidate `bit` without counting as an insertion. */
const excusable = (s: Scratch, u: number, bit: number) =>
  (s.anchorBits[u] & bit) !== 0 ? MAX_EXCUSED_RUN : (s.innerBits[u] & bit) !== 0 ? MAX_INNER_RUN : 0
/** The highest confidence threshold of any kind of reference (see fulltext-select.ts). */
const MAX_THRESHOLD = 0.95
/** A window edge moves only when this many positions or more add nothing new… */
const MIN_TRIM = 20
/** …and at least this share of them repeat bigrams of the reference found again inside the window. */
const MIN_REPEATED = 0.5

export interface RegionScore {
  /** Reference index. */
  ref: number
  /** First and last bigram position of the region (the region spans words start … end + 1). */
  start: number
  end: number
  /** Distinct required bigrams of the reference found in the region. */
  found: number
  /** …of which hold a distinctive word of the license's name. */
  identFound: number
  coverage: number
  precision: number
  /** 2·P·C / (P + C). */
  f1: number
  /** Longest run of unknown bigrams inside the region that no replaceable span explains (numbers not counted). */
  maxGap: number
  /** Share of the reference's required bigrams set aside as a missing leading or trailing part (0 = none). */
  truncated: number
  /** The rank of the match: F1 lowered for truncation. Reported as the confidence. */
  effective: number
  /** More of the reference's text lies just outside the region, past unknown words: an insertion split it. */
  split: boolean
}

/**
 * The highest `effective` score a reference of `kind` can reach when `coverage` of its required bigrams occur
 * in the input: lets the matcher skip candidates that can neither win nor come close.
 */
export function effectiveBound(kind: keyof typeof MAX_TRUNCATED, coverage: number): number {
  const whole = (2 * coverage) / (1 + coverage)
  const cut = 1 - coverage <= MAX_TRUNCATED[kind] ? 1 - TRUNCATION_PENALTY * (1 - coverage) : 0
  return Math.max(whole, cut)
}

/**
 * A further region of the same reference is scored only when its segment sum reaches this share of the text: a
 * confident region holds at least (1 − MAX_TRUNCATED) · MIN_KEPT_COVERAGE ≈ 0.64 of it.
 */
const MIN_OTHER_REGION = 0.6
/** At most this many regions of one reference are scored per round (a bundle of the same notice many times). */
const MAX_REGIONS = 256

/**
 * Localize and score candidate `bit` (its reference is `ref`) from its sorted hit positions: the best region
 * first, then every other disjoint region holding a good part of the text (each copy of the MIT notice in a
 * bundle of notices), so that one round can accept them all.
 *
 * @returns the regions found, best first; empty when the candidate has no hit.
 */
export function scoreCandidate(index: FullTextIndex, ref: number, bit: number, view: InputView, hits: Int32Array, s: Scratch): RegionScore[] {
  const minOther = Math.max(3, MIN_OTHER_REGION * index.refs[ref].req)
  const segments = findSegments(bit, view, hits, minOther, s)
  if (!segments.length) return []
  let top = 0
  for (let k = 1; k < segments.length; k++) if (segments[k].sum > segments[top].sum) top = k
  const chosen = [segments[top], ...segments.filter((g, k) => k !== top && g.sum >= minOther).sort((x, y) => y.sum - x.sum)]
  return chosen.slice(0, MAX_REGIONS).map((g) => {
    const [from, to] = tighten(bit, view.idx, hits, g.from, g.to, s)
    return scoreRegion(index, ref, bit, view, hits, from, to, s)
  })
}

interface Segment {
  /** Hit indexes of the first and last hit. */
  from: number
  to: number
  sum: number
}

/**
 * Cut the hits into maximum-sum segments, left to right, keeping those reaching `minSum` (or else the best one):
 * +1 per bigram of the reference not yet counted in the segment, −1 per unknown position that no replaceable
 * span explains; a masked position ends a segment.
 * A segment ends where the running sum falls below zero (an unrelated passage) or where a stretch longer than
 * the segment adds nothing new to it (another copy of the same text); the scan then resumes right after the
 * segment's best end, so each hit is read at most about twice and a bundle of many notices stays linear.
 */
function findSegments(bit: number, view: InputView, hits: Int32Array, minSum: number, s: Scratch): Segment[] {
  const { idx } = view
  const { stamp } = s
  const out: Segment[] = []
  // below minSum only the best segment is kept (the candidate's region when nothing else is)
  let bestBelow: Segment | undefined
  let start = 0
  while (start < hits.length) {
    const gen = nextGeneration(s)
    let best = 0
    let bestTo = start
    let cur = 0
    let next = -1
    for (let j = start; j < hits.length; j++) {
      if (j > start) {
        const q = hits[j - 1]
        const gap = hits[j] - q - 1
        if (gap > 0) {
          if (maskedBetween(view, q + 1, hits[j]) > 0) {
            next = j
            break
          }
          // unknown words right after an anchor (a filled-in name or blank) cost nothing, up to MAX_EXCUSED_RUN
          const allowed = excusable(s, idx[q], bit)
          cur -= gap <= allowed ? 0 : gap
          if (cur < 0) break
        }
      }
      // a bigram already counted in the segment adds nothing: a second copy of the same text does not
      // lengthen the first one's region, it is a region of its own
      const u = idx[hits[j]]
      if (stamp[u] !== gen) {
        stamp[u] = gen
        cur++
      }
      if (cur > best) {
        best = cur
        bestTo = j
      } else if (j - bestTo > bestTo - start + 1) break
    }
    if (best >= minSum) out.push({ from: start, to: bestTo, sum: best })
    else if (!bestBelow || best > bestBelow.sum) bestBelow = { from: start, to: bestTo, sum: best }
    start = next > bestTo ? next : bestTo + 1
  }
  if (!out.length && bestBelow) out.push(bestBelow)
  return out
}

/**
 * Narrow a region (hits[from] … hits[to]) to the shortest window holding the same distinct bigrams of the
 * reference, when that drops a large stretch made mostly of repeats at either end: two BSD texts in a row share
 * every bigram, so the maximum segment spans both, while the reference is matched by the second alone. A stretch
 * that brings anything new (a GPL appendix, an exhibit, a title) is the reference's own text and stays.
 */
function tighten(bit: number, idx: Int32Array, hits: Int32Array, from: number, to: number, s: Scratch): [number, number] {
  const { count } = s
  for (let j = from; j <= to; j++) count[idx[hits[j]]]++
  let lo = from
  while (lo < to && count[idx[hits[lo]]] > 1) count[idx[hits[lo++]]]--
  let hi = to
  while (hi > lo && count[idx[hits[hi]]] > 1) count[idx[hits[hi--]]]--
  for (let j = from; j <= to; j++) count[idx[hits[j]]] = 0
  const stretchLo = hits[lo] - hits[from]
  const stretchHi = hits[to] - hits[hi]
  const trimLo = stretchLo >= MIN_TRIM && lo - from >= MIN_REPEATED * stretchLo
  const trimHi = stretchHi >= MIN_TRIM && to - hi >= MIN_REPEATED * stretchHi
  return [trimLo ? lo : from, trimHi ? hi : to]
}

/** Score the region hits[from] … hits[to] for candidate `bit`. */
export function scoreRegion(index: FullTextIndex, ref: number, bit: number, view: InputView, hits: Int32Array, from: number, to: number, s: Scratch): RegionScore {
  const { idx } = view
  const { reqBits, identBits, stamp } = s
  const gen = nextGeneration(s)
  const start = hits[from]
  const end = hits[to]
  let found = 0
  let identFound = 0
  let excused = 0
  let maxGap = 0
  for (let j = from; j <= to; j++) {
    const i = hits[j]
    const u = idx[i]
    if ((reqBits[u] & bit) !== 0 && stamp[u] !== gen) {
      stamp[u] = gen
      found++
      if ((identBits[u] & bit) !== 0) identFound++
    }
    if (j === from) continue
    const q = hits[j - 1]
    const gap = i - q - 1
    if (gap === 0) continue
    if (gap <= excusable(s, idx[q], bit)) excused += gap
    else {
      // numbers do not count: "2001, 2002, …, 2019" for "2001-2006" is a list of years, not a clause
      const words = wordsBetween(view, q + 1, i)
      if (words > maxGap) maxGap = words
    }
  }
  const req = index.refs[ref].req
  let coverage = found / req
  let truncated = 0
  const precision = (to - from + 1) / Math.max(1, end - start + 1 - excused)
  // setting parts aside only matters for a candidate that is not confident as it is but could then become so
  const kind = index.refs[ref].kind
  const whole = coverage + precision > 0 ? (2 * coverage * precision) / (coverage + precision) : 0
  if (whole < MAX_THRESHOLD && found >= (1 - MAX_TRUNCATED[kind]) * req * MIN_KEPT_COVERAGE && precision >= MIN_KEPT_COVERAGE) {
    const kept = keptSlices(index, ref, view, hits, from, to, gen, s)
    if (kept && kept.total < req) {
      truncated = 1 - kept.total / req
      coverage = kept.found / kept.total
    }
  }
  const f1 = coverage + precision > 0 ? (2 * coverage * precision) / (coverage + precision) : 0
  const effective = f1 * (1 - TRUNCATION_PENALTY * truncated)
  // only a candidate that would otherwise be confident needs to know (see isConfident)
  const split = effective >= THRESHOLD[kind] && maxGap <= MAX_GAP && isSplit(bit, view, hits, from, to, s)
  return { ref, start, end, found, identFound, coverage, precision, f1, maxGap, truncated, effective, split }
}
