// Scans reference words for license names and ids: trie walk, then the version and "or later" around a name.
import { normalizeWord, type Token } from '../text/index.js'
import { allExceptionIds, allLicenseIds, lookupExceptionId, lookupLicenseId, resolveLicenseId } from './expression-ids.js'
import type { ReferenceIndex, ReferenceRule, TrieNode } from './reference-rules.js'
import type { WordStream } from './reference-stream.js'
import { findAlternative, findOrLater, findVersion, WINDOW } from './reference-version.js'
import { isVersionWord, versionKey } from './reference-words.js'

/** A license named in the text, before proximity rules decide what it means. */
export interface Mention {
  /** First and last word (inclusive); URL mentions point at the nearest word. */
  i: number
  j: number
  /** Last word of the name itself (before a version or "or later" read after it). */
  k: number
  start: number
  end: number
  licenseId: string
  /** `WITH` expression when the mention carries an exception (a deprecated `GPL-2.0-with-…` id). */
  expression?: string
  /** `OR` expression when the text itself offers this version or another ("version 2.1, or version 3"). */
  choice?: string
  /** Family key when the license was reached through one. */
  family?: string
  /** `exception`: an exception named after a license ("with the Classpath exception"); `licenseId` is its id. */
  kind: 'id' | 'name' | 'url' | 'exception'
  /** Whether the mention fixes the version (false: an unversioned family mention took its default). */
  explicit: boolean
  weak: boolean
  /** A weak name-like mention ("Llama 2", "deepseek"): its cue must come right before it. */
  tight?: boolean
  confidence: number
}

/** Longest rule phrase starting at word `i` (a version word may fill a `#` slot). */
function walk(s: WordStream, trie: TrieNode, i: number, maxWords: number): { rule: ReferenceRule; j: number; slot?: number } | undefined {
  // most words start no phrase: answer without allocating
  if (!trie.next.has(s.words[i].value) && !(trie.slot && isVersionWord(s.words[i].value))) return undefined
  let best: { rule: ReferenceRule; j: number; slot?: number } | undefined
  const stack: { node: TrieNode; pos: number; slot?: number }[] = [{ node: trie, pos: i }]
  while (stack.length) {
    const { node, pos, slot } = stack.pop()!
    if (node.rule && pos > i && (!best || pos - 1 > best.j)) best = { rule: node.rule, j: pos - 1, slot }
    if (pos >= s.words.length || pos - i >= maxWords || (pos > i && s.splitBefore[pos])) continue
    const word = s.words[pos].value
    const next = node.next.get(word)
    if (next) stack.push({ node: next, pos: pos + 1, slot })
    if (node.slot && isVersionWord(word)) stack.push({ node: node.slot, pos: pos + 1, slot: pos })
  }
  return best
}

// A plain SPDX id counts by itself when it cannot be an ordinary word: "Apache-2.0", "BSD-3-Clause", "MS-PL".
const strongId = (raw: string) => (raw.includes('-') && raw.length >= 5) || (/\d/.test(raw) && raw.includes('.'))

// SPDX ids as the tokenizer normalizes words (lower case, hyphens dropped): a cheap test before the exact lookup.
let idWords: Set<string> | undefined
const FILE_EXTENSION = /\.(?:txt|md|html?|rst)$/i

/** An SPDX id written as one token ("GPL-2.0+", "Apache-2.0", "MIT") at word `i`. */
function idAt(s: WordStream, i: number, tokens: readonly Token[]): Mention | undefined {
  const w = s.words
  if (i > 0 && w[i - 1].token === w[i].token) return undefined
  idWords ??= new Set([...allLicenseIds(), ...allExceptionIds()].map((id) => normalizeWord(id)))
  const value = tokens[w[i].token].value
  // "LICENSE.RUBY", "LICENSE-MIT" (not "licensed", "licensees": the seventh character must be a dot or hyphen)
  if (value.length > 8 && (value.startsWith('license') || value.startsWith('copying'))) {
    const sep = s.source.charCodeAt(w[i].start + 7)
    return sep === 46 || sep === 45 ? licenseFileAt(s, i) : undefined
  }
  // "MIT-licensed", "ISC-license": an id joined by a hyphen to the word that makes it a license statement
  const isId = idWords.has(value)
  const joined = !isId && i + 1 < w.length && w[i + 1].token === w[i].token && /^licen[cs]/.test(w[i + 1].value) && idWords.has(w[i].value)
  if (!joined && !isId && !(value.includes('.') && idWords.has(value.replace(FILE_EXTENSION, '')))) return undefined
  let j = i
  while (!joined && j + 1 < w.length && w[j + 1].token === w[i].token) j++
  const start = w[i].start
  const end = w[j].end
  const raw = s.source.slice(start, end)
  // a license file named after its id ("MPL-1.1.txt", "LICENSES/GPL-3.0.txt") names that license
  const id = lookupLicenseId(raw) ?? lookupLicenseId(raw.replace(FILE_EXTENSION, ''))
  if (!id) {
    const exception = lookupExceptionId(raw)
    if (!exception) return undefined
    return { i, j, k: j, start, end, licenseId: exception, kind: 'exception', explicit: true, weak: false, confidence: 0.9 }
  }
  const plus = s.source.charCodeAt(end) === 43
  const resolved = resolveLicenseId(id, plus)
  const licenseId = resolved.license.replace(/\+$/, '')
  const weak = !strongId(raw)
  return {
    i,
    j,
    k: j,
    start,
    end: plus ? end + 1 : end,
    licenseId,
    ...(resolved.exception ? { expression: `${licenseId} WITH ${resolved.exception}` } : {}),
    kind: 'id',
    explicit: true,
    weak,
    confidence: weak ? 0.75 : 0.9,
  }
}

// A license file named by its license: "LICENSE.RUBY", "LICENSE-MIT", "COPYING.LGPL-2.1".
const LICENSE_FILE = /^(?:licen[cs]e|copying)[.-]([A-Za-z0-9.+-]+?)(?:\.(?:txt|md))?$/i

function licenseFileAt(s: WordStream, i: number): Mention | undefined {
  const w = s.words
  let j = i
  while (j + 1 < w.length && w[j + 1].token === w[i].token) j++
  const raw = s.source.slice(w[i].start, w[j].end)
  const m = LICENSE_FILE.exec(raw)
  const id = m ? lookupLicenseId(m[1]) : undefined
  if (!id) return undefined
  const resolved = resolveLicenseId(id, s.source.charCodeAt(w[j].end) === 43)
  if (resolved.exception) return undefined
  return { i, j, k: j, start: w[i].start, end: w[j].end, licenseId: resolved.license.replace(/\+$/, ''), kind: 'id', explicit: true, weak: false, confidence: 0.8 }
}

// Words that may stand between an abbreviation and its version ("GPL license version 2", "LGPL, v. 2.1").
const ABBREVIATION_TO_VERSION = new Set(['version', 'ver', 'v', 'license', 'licence', 'licensed', 'the', 'release', 'rev'])

/** Turn a rule match into a mention, reading the version and "or later" for a family. */
function resolveRule(s: WordStream, idx: ReferenceIndex, match: { rule: ReferenceRule; j: number; slot?: number }, i: number, limit: number): Mention[] {
  const { rule, j } = match
  const w = s.words
  const weak = rule.w !== undefined
  if (rule.t.startsWith('exc:')) {
    return [{ i, j, k: j, start: w[i].start, end: w[j].end, licenseId: rule.t.slice(4), kind: 'exception', explicit: true, weak: false, confidence: 0.9 }]
  }
  if (rule.t.startsWith('id:') && rule.t.includes(' OR ')) {
    // a name can stand for a choice ("the same terms as Perl itself": Artistic or GPL): one mention per license
    const choice = rule.t.slice(3)
    return choice.split(' OR ').map((licenseId) => ({ i, j, k: j, start: w[i].start, end: w[j].end, licenseId, choice, kind: 'name' as const, explicit: true, weak, confidence: rule.c ?? (weak ? 0.7 : 0.9) }))
  }
  if (rule.t.startsWith('id:')) {
    // a name can stand for a license with an exception ("wxWindows Library Licence": the LGPL with its exception)
    const [named, exception] = rule.t.slice(3).split(' WITH ')
    let licenseId = named
    let last = j
    // a name that ends in its version ("GPLv2", "GNU GPL v3") may still say "or later" after it
    if (licenseId.endsWith('-only')) {
      const later = findOrLater(s, j, limit)
      if (later !== undefined) {
        licenseId = licenseId.replace(/-only$/, '-or-later')
        last = later
      }
    }
    const end = s.source.charCodeAt(w[last].end) === 43 ? w[last].end + 1 : w[last].end
    return [{ i, j: last, k: j, start: w[i].start, end, licenseId, ...(exception ? { expression: `${licenseId} WITH ${exception}` } : {}), kind: 'name', explicit: true, weak, ...(rule.w === 2 ? { tight: true } : {}), confidence: rule.c ?? (weak ? 0.7 : 0.9) }]
  }
  const family = rule.t.slice(4)
  const entry = idx.corpus.families[family]
  if (!entry) return []
  // a bare abbreviation takes only a version written right after it ("GPL 2", "GPL, version 2")
  let v = match.slot ?? findVersion(s, i, j, weak ? Math.min(limit, j + 4) : limit)
  // an abbreviation takes a version only across version words: "GPL, version 2", not "GPL dependency in v2.0"
  if (weak && v !== undefined && v > j + 1 && !match.slot) {
    const at = v
    for (let k = j + 1; k < at; k++) if (!ABBREVIATION_TO_VERSION.has(w[k].value)) v = undefined
  }
  const versions = v === undefined ? undefined : entry.v[versionKey(w[v].value)]
  if (!versions) {
    if (!entry.d) return []
    return [{ i, j, k: j, start: w[i].start, end: w[j].end, licenseId: entry.d, family, kind: 'name', explicit: false, weak, confidence: rule.c ?? (weak ? 0.5 : 0.6) }]
  }
  const confidence = rule.c ?? (weak ? 0.85 : 0.95)
  const first = Math.min(i, v!)
  const alt = findAlternative(s, Math.max(j, v!), limit)
  const altVersions = alt === undefined ? undefined : entry.v[versionKey(w[alt].value)]
  if (alt !== undefined && altVersions && altVersions !== versions) {
    // "version 2.1 of the License, or (at your option) version 3": a choice of two versions, each as written
    const one = mention(s, first, v!, j, versions[0], family, confidence)
    const later = altVersions.length > 1 ? findOrLater(s, alt, limit, true) : undefined
    const two = mention(s, alt, later ?? alt, alt, later !== undefined ? altVersions[1]! : altVersions[0], family, confidence)
    one.choice = two.choice = `${one.licenseId} OR ${two.licenseId}`
    return [one, two]
  }
  let last = Math.max(j, v!)
  const later = versions.length > 1 ? findOrLater(s, last, limit) : undefined
  if (later !== undefined) last = Math.max(last, later)
  // "Version 2 only" says the same as "Version 2": the word belongs to the mention
  else if (last + 1 < limit && w[last + 1].value === 'only' && !s.breakBefore[last + 1]) last++
  // "GPLv2" is an abbreviation made specific by its version: strong. All lowercase and in one word ("apache2",
  // "gpl3") it is as often a package or a path: it then needs its cue right before it, like a bare "mit"
  const made = mention(s, first, last, j, later !== undefined ? versions[1]! : versions[0], family, confidence)
  if (weak && v === j + 1 && w[v].token === w[j].token && s.source.slice(made.start, made.end) === s.source.slice(made.start, made.end).toLowerCase()) {
    made.weak = true
    made.tight = true
  }
  return [made]
}

function mention(s: WordStream, first: number, last: number, nameEnd: number, licenseId: string, family: string, confidence: number): Mention {
  const w = s.words
  const end = s.source.charCodeAt(w[last].end) === 43 ? w[last].end + 1 : w[last].end
  return { i: first, j: last, k: nameEnd, start: w[first].start, end, licenseId, family, kind: 'name', explicit: true, weak: false, confidence }
}

/**
 * Whether a mention is a file in Debian's folder of license texts ("/usr/share/common-licenses/LGPL-2"): a
 * pointer to where texts live, which yields to any versioned statement of the same family in the file.
 */
function inTextFolder(source: string, start: number): boolean {
  return source.slice(Math.max(0, start - 16), start).toLowerCase() === 'common-licenses/'
}

/**
 * Whether a mention is part of a longer lowercase identifier ("mit-license-checker", "node-apache-license"):
 * a package or file name that contains a license name, which counts only right after a cue.
 */
function inIdentifier(s: WordStream, m: Mention): boolean {
  const w = s.words
  const extends_ = (m.i > 0 && w[m.i - 1].token === w[m.i].token) || (m.j + 1 < w.length && w[m.j + 1].token === w[m.j].token)
  if (!extends_) return false
  const text = s.source.slice(m.start, m.end)
  return text === text.toLowerCase()
}

/**
 * Scan words for license names and ids, left to right, taking the longest phrase at each position. An id token
 * wins unless a phrase reaches further ("MIT License"). Family names read their version and "or later" nearby.
 *
 * @param tokens - the tokens the words were split from (their normalized values pre-check SPDX ids).
 * @returns mentions in source order.
 */
export function scanMentions(s: WordStream, tokens: readonly Token[], idx: ReferenceIndex): Mention[] {
  const out: Mention[] = []
  const w = s.words
  let i = 0
  while (i < w.length) {
    const id = idAt(s, i, tokens)
    const match = walk(s, idx.trie, i, idx.maxWords)
    if (!id && !match) {
      i++
      continue
    }
    if (id && (!match || match.j <= id.j)) {
      if (inTextFolder(s.source, id.start)) id.explicit = false
      out.push(id)
      i = id.j + 1
      continue
    }
    // a version read from afar stops at the next name: look ahead for where that is
    let limit = w.length
    for (let k = match!.j + 1; k < Math.min(w.length, match!.j + 1 + WINDOW); k++) {
      const other = walk(s, idx.trie, k, idx.maxWords)
      // "GNU General Public License (GPL) version 2": the same family again does not end the window, unless it
      // brings its own version ("… License can be found in LGPL-2 and version 3 …")
      const own = other !== undefined && other.rule.t === match!.rule.t && !isVersionWord(w[other.j + 1]?.value ?? '')
      if ((other && !own) || idAt(s, k, tokens)) {
        limit = k
        break
      }
    }
    const found = resolveRule(s, idx, match!, i, limit)
    for (const m of found) {
      if (inTextFolder(s.source, m.start)) m.explicit = false
      if (inIdentifier(s, m)) m.weak = m.tight = true
    }
    out.push(...found)
    i = Math.max(match!.j, ...found.map((m) => m.j)) + 1
  }
  return out
}
