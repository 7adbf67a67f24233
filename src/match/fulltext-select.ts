// Chooses the winner among scored candidates: thresholds, the insertion guard, near-clone decisiveness, containment.
import type { FullTextIndex } from '../corpus/fulltext.js'
import * as format from '../corpus/fulltext-format.js'
import type { RegionScore } from './dice.js'
import type { InputView } from './dice-input.js'
import { findPosting, nextGeneration, type Scratch } from './fulltext-candidates.js'

const REQUIRED = format.POSTING_REQUIRED

/**
 * Minimum F1 for a confident match. Full texts: 0.95 — reformatting, a filled-in name or a missing appendix
 * cost a few percent, while a modified license (another clause, a dropped condition) loses more, and near-clone
 * confusion is handled by the best-score rule and the decisive-words check, not by the threshold (licensee uses
 * 0.98 on whole files, askalono about 0.9). Standard headers are short and their wording drifts in the wild
 * ("this library" for "this program"), so they pass at 0.9; their decisive words (version, "any later
 * version") are still checked.
 */
export const THRESHOLD = { license: 0.95, exception: 0.95, policy: 0.95, header: 0.9 } as const
/** A run of this many unknown bigrams inside a region is an inserted clause: no confident match. */
export const MAX_GAP = 12
/**
 * Near-clones scoring within this margin of each other cannot be told apart by their scores: the words that
 * differ between them decide (see isDecisive).
 */
const DECISIVE_MARGIN = 0.01
/** A candidate over the same words scoring at most this much lower wins when it explains clearly more of them… */
const RICHER_MARGIN = 0.02
/** …that is, this share more of its required bigrams found (and at least RICHER_MIN more). */
const RICHER_SHARE = 0.05
const RICHER_MIN = 3

export interface Scored extends RegionScore {
  /** Candidate bit in the scratch arrays of its round. */
  bit: number
}

/** Decisive words found in a region, for a candidate against one near-clone and the other way round. */
interface Decisive {
  /** Distinct required bigrams of the candidate present in the region that the clone lacks. */
  own: number
  /** …of which state a version or a date. */
  ownNumeric: number
  /** Distinct required bigrams of the clone present in the region that the candidate lacks. */
  rival: number
  /** …of which state a version or a date. */
  rivalNumeric: number
}

/** The distinct bigrams of a candidate's region, with whether each states a version or a date. */
interface RegionBigrams {
  hashes: number[]
  numeric: boolean[]
}

function regionBigrams(c: Scored, view: InputView, s: Scratch): RegionBigrams {
  const { idx, numeric } = view
  const gen = nextGeneration(s)
  const out: RegionBigrams = { hashes: [], numeric: [] }
  for (let i = c.start; i <= c.end; i++) {
    const u = idx[i]
    if (u < 0 || s.stamp[u] === gen) continue
    s.stamp[u] = gen
    out.hashes.push(u)
    out.numeric.push(numeric[i] === 1)
  }
  return out
}

/**
 * Count the decisive words (versions, dates, names) in the region of `c`: those of its reference that reference
 * `other` lacks, and those of `other` that the reference lacks.
 */
function countDecisive(index: FullTextIndex, c: Scored, other: number, otherBit: number, region: RegionBigrams, s: Scratch): Decisive {
  const out: Decisive = { own: 0, ownNumeric: 0, rival: 0, rivalNumeric: 0 }
  const { inBits, reqBits } = s
  region.hashes.forEach((u, k) => {
    // a clone that is a candidate of this round has its bits; any other is looked up in the postings
    let has: boolean
    let requires: boolean
    if (otherBit) {
      has = (inBits[u] & otherBit) !== 0
      requires = (reqBits[u] & otherBit) !== 0
    } else {
      const p = findPosting(index, u, other)
      has = p >= 0
      requires = has && (index.postings[p] & REQUIRED) !== 0
    }
    if ((reqBits[u] & c.bit) !== 0 && !has) {
      out.own++
      if (region.numeric[k]) out.ownNumeric++
    } else if ((inBits[u] & c.bit) === 0 && requires) {
      out.rival++
      if (region.numeric[k]) out.rivalNumeric++
    }
  })
  return out
}

/** Whether a scored candidate is confident by itself (threshold on the truncation-lowered score, insertion guards). */
export function isConfident(index: FullTextIndex, c: RegionScore): boolean {
  const ref = index.refs[c.ref]
  // a text that names itself ("Sun Industry Standards Source License") must name itself here too: the MPL
  // header shares all of SISSL's boilerplate but not its name
  const named = ref.ident === 0 || c.identFound > 0
  return c.effective >= THRESHOLD[ref.kind] && c.maxGap <= MAX_GAP && !c.split && named
}

/**
 * Whether `c` shows the words that tell it from each near-clone. Numbers (versions, dates) decide first: when
 * the clone's own numbers are in the region and none of the candidate's are, the text is the clone's ("GNU
 * Lesser General Public License … either version 2" is LGPL-2.0 wording, not LGPL-2.1; "version 2 … see
 * <http://www.gnu.org/licenses/>" is a GPL-2.0 header in GPL-3.0 words). Against a clone whose score is as good
 * (within DECISIVE_MARGIN), the region must hold more of the candidate's own distinguishing words than of the
 * clone's: a Llama 3.x text stripped of its version numbers is neither 3.1 nor 3.2.
 */
function isDecisive(index: FullTextIndex, c: Scored, scored: Scored[], view: InputView, s: Scratch): boolean {
  const neighbours = index.neighbours[c.ref]
  const region = neighbours.length ? regionBigrams(c, view, s) : undefined
  for (const n of neighbours) {
    const found = countDecisive(index, c, n, scored.find((x) => x.ref === n)?.bit ?? 0, region!, s)
    if (found.rivalNumeric > 0 && found.ownNumeric === 0) return false
    if (found.ownNumeric > 0 && found.rivalNumeric === 0) continue
    // a clone that was not scored could not come within the candidate margin (see scoreCandidates)
    const rival = scored.find((x) => x.ref === n && x.start <= c.end && x.end >= c.start)
    if (!rival || Math.abs(rival.effective - c.effective) > DECISIVE_MARGIN) continue
    if (found.own <= found.rival) return false
  }
  return true
}

// `a` holds `b` and noticeably more: near-clones scored over the same region do not override each other
const encloses = (a: RegionScore, b: RegionScore) =>
  a.start <= b.start && a.end >= b.end && a.end - a.start >= b.end - b.start + 5 && a.found > b.found

/**
 * `a` covers (nearly) the same words as `b`, scores almost as well, and finds clearly more of its own text
 * there: the region holds words only `a` has. A text with a blank (BSD-4-Clause's "<organization>") scores a
 * little higher than the clone that fills the blank in (BSD-4-Clause-UC) on that clone's text, since the blank
 * excuses the filled-in words; the clone still explains them.
 */
function richer(a: RegionScore, b: RegionScore): boolean {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start) + 1
  return (
    overlap >= 0.9 * (b.end - b.start + 1) &&
    a.effective >= b.effective - RICHER_MARGIN &&
    a.found >= b.found + Math.max(RICHER_MIN, RICHER_SHARE * b.found)
  )
}

/**
 * Pick the match to accept from one round's scored candidates: the best F1 among the confident ones, unless a
 * confident candidate whose region contains it covers more of its own text (a whole GPL text over the header
 * in its appendix, X11 over the MIT text it contains, BSD-3-Clause over BSD-2-Clause).
 *
 * @returns the winner, or undefined when no candidate is confident.
 */
export function selectWinner(index: FullTextIndex, scored: Scored[], view: InputView, s: Scratch): Scored | undefined {
  const confident = scored.filter((c) => isConfident(index, c)).sort((a, b) => b.effective - a.effective || b.found - a.found || a.ref - b.ref)
  // decisiveness costs a pass over the region per near-clone: check it only for candidates that could win
  const known = new Map<Scored, boolean>()
  const decisive = (c: Scored) => {
    let ok = known.get(c)
    if (ok === undefined) known.set(c, (ok = isDecisive(index, c, scored, view, s)))
    return ok
  }
  let winner = confident.find(decisive)
  if (!winner) return undefined
  for (let changed = true; changed; ) {
    changed = false
    for (const c of confident) {
      if (c !== winner && (encloses(c, winner) || richer(c, winner)) && decisive(c)) {
        winner = c
        changed = true
      }
    }
  }
  return winner
}

/** Members of one version family scoring within this margin of the best are told apart or not at all. */
const FAMILY_MARGIN = 0.05

/**
 * When no candidate is decisive but the confident ones all belong to one version family (dated Gemma terms,
 * Stability non-commercial versions), the family is certain even though the version is not.
 *
 * @returns the best candidate, to be reported under its group id, or undefined.
 */
export function selectFamily(index: FullTextIndex, scored: Scored[]): Scored | undefined {
  const confident = scored.filter((c) => isConfident(index, c)).sort((a, b) => b.effective - a.effective || a.ref - b.ref)
  const best = confident[0]
  const group = best && index.refs[best.ref].group
  if (!group) return undefined
  // only the candidates over the same words compete (a bundle may hold other licenses elsewhere)
  const close = confident.filter((c) => c.effective >= best.effective - FAMILY_MARGIN && c.start <= best.end && c.end >= best.start)
  return close.every((c) => index.refs[c.ref].group === group) ? best : undefined
}
