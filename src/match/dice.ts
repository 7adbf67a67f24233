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
import type { FullTextIndex } from '../corpus/fulltext.js'
import { hasBigram, nextGeneration, type Scratch } from './fulltext-candidates.js'

/** An unknown run after an anchor longer than this is not a filled-in name any more. */
const MAX_EXCUSED_RUN = 40

export interface RegionScore {
  /** Reference index. */
  ref: number
  /** First and last bigram position of the region (the region spans words start … end + 1). */
  start: number
  end: number
  /** Distinct required bigrams of the reference found in the region. */
  found: number
  coverage: number
  precision: number
  /** 2·P·C / (P + C). */
  f1: number
  /** Longest run of unknown bigrams inside the region that no replaceable span explains. */
  maxGap: number
}

/**
 * Localize and score candidate `bit` (its reference is `ref`).
 *
 * @returns undefined when the candidate has no bigram in the unmasked input.
 */
export function scoreCandidate(index: FullTextIndex, ref: number, bit: number, idx: Int32Array, masked: Uint8Array, s: Scratch): RegionScore | undefined {
  const inBits = s.inBits
  let best = 0
  let bestStart = -1
  let bestEnd = -1
  let cur = 0
  let curStart = 0
  for (let i = 0; i < idx.length; i++) {
    if (masked[i]) {
      cur = 0
      curStart = i + 1
      continue
    }
    const u = idx[i]
    const hit = u >= 0 && (inBits[u] & bit) !== 0
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
  return scoreRegion(index, ref, bit, idx, bestStart, bestEnd, s)
}

/** Score a fixed region [start, end] of bigram positions for candidate `bit`. */
export function scoreRegion(index: FullTextIndex, ref: number, bit: number, idx: Int32Array, start: number, end: number, s: Scratch): RegionScore {
  const { inBits, reqBits, anchorBits, stamp } = s
  const gen = nextGeneration(s)
  let hits = 0
  let found = 0
  let excused = 0
  let maxGap = 0
  let runStart = -1
  for (let i = start; i <= end; i++) {
    const u = idx[i]
    if (u >= 0 && (inBits[u] & bit) !== 0) {
      hits++
      if ((reqBits[u] & bit) !== 0 && stamp[u] !== gen) {
        stamp[u] = gen
        found++
      }
      if (runStart >= 0) {
        const run = i - runStart
        const before = idx[runStart - 1]
        if (run <= MAX_EXCUSED_RUN && before >= 0 && (anchorBits[before] & bit) !== 0) excused += run
        else if (run > maxGap) maxGap = run
        runStart = -1
      }
    } else if (runStart < 0) runStart = i
  }
  const coverage = found / index.refs[ref].req
  const precision = hits / Math.max(1, end - start + 1 - excused)
  const f1 = coverage + precision > 0 ? (2 * coverage * precision) / (coverage + precision) : 0
  return { ref, start, end, found, coverage, precision, f1, maxGap }
}

/**
 * How many of the required bigrams of `score.ref` found in its region are absent from reference `other`: the
 * decisive words (version numbers, dates, names) that tell a text from its near-clone.
 */
export function countDecisive(index: FullTextIndex, score: RegionScore, bit: number, other: number, idx: Int32Array, s: Scratch): number {
  const gen = nextGeneration(s)
  let n = 0
  for (let i = score.start; i <= score.end; i++) {
    const u = idx[i]
    if (u < 0 || (s.reqBits[u] & bit) === 0 || s.stamp[u] === gen) continue
    s.stamp[u] = gen
    if (!hasBigram(index, u, other)) n++
  }
  return n
}
