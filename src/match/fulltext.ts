// Full-text matching: finds whole license texts (and standard headers, exceptions, AI licenses and policies)
// in any input — alone, inside a larger file, several per file — by word-bigram similarity to every reference.
//
// Pipeline: exact whole-input hash (exact.ts) → bigram lookup and candidate selection (fulltext-candidates.ts)
// → per candidate, localization and Dice-like scoring (dice.ts) → winner selection with thresholds, the
// insertion guard and near-clone checks (fulltext-select.ts) → mask the winner's region and repeat → compose
// exceptions and policies with their license (fulltext-combine.ts).
import { loadFullTextIndex, type FullTextIndex } from '../corpus/fulltext.js'
import type { Candidate, LicenseFinding } from '../schema/index.js'
import type { LineIndex, Token } from '../text/index.js'
import { effectiveBound, scoreCandidate, type RegionScore } from './dice.js'
import { matchExact } from './exact.js'
import { MASKED, NUMBER, collectCandidates, isVersionBigram, lookupBigrams, scratchFor, wordHashes, type CandidateSet, type Scratch } from './fulltext-candidates.js'
import { toFindings, toNearest, type Accepted } from './fulltext-combine.js'
import { selectWinner, type Scored } from './fulltext-select.js'

export interface FullTextResult {
  /** Confident matches, each with the region it covers as evidence, in source order. */
  matches: LicenseFinding[]
  /** The closest reference when nothing matched confidently but the text looks like a license. */
  nearest?: LicenseFinding
}

/** Runner-ups within this F1 of the winner are reported as its `candidates`. */
const CANDIDATE_MARGIN = 0.05
/** A near miss counts as "looks like a license" from this F1 and this many words on. */
const NEAREST_MIN_F1 = 0.5
const NEAREST_MIN_WORDS = 20
/** Upper bound on licenses found in one input (a bundle of notices); each round finds one. */
const MAX_ROUNDS = 200

const round = (x: number) => Math.round(x * 1000) / 1000

/**
 * Find every whole license text in `source`.
 *
 * @param source - the original text (evidence quotes it).
 * @param tokens - `tokenize(source)`.
 * @param lines - `createLineIndex(source)`.
 * @returns confident matches in source order, and the nearest reference when nothing is confident.
 * @example
 * const { matches } = matchFullText(text, tokenize(text), createLineIndex(text))
 * matches[0].licenseId // 'MIT'
 */
export function matchFullText(source: string, tokens: Token[], lines: LineIndex): FullTextResult {
  let index: FullTextIndex
  try {
    index = loadFullTextIndex()
  } catch {
    // a missing or stale corpus is reported by the corpus self-test; matching degrades to "no full text"
    return { matches: [] }
  }
  return matchFullTextWith(index, source, tokens, lines)
}

/** {@link matchFullText} against a given index (tests build small ones). */
export function matchFullTextWith(index: FullTextIndex, _source: string, tokens: Token[], lines: LineIndex): FullTextResult {
  if (tokens.length < 2) return { matches: [] }
  const words = wordHashes(tokens)
  const exact = matchExact(index, words)
  if (exact >= 0) {
    const score: RegionScore = { ref: exact, start: 0, end: tokens.length - 2, found: index.refs[exact].req, rareFound: index.refs[exact].rare, identFound: index.refs[exact].ident, coverage: 1, precision: 1, f1: 1, maxGap: 0, truncated: 0, effective: 1, split: false }
    return { matches: toFindings(index, [{ score, candidates: [], exact: true }], tokens, lines) }
  }
  const idx = lookupBigrams(index, words)
  const numeric = numericBigrams(tokens)
  const flags = inputFlags(tokens)
  const s = scratchFor(index)
  const accepted: Accepted[] = []
  let nearest: { best: Scored; others: Candidate[] } | undefined
  for (let roundNo = 0; roundNo < MAX_ROUNDS; roundNo++) {
    const set = collectCandidates(index, idx, flags, s)
    const scored = scoreCandidates(index, set, idx, flags, s)
    if (!scored.length) break
    const winner = selectWinner(index, scored, idx, numeric, s)
    if (!winner) {
      if (!accepted.length && roundNo === 0) nearest = pickNearest(index, scored)
      break
    }
    accepted.push({ score: winner, candidates: runnerUps(index, scored, winner) })
    for (let i = winner.start; i <= winner.end; i++) flags[i] |= MASKED
  }
  const matches = toFindings(index, accepted, tokens, lines)
  if (matches.length || !nearest) return { matches }
  return { matches, nearest: toNearest(index, nearest.best, nearest.others, tokens, lines) }
}

/**
 * Score candidates from the most promising down, stopping once the rest cannot come within the candidate
 * margin of the best score so far (they could neither win nor be reported as runner-ups).
 */
function scoreCandidates(index: FullTextIndex, set: CandidateSet, idx: Int32Array, flags: Uint8Array, s: Scratch): Scored[] {
  const order = set.refs
    .map((ref, k) => ({ ref, k, bound: effectiveBound(index.refs[ref].kind, set.coverage[k]) }))
    .sort((a, b) => b.bound - a.bound || a.k - b.k)
  const scored: Scored[] = []
  let best = 0
  for (const { ref, k, bound } of order) {
    if (bound < best - CANDIDATE_MARGIN) break
    const sc = scoreCandidate(index, ref, 1 << k, idx, flags, s)
    if (!sc) continue
    scored.push({ ...sc, bit: 1 << k })
    if (sc.effective > best) best = sc.effective
  }
  return scored
}

/** Per bigram position: the NUMBER flag when the second word is a number. */
function inputFlags(tokens: readonly Token[]): Uint8Array {
  const out = new Uint8Array(Math.max(0, tokens.length - 1))
  for (let i = 0; i < out.length; i++) if (/^[\d.]+$/.test(tokens[i + 1].value)) out[i] = NUMBER
  return out
}

/** Per bigram position: whether it states a version or a date. */
function numericBigrams(tokens: readonly Token[]): Uint8Array {
  const out = new Uint8Array(Math.max(0, tokens.length - 1))
  for (let i = 0; i < out.length; i++) out[i] = isVersionBigram(tokens[i].value, tokens[i + 1].value) ? 1 : 0
  return out
}

/** Overlapping candidates with another id scoring close to the winner. */
function runnerUps(index: FullTextIndex, scored: Scored[], winner: Scored): Candidate[] {
  const id = index.refs[winner.ref].id
  const out: Candidate[] = []
  for (const c of [...scored].sort((a, b) => b.effective - a.effective)) {
    const cid = index.refs[c.ref].id
    if (c === winner || cid === id || c.effective < winner.effective - CANDIDATE_MARGIN) continue
    // a rival must cover most of the same words (not a header inside the winner's text)
    const overlap = Math.min(c.end, winner.end) - Math.max(c.start, winner.start)
    if (overlap < 0.5 * Math.max(c.end - c.start, winner.end - winner.start) || out.some((o) => o.licenseId === cid)) continue
    out.push({ licenseId: cid, confidence: round(c.effective) })
  }
  return out.slice(0, 3)
}

function pickNearest(index: FullTextIndex, scored: Scored[]): { best: Scored; others: Candidate[] } | undefined {
  const ranked = scored
    .filter((c) => c.effective >= NEAREST_MIN_F1 && c.end - c.start + 2 >= NEAREST_MIN_WORDS)
    .sort((a, b) => b.effective - a.effective || a.ref - b.ref)
  const best = ranked[0]
  if (!best) return undefined
  const others = ranked
    .slice(1)
    .filter((c) => index.refs[c.ref].id !== index.refs[best.ref].id && c.effective >= best.effective - CANDIDATE_MARGIN)
    .map((c) => ({ licenseId: index.refs[c.ref].id, confidence: round(c.effective) }))
  return { best, others }
}
