// The matching tokenizer: normalized words that each keep their [start, end) offsets in the original text.
//
// Normalization follows the SPDX Matching Guidelines as a series of small steps applied while scanning:
// white space and case are ignored (§3, §4); punctuation, quotes and dashes separate words and are dropped
// (§5 — licit compares words, as licensee and askalono do); code comment markers and separator runs are
// punctuation and so vanish (§6); list bullets and numbering at the start of a line are skipped (§7);
// varietal spellings are folded (§8); copyright notice lines are skipped (§9, §10); http and https are one (§13);
// HTML tags and entities are skipped, so Markdown, HTML and comment-wrapped texts compare equal to plain ones.
import { EQUIVALENT_WORDS } from './equivalents.js'

export interface Token {
  /** The normalized word. */
  value: string
  /** Offset of the first UTF-16 unit of the word in the original text. */
  start: number
  /** Offset just past the word in the original text. */
  end: number
}

export interface TokenizeOptions {
  /** Keep copyright notice lines (default `false`: they are skipped, as the matching guidelines say). */
  keepCopyright?: boolean
}

// A word: letters/digits, joined by inner apostrophes, dots or hyphens ("licensor's", "2.0", "non-commercial",
// "www.apache.org"). No nested quantifiers, so matching is linear.
const WORD = /[\p{L}\p{N}]+(?:['’.\-‐][\p{L}\p{N}]+)*/gu
// HTML/XML tags ("<p>", "</a>", "<br/>") and entities ("&amp;", "&#8217;"): skipped.
const MARKUP = /<\/?[A-Za-z][^<>\n]{0,300}>|&(?:[A-Za-z]{2,8}|#\d{1,6}|#x[0-9A-Fa-f]{1,5});/g
// Leading comment markers, quote markers, bullets and list numbering on a line:
// "  * ", "// ", "# ", "-- ", "dnl ", "> ", "1. ", "(a) ", "iv) ", "1.2.3 ", "§ 3".
// A bare dotted number is numbering only before a capital, a quote or a bracket ("1.2 Definitions",
// "1.1 \"Contributor\""): in wrapped prose "version\n2.1 of the License" the number is a word to keep.
const LEAD =
  /^(?:[\s*#/;!%>|+\-–—•·◦‣∙"'`~=_:\\{}[\]]|(?:dnl|rem|REM|@rem)\s)*(?:(?:\(?(?:\d{1,3}(?:\.\d{1,3}){0,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6})[.)]|\(\d{1,3}\)|\([a-zA-Z]\)|\d{1,3}(?:\.\d{1,3}){1,3}(?=\s+[^\sa-z])|§+\s*\d{1,3}(?:\.\d{1,3}){0,3}\.?)(?=\s))?/
// A copyright notice line (after comment markers): "Copyright (c) 2024 Jane", "Copyright 2020 Foo", "Copyright
// by …", "Copyright: …", "(C) 2020 Foo", "© ACME", "All rights reserved.", or "Copyright" before a capitalized
// name ("Copyright Google LLC"). A wrapped line of license prose that happens to start with the word is kept:
// "copyright notice and this permission notice…", "copyright somewhere visible", "COPYRIGHT HOLDERS AND
// CONTRIBUTORS BE LIABLE…", "Copyright Holder" (a defined term).
const COPYRIGHT = /^(?:copyright\b\s*(?:\(c\)|©|\d|by\b|:|$)|\(c\)\s|©|all rights reserved\b|portions copyright\b)/i
const COPYRIGHT_WORD = /^copyright\s+([^\s,.;:]{1,40})/i
const PROSE_AFTER_COPYRIGHT = new Set(['holder', 'holders', 'owner', 'owners', 'notice', 'notices', 'and', 'or', 'law', 'laws', 'statement', 'license', 'licence', 'protection', 'act', 'infringement', 'interest', 'rights'])

function isCopyrightLine(line: string): boolean {
  if (COPYRIGHT.test(line)) return true
  const next = COPYRIGHT_WORD.exec(line)?.[1]
  return next !== undefined && /^\p{Lu}/u.test(next) && !PROSE_AFTER_COPYRIGHT.has(next.toLowerCase())
}

// List numbering inside a line is numbering too (SPDX Matching Guidelines §7): "(1)", "(a)", "(iv)", and "1)"
// or "a)" after a colon or a semicolon ("developers: 1) PPMd…"). A number in prose stays ("(version 2)").
const ENUMERATOR = /^(?:\d{1,2}|[a-z]|[ivx]{1,4})$/i
function isInlineEnumerator(text: string, at: number, word: string): boolean {
  if (text[at + word.length] !== ')' || !ENUMERATOR.test(word)) return false
  if (text[at - 1] === '(') return true
  let k = at - 1
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--
  return k >= 0 && k < at - 1 && /[:;]/.test(text[k])
}

/** Normalize one word: case, joiners and varietal spelling. */
export function normalizeWord(word: string): string {
  const hit = wordCache.get(word)
  if (hit !== undefined) return hit
  const w = foldWord(word)
  // license vocabularies are small: a bounded memo skips the lowercasing and lookups for nearly every word
  if (wordCache.size >= 50_000) wordCache.clear()
  wordCache.set(word, w)
  return w
}

const wordCache = new Map<string, string>()

function foldWord(word: string): string {
  let w = word.toLowerCase()
  if (/['’\-‐]/.test(w)) w = w.replace(/’/g, "'").replace(/[-‐]/g, '')
  // own keys only: a word like "constructor" must not resolve to Object.prototype
  return Object.hasOwn(EQUIVALENT_WORDS, w) ? EQUIVALENT_WORDS[w] : w
}

/**
 * Split `source` into normalized words with their source offsets.
 *
 * @param source - any text; never throws.
 * @param options - `keepCopyright` (default `false`).
 * @returns the words in order.
 * @example
 * tokenize('// Licensed under the\n// Apache License, Version 2.0').map((t) => t.value)
 * // ['licensed', 'under', 'the', 'apache', 'license', 'version', '2.0']
 */
export function tokenize(source: string, options: TokenizeOptions = {}): Token[] {
  const tokens: Token[] = []
  const length = source.length
  let lineStart = 0
  while (lineStart <= length) {
    let lineEnd = lineStart
    while (lineEnd < length) {
      const c = source.charCodeAt(lineEnd)
      if (c === 10 || c === 13) break
      lineEnd++
    }
    tokenizeLine(source, lineStart, lineEnd, options, tokens)
    if (lineEnd >= length) break
    lineStart = lineEnd + (source.charCodeAt(lineEnd) === 13 && source.charCodeAt(lineEnd + 1) === 10 ? 2 : 1)
  }
  return tokens
}

function tokenizeLine(source: string, from: number, to: number, options: TokenizeOptions, out: Token[]): void {
  // Very long "lines" (minified files, 50 MB blobs) are cut in chunks so each regex runs on a bounded string.
  if (to - from > 4096) {
    for (let s = from; s < to; s += 4096) {
      let e = Math.min(to, s + 4096)
      // do not split a word: extend to the next non-word character
      while (e < to && /[\p{L}\p{N}'’.\-]/u.test(source[e])) e++
      tokenizeSpan(source, s, e, out)
      s = e - 4096
    }
    return
  }
  const line = source.slice(from, to)
  const lead = LEAD.exec(line)
  const skip = lead ? lead[0].length : 0
  if (!options.keepCopyright && isCopyrightLine(line.slice(skip))) return
  tokenizeSpan(source, from + skip, to, out)
}

function tokenizeSpan(source: string, from: number, to: number, out: Token[]): void {
  const text = source.slice(from, to)
  // mask markup so it yields no words, keeping offsets intact
  const masked = text.indexOf('<') >= 0 || text.indexOf('&') >= 0 ? text.replace(MARKUP, (m) => ' '.repeat(m.length)) : text
  WORD.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = WORD.exec(masked)) !== null) {
    if (isInlineEnumerator(masked, m.index, m[0])) continue
    const value = normalizeWord(m[0])
    if (value.length === 0) continue
    out.push({ value, start: from + m.index, end: from + m.index + m[0].length })
  }
}
