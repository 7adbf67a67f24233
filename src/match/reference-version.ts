// Reading a version around a license name: "version 2", "v2.1", "version 2 of the", "or (at your option) any
// later version", "GPL-2.0+", and "version 2.1, or (at your option) version 3".
import type { WordStream } from './reference-stream.js'
import { isVersionWord } from './reference-words.js'

/** Words that announce a version number: "version 2", "v 2", "release 3". */
export const VERSION_KEYWORDS = new Set(['version', 'ver', 'v', 'versions', 'release', 'rev'])
/** Words that make "or …" an "or later": "or any later version", "or newer", "or above". */
export const LATER_WORDS = new Set(['later', 'newer', 'greater', 'higher', 'above', 'subsequent'])
/** How many words after a name its version, or its "or later", may come. */
export const WINDOW = 12

/** The version word near a family name: right after it, "version N" further on, or "version N of the" before it. */
export function findVersion(s: WordStream, i: number, j: number, limit: number): number | undefined {
  const w = s.words
  const after = j + 1
  if (after < limit && !s.breakBefore[after] && isVersionWord(w[after].value) && w[after + 1]?.value !== 'clause') return after
  for (let k = after; k < Math.min(limit, after + WINDOW); k++) {
    if (s.breakBefore[k]) break
    const value = w[k].value
    if (/^v\d/.test(value) && isVersionWord(value)) return k
    if (VERSION_KEYWORDS.has(value) && k + 1 < limit && !s.breakBefore[k + 1] && isVersionWord(w[k + 1].value)) return k + 1
  }
  // "version 2 of the GNU General Public License", "v2 of the GPL"
  let k = i - 1
  if (k >= 0 && w[k].value === 'the' && !s.breakBefore[k + 1]) k--
  if (k >= 1 && w[k].value === 'of' && !s.breakBefore[k + 1]) {
    const v = k - 1
    if (isVersionWord(w[v].value) && !s.breakBefore[k] && (/^v\d/.test(w[v].value) || VERSION_KEYWORDS.has(w[v - 1]?.value ?? ''))) return v
  }
  return undefined
}

// "any later version accepted by the membership of KDE e.V.": a later version only once someone approves it.
const CONDITIONAL = new Set(['accepted', 'approved'])

/**
 * Index of the last word of an "or later" statement after word `from`, if there is one. With `strict`, a later
 * version that needs someone's approval does not count.
 */
export function findOrLater(s: WordStream, from: number, limit: number, strict = false): number | undefined {
  const w = s.words
  const source = s.source
  // "GPL-2.0+", "v2+", ">= 2.1"
  if (source.charCodeAt(w[from].end) === 43) return from
  if (/(?:>=|≥)\s{0,2}$/.test(source.slice(Math.max(0, w[from].start - 4), w[from].start))) return from
  for (let k = from + 1; k < Math.min(limit, from + WINDOW); k++) {
    if (s.breakBefore[k]) return undefined
    const value = w[k].value
    if (value !== 'or' && value !== 'and') continue
    for (let m = k + 1; m < Math.min(limit, k + 6); m++) {
      if (s.breakBefore[m]) return undefined
      if (LATER_WORDS.has(w[m].value)) {
        const last = w[m + 1]?.value === 'version' && !s.breakBefore[m + 1] ? m + 1 : m
        if (strict && CONDITIONAL.has(w[last + 1]?.value ?? '')) return undefined
        return last
      }
      if (isVersionWord(w[m].value)) break
    }
  }
  return undefined
}

/** The second version of "version X …, or (at your option) version Y": index of Y, if the text offers one. */
export function findAlternative(s: WordStream, from: number, limit: number): number | undefined {
  const w = s.words
  for (let k = from + 1; k < Math.min(limit, from + WINDOW); k++) {
    if (s.breakBefore[k]) return undefined
    if (w[k].value !== 'or') continue
    for (let m = k + 1; m < Math.min(limit, k + 6); m++) {
      if (s.breakBefore[m] || LATER_WORDS.has(w[m].value)) return undefined
      if (VERSION_KEYWORDS.has(w[m].value) && m + 1 < limit && isVersionWord(w[m + 1].value)) return m + 1
    }
    return undefined
  }
  return undefined
}
