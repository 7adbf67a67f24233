// Chooses the winner among scored candidates: thresholds, the insertion guard, near-clone decisiveness, containment.
import type { FullTextIndex } from '../corpus/fulltext.js'
import { countDecisive, type RegionScore } from './dice.js'
import type { Scratch } from './fulltext-candidates.js'

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
 * Share of its decisive bigrams (those a near-clone lacks) a winner must show. When a reference differs from
 * a neighbour by a handful of bigrams only, one of them is enough ("gnu general" against "gnu library general"
 * in a header that otherwise says "this library" throughout).
 */
const DECISIVE_SHARE = 0.5
const FEW_DECISIVE = 4
/**
 * Texts that differ by many bigrams are told apart by F1 itself; the check then only asks for this many, so a
 * copy without a long trailing notice (the Creative Commons notice after the legal code) still matches.
 */
const ENOUGH_DECISIVE = 10
/** Near-clones scoring this much below a candidate need no decisive-words check. */
const DECISIVE_MARGIN = 0.03

export interface Scored extends RegionScore {
  /** Candidate bit in the scratch arrays of its round. */
  bit: number
}

/** Whether a scored candidate is confident by itself (threshold and insertion guard). */
export function isConfident(index: FullTextIndex, c: RegionScore): boolean {
  return c.f1 >= THRESHOLD[index.refs[c.ref].kind] && c.maxGap <= MAX_GAP
}

/**
 * Whether `c` shows the words that tell it from each near-clone. Numbers (versions, dates) decide first: when
 * the clone's own numbers are in the region and none of the candidate's are, the text is the clone's ("GNU
 * Lesser General Public License … either version 2" is LGPL-2.0 wording, not LGPL-2.1; "version 2 … see
 * <http://www.gnu.org/licenses/>" is a GPL-2.0 header in GPL-3.0 words). Then, against a clone that scores
 * close to the candidate (one scored clearly lower is already told apart), enough of the candidate's other
 * distinguishing words must be present.
 */
function isDecisive(index: FullTextIndex, c: Scored, scored: Scored[], idx: Int32Array, numeric: Uint8Array, s: Scratch): boolean {
  for (const n of index.neighbours[c.ref]) {
    const found = countDecisive(index, c, c.bit, n.ref, idx, numeric, s)
    if (found.rivalNumeric > 0 && found.ownNumeric === 0) return false
    const rival = scored.find((x) => x.ref === n.ref)
    if (rival && rival.effective < c.effective - DECISIVE_MARGIN) continue
    if (found.ownNumeric > 0) continue
    const need = n.lacks <= FEW_DECISIVE ? 1 : Math.min(ENOUGH_DECISIVE, Math.ceil(DECISIVE_SHARE * n.lacks))
    if (found.own < need) return false
  }
  return true
}

// `a` holds `b` and noticeably more: near-clones scored over the same region do not override each other
const encloses = (a: RegionScore, b: RegionScore) =>
  a.start <= b.start && a.end >= b.end && a.end - a.start >= b.end - b.start + 5 && a.found > b.found

/**
 * Pick the match to accept from one round's scored candidates: the best F1 among the confident ones, unless a
 * confident candidate whose region contains it covers more of its own text (a whole GPL text over the header
 * in its appendix, X11 over the MIT text it contains, BSD-3-Clause over BSD-2-Clause).
 *
 * @returns the winner, or undefined when no candidate is confident.
 */
export function selectWinner(index: FullTextIndex, scored: Scored[], idx: Int32Array, numeric: Uint8Array, s: Scratch): Scored | undefined {
  const confident = scored.filter((c) => isConfident(index, c)).sort((a, b) => b.effective - a.effective || b.found - a.found || a.ref - b.ref)
  // decisiveness costs a pass over the region per near-clone: check it only for candidates that could win
  const known = new Map<Scored, boolean>()
  const decisive = (c: Scored) => {
    let ok = known.get(c)
    if (ok === undefined) known.set(c, (ok = isDecisive(index, c, scored, idx, numeric, s)))
    return ok
  }
  let winner = confident.find(decisive)
  if (!winner) return undefined
  for (let changed = true; changed; ) {
    changed = false
    for (const c of confident) {
      if (c !== winner && encloses(c, winner) && decisive(c)) {
        winner = c
        changed = true
      }
    }
  }
  return winner
}
