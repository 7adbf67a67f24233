// Bigram similarity of one candidate reference: find the input region it covers, then score that region.
//
// Localization is a maximum-sum segment (Kadane) over input bigram positions, +1 where the reference has the
// bigram and −1 where it does not: a license inside a README is cut out of its surroundings, and a gap of
// unknown words is bridged only when the text on both sides outweighs it. The region's score is a Dice-like
// F1 of *coverage* (distinct required bigrams of the reference present / all its required bigrams — optional
// and replaceable text is never demanded) and *precision* (region bigrams the reference knows / region
// bigrams). Runs of unknown bigrams right after an anchor (a replaceable span such as a copyright holder) are
// expected and left out of precision; any other run is an insertion, and its length is reported so the caller
// can refuse a license with an added clause even when the clause is small next to a long text.
//
// A copy may also lack a leading preamble or a trailing notice (the Creative Commons notice, a "this software
// consists of voluntary contributions" paragraph, the later parts of a multi-part text). When the missing
// required bigrams all sit in the first or last slices of the reference, those slices are set aside: coverage
// is measured on the rest, and the share set aside is reported as `truncated`, which lowers the rank (and the
// confidence) of the match so that a complete match of a shorter reference wins over a truncated longer one.
import type { FullTextIndex } from '../corpus/fulltext.js'
import * as format from '../corpus/fulltext-format.js'
import { MASKED, NUMBER, findPosting, nextGeneration, type Scratch } from './fulltext-candidates.js'

// local copies of the format constants read in loops
const B = format.POSITION_BUCKETS
const REQUIRED = format.POSTING_REQUIRED
const RARE_DF = format.RARE_DF

/** An unknown run after an anchor longer than this is not a filled-in name any more. */
const MAX_EXCUSED_RUN = 40
/** A slice counts as missing when at most this share of its required bigrams is present. */
const MISSING_SLICE = 0.25
/** At most this share of a reference may be set aside as a missing preamble or trailing part. */
const MAX_TRUNCATED = { license: 0.25, exception: 0.25, policy: 0.25, header: 0.5 } as const
/** A leading or trailing part is displaced, not missing, when this share of it occurs just outside the region. */
const DISPLACED = 0.3
/** How far outside the region to look for a displaced part (inserted text can be long). */
const DISPLACED_REACH = 200
/** Below this coverage of what is kept, or this precision, a candidate is no match whatever is set aside. */
const MIN_KEPT_COVERAGE = 0.85
/** Rank and confidence lose this much per unit of truncated share. */
const TRUNCATION_PENALTY = 0.2

export interface RegionScore {
  /** Reference index. */
  ref: number
  /** First and last bigram position of the region (the region spans words start … end + 1). */
  start: number
  end: number
  /** Distinct required bigrams of the reference found in the region. */
  found: number
  /** …of which rare ones (held by few references). */
  rareFound: number
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
 * Localize and score candidate `bit` (its reference is `ref`).
 *
 * @returns undefined when the candidate has no bigram in the unmasked input.
 */
export function scoreCandidate(index: FullTextIndex, ref: number, bit: number, idx: Int32Array, flags: Uint8Array, s: Scratch): RegionScore | undefined {
  const { inBits, anchorBits } = s
  let best = 0
  let bestStart = -1
  let bestEnd = -1
  let cur = 0
  let curStart = 0
  // unknown words right after an anchor (a filled-in name or blank) cost nothing, up to MAX_EXCUSED_RUN
  let excusable = 0
  for (let i = 0; i < idx.length; i++) {
    if (flags[i] & MASKED) {
      cur = 0
      curStart = i + 1
      continue
    }
    const u = idx[i]
    const hit = u >= 0 && (inBits[u] & bit) !== 0
    if (hit) excusable = (anchorBits[u] & bit) !== 0 ? MAX_EXCUSED_RUN : 0
    else if (excusable > 0) {
      excusable--
      continue
    }
    cur += hit ? 1 : -1
    if (cur < 0) {
      cur = 0
      curStart = i + 1
    } else if (hit && cur > best) {
      best = cur
      bestStart = curStart
      bestEnd = i
    }
  }
  if (bestEnd < 0) return undefined
  // the segment may begin with a balanced miss/hit prefix: start at its first hit
  while (bestStart < bestEnd && !(idx[bestStart] >= 0 && (inBits[idx[bestStart]] & bit) !== 0)) bestStart++
  const [start, end] = tighten(bit, idx, bestStart, bestEnd, s)
  return scoreRegion(index, ref, bit, idx, flags, start, end, s)
}

/** A window edge moves only when this many positions or more add nothing new… */
const MIN_TRIM = 20
/** …and at least this share of them repeat bigrams of the reference found again inside the window. */
const MIN_REPEATED = 0.5

/**
 * Narrow a region to the shortest window holding the same distinct bigrams of the reference, when that drops
 * a large stretch made mostly of repeats at either end: two BSD texts in a row share every bigram, so the
 * maximum segment spans both, while the reference is matched by the second alone. A stretch that brings
 * anything new (a GPL appendix, an exhibit, a title) is the reference's own text and stays.
 */
function tighten(bit: number, idx: Int32Array, start: number, end: number, s: Scratch): [number, number] {
  const { inBits, count } = s
  const hit = (i: number) => idx[i] >= 0 && (inBits[idx[i]] & bit) !== 0
  for (let i = start; i <= end; i++) if (hit(i)) count[idx[i]]++
  let lo = start
  let repeatsLo = 0
  while (lo < end && (!hit(lo) || count[idx[lo]] > 1)) {
    if (hit(lo)) {
      count[idx[lo]]--
      repeatsLo++
    }
    lo++
  }
  let hi = end
  let repeatsHi = 0
  while (hi > lo && (!hit(hi) || count[idx[hi]] > 1)) {
    if (hit(hi)) {
      count[idx[hi]]--
      repeatsHi++
    }
    hi--
  }
  for (let i = start; i <= end; i++) if (idx[i] >= 0) count[idx[i]] = 0
  const trimLo = lo - start >= MIN_TRIM && repeatsLo >= MIN_REPEATED * (lo - start)
  const trimHi = end - hi >= MIN_TRIM && repeatsHi >= MIN_REPEATED * (end - hi)
  return [trimLo ? lo : start, trimHi ? hi : end]
}

/** Score a fixed region [start, end] of bigram positions for candidate `bit`. */
export function scoreRegion(index: FullTextIndex, ref: number, bit: number, idx: Int32Array, flags: Uint8Array, start: number, end: number, s: Scratch): RegionScore {
  const { inBits, reqBits, anchorBits, identBits, stamp } = s
  const gen = nextGeneration(s)
  let hits = 0
  let found = 0
  let rareFound = 0
  let identFound = 0
  let excused = 0
  let maxGap = 0
  let runStart = -1
  let runWords = 0
  for (let i = start; i <= end; i++) {
    const u = idx[i]
    if (u >= 0 && (inBits[u] & bit) !== 0) {
      hits++
      if ((reqBits[u] & bit) !== 0 && stamp[u] !== gen) {
        stamp[u] = gen
        found++
        if (index.starts[u + 1] - index.starts[u] <= RARE_DF) rareFound++
        if ((identBits[u] & bit) !== 0) identFound++
      }
      if (runStart >= 0) {
        const run = i - runStart
        const before = idx[runStart - 1]
        if (run <= MAX_EXCUSED_RUN && before >= 0 && (anchorBits[before] & bit) !== 0) excused += run
        else if (runWords > maxGap) maxGap = runWords
        runStart = -1
      }
    } else {
      if (runStart < 0) {
        runStart = i
        runWords = 0
      }
      // numbers do not count: "2001, 2002, …, 2019" for "2001-2006" is a list of years, not a clause
      if (!(flags[i] & NUMBER)) runWords++
    }
  }
  const req = index.refs[ref].req
  let coverage = found / req
  let truncated = 0
  const precision = hits / Math.max(1, end - start + 1 - excused)
  // setting parts aside only matters for a candidate that could then reach a confident score
  if (found < req && found >= (1 - MAX_TRUNCATED[index.refs[ref].kind]) * req * MIN_KEPT_COVERAGE && precision >= MIN_KEPT_COVERAGE) {
    const kept = keptSlices(index, ref, idx, flags, start, end, gen, s)
    if (kept && kept.total < req) {
      truncated = 1 - kept.total / req
      coverage = kept.found / kept.total
    }
  }
  const f1 = coverage + precision > 0 ? (2 * coverage * precision) / (coverage + precision) : 0
  const effective = f1 * (1 - TRUNCATION_PENALTY * truncated)
  const split = effective >= MIN_KEPT_COVERAGE && isSplit(bit, idx, flags, start, end, s)
  return { ref, start, end, found, rareFound, identFound, coverage, precision, f1, maxGap, truncated, effective, split }
}

/** A dense block of the reference's own text beside the region that splits it: this many new bigrams or more… */
const SPLIT_MIN = 8
/** …and this share of the distinct bigrams inside the region. */
const SPLIT_SHARE = 0.15

/**
 * Whether the reference goes on beyond the region: a dense block of its text (a maximum segment within reach
 * before or after the region) holds enough bigrams of it that the region lacks. The maximum segment stops at an
 * inserted passage longer than what follows it, so a clause inserted near the end (or into optional text)
 * leaves the rest of the license just outside. Sparse echoes of the license's phrases in an appendix it does
 * not cover, or a second copy of the same text (nothing new in it), do not count.
 */
function isSplit(bit: number, idx: Int32Array, flags: Uint8Array, start: number, end: number, s: Scratch): boolean {
  const { inBits, seen } = s
  const mark = nextGeneration(s)
  let inside = 0
  for (let i = start; i <= end; i++) {
    const u = idx[i]
    if (u >= 0 && (inBits[u] & bit) !== 0 && seen[u] !== mark) {
      seen[u] = mark
      inside++
    }
  }
  const need = Math.max(SPLIT_MIN, SPLIT_SHARE * inside)
  const reach = Math.max(2 * (end - start + 1), DISPLACED_REACH)
  const hit = (i: number) => idx[i] >= 0 && (inBits[idx[i]] & bit) !== 0
  const fresh = (from: number, to: number) => {
    let n = 0
    for (let i = from; i <= to; i++) if (hit(i) && seen[idx[i]] !== mark) n++
    return n
  }
  for (const [from, to] of [
    [Math.max(0, start - reach), start - 1],
    [end + 1, Math.min(idx.length - 1, end + reach)],
  ]) {
    let best = 0
    let bestFrom = -1
    let bestTo = -1
    let cur = 0
    let curFrom = from
    for (let i = from; i <= to; i++) {
      if (flags[i] & MASKED) {
        cur = 0
        curFrom = i + 1
        continue
      }
      cur += hit(i) ? 1 : -1
      if (cur < 0) {
        cur = 0
        curFrom = i + 1
      } else if (cur > best) {
        best = cur
        bestFrom = curFrom
        bestTo = i
      }
    }
    if (best >= SPLIT_MIN && fresh(bestFrom, bestTo) >= need) return true
  }
  return false
}

/**
 * What remains of reference `ref` once a missing leading and trailing part are set aside: required bigrams
 * whose first occurrence lies in trailing slices where (almost) none are present form the missing tail, those
 * whose last occurrence lies in leading such slices the missing head. Returns the required bigrams kept and
 * how many of them the region has; undefined when nothing may be set aside. `gen` stamps the region's
 * distinct required bigrams.
 */
function keptSlices(index: FullTextIndex, ref: number, idx: Int32Array, flags: Uint8Array, start: number, end: number, gen: number, s: Scratch) {
  const totals = index.bucketTotals.subarray(ref * 2 * B, (ref + 1) * 2 * B)
  const found = new Uint16Array(2 * B)
  const mark = nextGeneration(s)
  for (let i = start; i <= end; i++) {
    const u = idx[i]
    if (u < 0 || s.stamp[u] !== gen || s.seen[u] === mark) continue
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
  const reach = Math.max(2 * (end - start + 1), DISPLACED_REACH)
  if (head && displaced(index, ref, idx, flags, Math.max(0, start - reach), start, (b) => (b & 15) < lo, s) > DISPLACED * head) return undefined
  if (tail && displaced(index, ref, idx, flags, end + 1, Math.min(idx.length, end + 1 + reach), (b) => b >> 4 > hi, s) > DISPLACED * tail) return undefined
  const req = index.refs[ref].req
  const total = req - head - tail
  if (total === req || total <= 0 || 1 - total / req > MAX_TRUNCATED[kind]) return undefined
  let present = 0
  for (let b = 0; b < B; b++) present += found[b]
  return { total, found: present - headFound - tailFound }
}

/** Distinct required bigrams of `ref` in input positions [from, to) whose slices satisfy `inPart`. */
function displaced(index: FullTextIndex, ref: number, idx: Int32Array, flags: Uint8Array, from: number, to: number, inPart: (b: number) => boolean, s: Scratch): number {
  const mark = nextGeneration(s)
  let n = 0
  for (let i = from; i < to; i++) {
    const u = idx[i]
    if (u < 0 || flags[i] & MASKED || s.seen[u] === mark) continue
    s.seen[u] = mark
    const p = findPosting(index, u, ref)
    if (p >= 0 && index.postings[p] & REQUIRED && inPart(index.buckets[p])) n++
  }
  return n
}

/** Decisive words found in a region, for a candidate against one near-clone and the other way round. */
export interface Decisive {
  /** Distinct required bigrams of the candidate present in the region that the clone lacks. */
  own: number
  /** …of which state a version or a date. */
  ownNumeric: number
  /** Distinct required bigrams of the clone present in the region that the candidate lacks. */
  rival: number
  /** …of which state a version or a date. */
  rivalNumeric: number
}

/**
 * Count the decisive words (versions, dates, names) in the region of `score`: those of its reference that
 * reference `other` lacks, and those of `other` that the reference lacks. `numeric[i]` says whether input
 * bigram i states a version or a date.
 */
export function countDecisive(
  index: FullTextIndex,
  score: RegionScore,
  bit: number,
  other: number,
  idx: Int32Array,
  numeric: Uint8Array,
  s: Scratch,
): Decisive {
  const gen = nextGeneration(s)
  const out: Decisive = { own: 0, ownNumeric: 0, rival: 0, rivalNumeric: 0 }
  for (let i = score.start; i <= score.end; i++) {
    const u = idx[i]
    if (u < 0 || s.stamp[u] === gen) continue
    s.stamp[u] = gen
    const p = findPosting(index, u, other)
    if ((s.reqBits[u] & bit) !== 0 && p < 0) {
      out.own++
      if (numeric[i]) out.ownNumeric++
    } else if ((s.inBits[u] & bit) === 0 && p >= 0 && index.postings[p] & REQUIRED) {
      out.rival++
      if (numeric[i]) out.rivalNumeric++
    }
  }
  return out
}
