// Full-text matching: finds whole license texts (and standard headers, exceptions, AI licenses and policies)
// in any input — alone, inside a larger file, several per file — by word-bigram similarity to every reference.
//
// Pipeline: exact windows by prefix hashes (exact.ts) → bigram lookup and candidate selection
// (fulltext-candidates.ts) → per candidate, localization and Dice-like scoring on its hit positions (dice.ts,
// dice-edges.ts) → winner selection with thresholds, insertion guards, identity words and near-clone checks
// (fulltext-select.ts), every disjoint winner of a round at once → mask the winners' regions and repeat →
// compose exceptions and policies with their license (fulltext-combine.ts).
import { loadFullTextIndex, type FullTextIndex } from '../corpus/fulltext.js'
import type { Candidate, LicenseFinding } from '../schema/index.js'
import type { LineIndex, Token } from '../text/index.js'
import { effectiveBound, scoreCandidate, type RegionScore } from './dice.js'
import { matchExact } from './exact.js'
import { candidateHits, createInputView, lowerBound, MASKED, NUMBER, refreshMasked, type InputView } from './dice-input.js'
import { classifyWord, collectCandidates, isVersionPair, WORD_NUMBER, lookupBigrams, scratchFor, wordHashes, type CandidateSet, type Scratch } from './fulltext-candidates.js'
import { toFindings, toNearest, type Accepted } from './fulltext-combine.js'
import { isConfident, selectFamily, selectWinner, type Scored } from './fulltext-select.js'

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
/** Inputs longer than this many words are matched in chunks of this size… */
const CHUNK = 1 << 17
/** …overlapping by this many words, more than the longest reference text. */
const OVERLAP = 1 << 15
/** Fewer words than this around an exact match cannot hold another license. */
const MIN_REST = 20
/** Upper bound on rounds per input; each accepts at least one license (a bundle of notices takes a few). */
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
  // a missing or stale corpus throws a LicitError: it is our bug, not something the input did
  return matchFullTextWith(loadFullTextIndex(), source, tokens, lines)
}

/** {@link matchFullText} against a given index (tests build small ones). */
export function matchFullTextWith(index: FullTextIndex, _source: string, tokens: Token[], lines: LineIndex): FullTextResult {
  if (tokens.length <= CHUNK) return matchChunk(index, tokens, lines)
  // a huge input (a bundle, a 50 MB log) is read in overlapping chunks, so memory stays bounded; the overlap is
  // longer than any reference, so a license cut by one chunk's end is whole in the next, which reports it
  const matches: LicenseFinding[] = []
  let nearest: LicenseFinding | undefined
  for (let start = 0; ; start += CHUNK - OVERLAP) {
    const end = Math.min(tokens.length, start + CHUNK)
    const r = matchChunk(index, tokens.slice(start, end), lines)
    const next = end === tokens.length ? Infinity : tokens[start + CHUNK - OVERLAP].start
    for (const m of r.matches) if (Math.min(...m.evidence.map((e) => e.position.start.offset)) < next) matches.push(m)
    nearest ??= r.nearest
    if (end === tokens.length) break
  }
  return matches.length || !nearest ? { matches } : { matches, nearest }
}

/** Match one stretch of tokens (a whole input, or one chunk of a huge one). */
function matchChunk(index: FullTextIndex, tokens: Token[], lines: LineIndex): FullTextResult {
  if (tokens.length < 2) return { matches: [] }
  const words = wordHashes(tokens)
  const accepted: Accepted[] = []
  const exact = matchExact(index, words)
  if (exact) {
    const ref = index.refs[exact.ref]
    const score: RegionScore = { ref: exact.ref, start: exact.start, end: exact.end - 2, found: ref.req, identFound: ref.ident, coverage: 1, precision: 1, f1: 1, maxGap: 0, truncated: 0, effective: 1, split: false }
    accepted.push({ score, candidates: [], exact: true })
    // nothing else fits in the few words around a whole reference text: skip the bigram machinery
    if (exact.start + tokens.length - exact.end < MIN_REST) return { matches: toFindings(index, accepted, tokens, lines) }
  }
  const { flags, numeric } = inputFlags(tokens)
  const view = createInputView(lookupBigrams(index, words), flags, numeric)
  const s = scratchFor(index)
  if (exact) {
    for (let i = Math.max(0, exact.start - 1); i < exact.end; i++) if (i < flags.length) flags[i] |= MASKED
    refreshMasked(view)
  }
  let nearest: { best: Scored; others: Candidate[] } | undefined
  for (let roundNo = 0; roundNo < MAX_ROUNDS; roundNo++) {
    const set = collectCandidates(index, view.idx, flags, s)
    const scored = scoreCandidates(index, set, view, s)
    if (!scored.length) break
    // one round accepts every winner it can: after a winner, the candidates whose regions lie apart from it
    // keep their scores, so the next winner is chosen among them (a bundle of notices takes a round or two,
    // not one per notice)
    let found = 0
    for (const cluster of overlapClusters(scored)) found += acceptAll(index, cluster, view, s, flags, accepted)
    if (!found) {
      if (!accepted.length && roundNo === 0) nearest = pickNearest(index, scored)
      break
    }
    refreshMasked(view)
  }
  const matches = toFindings(index, accepted, tokens, lines)
  if (matches.length || !nearest) return { matches }
  return { matches, nearest: toNearest(index, nearest.best, nearest.others, tokens, lines) }
}

/**
 * Accept every winner among one cluster of overlapping regions, masking each; returns how many.
 *
 * The confident regions are visited best first; each is decided among the live regions overlapping it
 * (selectWinner: decisiveness, enclosing and richer clones). After a winner, its rivals (the regions overlapping
 * it) are dropped, and so are the regions touching a rival: those wait for the next round, rescored once the
 * winner is masked (a rival's better region may reach past the winner into the next text). Every rival overlaps
 * the winner, so "touching a rival" is "overlapping the rivals' span", a constant-time test: a long bundle costs
 * one pass over the cluster per winner.
 */
function acceptAll(index: FullTextIndex, cluster: Scored[], view: InputView, s: Scratch, flags: Uint8Array, accepted: Accepted[]): number {
  // the cluster is sorted by start (overlapClusters): the regions overlapping [from, to] start within
  // [from − longest, to], found by binary search, so each winner costs time for its neighbourhood only
  let longest = 0
  for (const c of cluster) if (c.end - c.start > longest) longest = c.end - c.start
  const starts = Int32Array.from(cluster, (c) => c.start)
  const near = (from: number, to: number) => {
    const out: number[] = []
    for (let k = lowerBound(starts, from - longest); k < cluster.length && cluster[k].start <= to; k++) {
      if (!dead[k] && cluster[k].end >= from) out.push(k)
    }
    return out
  }
  const dead = new Uint8Array(cluster.length)
  const order = cluster
    .map((c, k) => k)
    .filter((k) => isConfident(index, cluster[k]))
    .sort((a, b) => cluster[b].effective - cluster[a].effective || cluster[b].found - cluster[a].found || cluster[a].ref - cluster[b].ref)
  let found = 0
  for (const t of order) {
    if (dead[t]) continue
    const local = near(cluster[t].start, cluster[t].end).map((k) => cluster[k])
    let winner = selectWinner(index, local, view, s)
    const family = winner ? undefined : selectFamily(index, local)
    winner ??= family
    if (!winner) continue
    found++
    accepted.push({ score: winner, candidates: runnerUps(index, local, winner), family: family !== undefined })
    for (let i = winner.start; i <= winner.end; i++) flags[i] |= MASKED
    let lo = winner.start
    let hi = winner.end
    for (const k of near(winner.start, winner.end)) {
      if (cluster[k].start < lo) lo = cluster[k].start
      if (cluster[k].end > hi) hi = cluster[k].end
    }
    for (const k of near(lo, hi)) dead[k] = 1
  }
  return found
}

/**
 * Score candidates from the most promising down, stopping once the rest cannot come within the candidate
 * margin of the best score so far (they could neither win nor be reported as runner-ups).
 */
function scoreCandidates(index: FullTextIndex, set: CandidateSet, view: InputView, s: Scratch): Scored[] {
  const hits = candidateHits(view, set.refs.length, s)
  const order = set.refs
    .map((ref, k) => ({ ref, k, bound: effectiveBound(index.refs[ref].kind, set.coverage[k]) }))
    .sort((a, b) => b.bound - a.bound || a.k - b.k)
  const scored: Scored[] = []
  let best = 0
  for (const { ref, k, bound } of order) {
    if (bound < best - CANDIDATE_MARGIN) break
    for (const sc of scoreCandidate(index, ref, 1 << k, view, hits[k], s)) {
      scored.push({ ...sc, bit: 1 << k })
      if (sc.effective > best) best = sc.effective
    }
  }
  return scored
}

const overlaps = (a: Scored, b: Scored) => a.start <= b.end && a.end >= b.start

/** Group scored regions into clusters of (transitively) overlapping ones: clusters never compete. */
function overlapClusters(scored: Scored[]): Scored[][] {
  const sorted = [...scored].sort((a, b) => a.start - b.start)
  const out: Scored[][] = []
  let end = -1
  for (const c of sorted) {
    if (!out.length || c.start > end) {
      out.push([c])
      end = c.end
    } else {
      out[out.length - 1].push(c)
      if (c.end > end) end = c.end
    }
  }
  return out
}

/** Per bigram position: the NUMBER flag (second word is a number), and whether it states a version or a date. */
function inputFlags(tokens: readonly Token[]): { flags: Uint8Array; numeric: Uint8Array } {
  const classes = new Uint8Array(tokens.length)
  for (let i = 0; i < tokens.length; i++) classes[i] = classifyWord(tokens[i].value)
  const n = Math.max(0, tokens.length - 1)
  const flags = new Uint8Array(n)
  const numeric = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    if (classes[i + 1] & WORD_NUMBER) flags[i] = NUMBER
    if (isVersionPair(classes[i], classes[i + 1])) numeric[i] = 1
  }
  return { flags, numeric }
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
