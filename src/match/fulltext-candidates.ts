// Candidate selection for the full-text matcher: input bigrams → index lookups → references worth scoring.
//
// Every input bigram is looked up once (binary search in the sorted hash table). Counting, per reference, how
// many of its *required* bigrams occur anywhere in the unmatched part of the input gives an upper bound of its
// coverage; only the best few references are then localized and scored (dice.ts). For those, one pass over the
// distinct input bigrams sets a bit per candidate, so scoring a candidate is a bit test per position.
import { findHash, type FullTextIndex } from '../corpus/fulltext.js'
import * as format from '../corpus/fulltext-format.js'
import { hashPair, hashString } from '../text/hash.js'
import type { Token } from '../text/index.js'
import { MASKED } from './dice-input.js'

// local copies: the hot loops below read them millions of times
const REF = format.POSTING_REF
const REQUIRED = format.POSTING_REQUIRED
const ANCHOR = format.POSTING_ANCHOR
const INNER = format.POSTING_INNER
const IDENTITY = format.POSTING_IDENTITY

/** At most this many candidates are scored per round (one bit each in a u32). */
export const MAX_CANDIDATES = 32
/** A reference is a candidate when at least this share of its required bigrams occurs in the input. */
const MIN_COVERAGE = 0.4

/** Reusable per-index work arrays (single-threaded, so one set per index is enough). */
export interface Scratch {
  /** Generation stamp per hash, to visit each distinct input bigram once per round. */
  seen: Uint32Array
  /** Second stamp per hash, for counting distinct bigrams inside a region. */
  stamp: Uint32Array
  /** Per hash: occurrences inside a window (kept at zero between uses). */
  count: Uint32Array
  generation: number
  /** Per hash: candidate bits of references containing it / requiring it / having a replaceable span after it. */
  inBits: Uint32Array
  reqBits: Uint32Array
  anchorBits: Uint32Array
  /** Per hash: candidate bits of references for which it lies inside a replaceable span. */
  innerBits: Uint32Array
  /** Per hash: candidate bits of references whose name-word bigram it is. */
  identBits: Uint32Array
  /** Per reference: required bigrams seen, and candidate slot (-1 = none). */
  reqHits: Uint32Array
  slot: Int8Array
}

const scratches = new WeakMap<FullTextIndex, Scratch>()

export function scratchFor(index: FullTextIndex): Scratch {
  let s = scratches.get(index)
  if (!s) {
    const n = index.hashes.length
    s = {
      seen: new Uint32Array(n),
      stamp: new Uint32Array(n),
      count: new Uint32Array(n),
      generation: 0,
      inBits: new Uint32Array(n),
      reqBits: new Uint32Array(n),
      anchorBits: new Uint32Array(n),
      innerBits: new Uint32Array(n),
      identBits: new Uint32Array(n),
      reqHits: new Uint32Array(index.refs.length),
      slot: new Int8Array(index.refs.length).fill(-1),
    }
    scratches.set(index, s)
  }
  return s
}

/** Next generation stamp; wraps by clearing the stamp arrays. */
export function nextGeneration(s: Scratch): number {
  if (s.generation >= 0xfffffff0) {
    s.seen.fill(0)
    s.stamp.fill(0)
    s.generation = 0
  }
  return ++s.generation
}

const VERSION_WORD = /^(?:version|versions|v|ver|release|revision|rev)$/
const HAS_DIGIT = /\d/
const YEAR = /^(?:19|20)\d\d$/
const NUMBER_WORD = /^[\d.]+$/

/** Word classes, as bits: holds a digit, is a year, is a version word, is a number. */
export const WORD_DIGIT = 1
export const WORD_YEAR = 2
export const WORD_VERSION = 4
export const WORD_NUMBER = 8

/** The classes of one normalized word. */
export function classifyWord(w: string): number {
  if (!HAS_DIGIT.test(w)) return VERSION_WORD.test(w) ? WORD_VERSION : 0
  return WORD_DIGIT | (YEAR.test(w) ? WORD_YEAR : 0) | (NUMBER_WORD.test(w) ? WORD_NUMBER : 0)
}

/**
 * Whether a word bigram states a version or a date ("version 2", "3.1 version", "23 2024"), from the classes of
 * its words: the numbers that tell near-clones apart. Section cross-references ("section 3.1", "3.5 have") are
 * not decisive.
 */
export function isVersionPair(a: number, b: number): boolean {
  if ((a | b) & WORD_YEAR) return true
  return (a & WORD_DIGIT && b & WORD_VERSION) !== 0 || (b & WORD_DIGIT && a & WORD_VERSION) !== 0
}

/** {@link isVersionPair} on words. */
export const isVersionBigram = (a: string, b: string): boolean => isVersionPair(classifyWord(a), classifyWord(b))

/** Word hashes of the tokens (the input side of every bigram). */
export function wordHashes(tokens: readonly Token[]): Uint32Array {
  const out = new Uint32Array(tokens.length)
  for (let i = 0; i < tokens.length; i++) out[i] = hashString(tokens[i].value)
  return out
}

/** Index of every input bigram in the hash table, or -1 when no reference has it. Position i = words i and i+1. */
export function lookupBigrams(index: FullTextIndex, words: Uint32Array): Int32Array {
  const out = new Int32Array(Math.max(0, words.length - 1))
  for (let i = 0; i + 1 < words.length; i++) out[i] = findHash(index, hashPair(words[i], words[i + 1]))
  return out
}

export interface CandidateSet {
  /** Reference indexes, best coverage first; candidate k owns bit `1 << k`. */
  refs: number[]
  /** Share of each candidate's required bigrams present anywhere in the unmasked input (an upper bound). */
  coverage: number[]
  /** Distinct hash indexes present in the unmasked input. */
  distinct: number[]
}

/**
 * Pick the references most covered by the unmasked input and mark, per distinct input bigram, which of them
 * contain it. Returns no candidates when nothing reaches the minimum coverage.
 */
export function collectCandidates(index: FullTextIndex, idx: Int32Array, flags: Uint8Array, s: Scratch): CandidateSet {
  const { starts, postings, refs } = index
  const { seen, reqHits, slot, inBits, reqBits, anchorBits, innerBits, identBits } = s
  const gen = nextGeneration(s)
  reqHits.fill(0)
  const distinct: number[] = []
  for (let i = 0; i < idx.length; i++) {
    const u = idx[i]
    if (u < 0 || flags[i] & MASKED || seen[u] === gen) continue
    seen[u] = gen
    distinct.push(u)
    const end = starts[u + 1]
    for (let p = starts[u]; p < end; p++) {
      const v = postings[p]
      if (v & REQUIRED) reqHits[v & REF]++
    }
  }
  const ranked: Array<[number, number]> = []
  for (let r = 0; r < refs.length; r++) {
    const hits = reqHits[r]
    if (hits >= 3 && hits >= MIN_COVERAGE * refs[r].req) ranked.push([r, hits / refs[r].req])
  }
  ranked.sort((a, b) => b[1] - a[1] || refs[b[0]].req - refs[a[0]].req || a[0] - b[0])
  const top = ranked.slice(0, MAX_CANDIDATES)
  const chosen = top.map(([r]) => r)
  chosen.forEach((r, k) => (slot[r] = k))
  for (let d = 0; d < distinct.length; d++) {
    const u = distinct[d]
    let inB = 0
    let reqB = 0
    let anchorB = 0
    let identB = 0
    let innerB = 0
    const end = starts[u + 1]
    for (let p = starts[u]; p < end; p++) {
      const v = postings[p]
      const k = slot[v & REF]
      if (k < 0) continue
      const bit = 1 << k
      inB |= bit
      if (v & REQUIRED) reqB |= bit
      if (v & ANCHOR) anchorB |= bit
      if (v & IDENTITY) identB |= bit
      if (v & INNER) innerB |= bit
    }
    inBits[u] = inB
    reqBits[u] = reqB
    anchorBits[u] = anchorB
    identBits[u] = identB
    innerBits[u] = innerB
  }
  for (const r of chosen) slot[r] = -1
  return { refs: chosen, coverage: top.map(([, c]) => c), distinct }
}

/** Position in `postings` of reference `ref` under hash index `u`, or -1 (postings are sorted by reference). */
export function findPosting(index: FullTextIndex, u: number, ref: number): number {
  let lo = index.starts[u]
  let hi = index.starts[u + 1] - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const r = index.postings[mid] & REF
    if (r < ref) lo = mid + 1
    else if (r > ref) hi = mid - 1
    else return mid
  }
  return -1
}

/** Whether reference `ref` has the bigram with hash index `u`. */
export const hasBigram = (index: FullTextIndex, u: number, ref: number): boolean => findPosting(index, u, ref) >= 0
