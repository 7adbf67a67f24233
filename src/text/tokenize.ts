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
function isInlineEnumerator(text: string, min: number, at: number, length: number): boolean {
  if (text.charCodeAt(at + length) !== 41 || length > 4 || !ENUMERATOR.test(text.slice(at, at + length))) return false
  // only the span's own characters count (`min`: where it starts in `text`)
  if (at > min && text[at - 1] === '(') return true
  let k = at - 1
  while (k >= min && (text[k] === ' ' || text[k] === '\t')) k--
  return k >= min && k < at - 1 && /[:;]/.test(text[k])
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
  // most lines are prose opening with a word: answered without copying the line or running the regexes
  const skip = leadIsEmpty(source, from, to) ? 0 : (LEAD.exec(source.slice(from, to))?.[0].length ?? 0)
  if (!options.keepCopyright && mayOpenCopyright(source.charCodeAt(from + skip)) && isCopyrightLine(source.slice(from + skip, to))) return
  tokenizeSpan(source, from + skip, to, out)
}

/**
 * Whether LEAD surely matches nothing at `from`: the line opens with ASCII letters followed by neither "." nor ")"
 * (no list letter or numeral) and they are not a comment keyword ("dnl", "rem"). Other lines run LEAD.
 */
function leadIsEmpty(source: string, from: number, to: number): boolean {
  let k = from
  while (k < to && isAsciiLetter(source.charCodeAt(k))) k++
  if (k === from) return false
  const next = source.charCodeAt(k)
  if (next === 46 || next === 41) return false
  const run = k - from
  return run !== 3 || !/^(?:dnl|rem|REM)$/.test(source.slice(from, k))
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
}

/** First characters a copyright line can open with: "copyright", "(c)", "©", "all rights reserved", "portions". */
function mayOpenCopyright(c: number): boolean {
  return c === 99 || c === 67 || c === 40 || c === 0xa9 || c === 97 || c === 65 || c === 112 || c === 80
}

function tokenizeSpan(source: string, from: number, to: number, out: Token[]): void {
  // mask markup so it yields no words, keeping offsets intact (only a line that may hold some is copied)
  let text = source
  let base = 0
  let i = from
  let n = to
  const kinds = charKinds(source, from, to)
  if (kinds & MAY_HOLD_MARKUP) {
    text = source.slice(from, to).replace(MARKUP, (m) => ' '.repeat(m.length))
    base = from
    i = 0
    n = to - from
  }
  if (kinds & NOT_ASCII) {
    const masked = text.slice(i, n)
    WORD.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = WORD.exec(masked)) !== null) pushToken(masked, 0, m.index, m.index + m[0].length, from, out, normalizeWord(m[0]))
    return
  }
  // ASCII only (nearly every license text): the same words as WORD, found by a character loop that hashes each
  // word as it goes, so a word seen before is normalized by a table probe without cutting it out of the text
  const masked = text
  const min = i
  while (i < n) {
    let c = masked.charCodeAt(i)
    if (!isAsciiWordChar(c)) {
      i++
      continue
    }
    const start = i
    let h = 0x811c9dc5
    for (;;) {
      h = Math.imul(h ^ c, 0x01000193)
      i++
      c = i < n ? masked.charCodeAt(i) : 0
      if (isAsciiWordChar(c)) continue
      // an inner apostrophe, dot or hyphen joins two runs of letters and digits
      if ((c === 39 || c === 46 || c === 45) && i + 1 < n && isAsciiWordChar(masked.charCodeAt(i + 1))) continue
      break
    }
    pushToken(masked, min, start, i, base, out, internedWord(masked, start, i, h))
  }
}

const MAY_HOLD_MARKUP = 1
const NOT_ASCII = 2 // a character the loop cannot classify: the Unicode-aware regex reads the span

/** One pass over a span: whether it holds "<" or "&" (markup may start there) and whether it holds non-ASCII. */
function charKinds(s: string, from: number, to: number): number {
  let kinds = 0
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k)
    if (c === 60 || c === 38) kinds |= MAY_HOLD_MARKUP
    else if (c > 127 && !isPlainMark(c)) kinds |= NOT_ASCII
  }
  return kinds
}

/**
 * Non-ASCII characters that are neither letters, digits nor word joiners, common in license texts: curly double
 * quotes, the opening single quote, dashes, bullets, ©, ®, ™, §, no-break space. They only separate words, so
 * the character loop treats them like ASCII punctuation. ("’" joins words and "‐" is a hyphen: not listed.)
 */
function isPlainMark(c: number): boolean {
  switch (c) {
    case 0xa0: // no-break space
    case 0xa7: // §
    case 0xa9: // ©
    case 0xab: // «
    case 0xae: // ®
    case 0xb0: // °
    case 0xb7: // ·
    case 0xbb: // »
    case 0x2013: // –
    case 0x2014: // —
    case 0x2018: // ‘
    case 0x201c: // “
    case 0x201d: // ”
    case 0x2022: // •
    case 0x2026: // …
    case 0x2122: // ™
      return true
    default:
      return false
  }
}

/** [A-Za-z0-9]: the ASCII part of `[\p{L}\p{N}]`. */
function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
}

// Direct-mapped memo of ASCII words by hash: raw word → normalized word. A collision just replaces the slot.
const SLOTS = 1 << 14
const rawSlots: string[] = new Array<string>(SLOTS).fill('')
const normSlots: string[] = new Array<string>(SLOTS).fill('')

function internedWord(text: string, start: number, end: number, hash: number): string {
  const slot = (hash ^ (hash >>> 14)) & (SLOTS - 1)
  const raw = rawSlots[slot]
  if (raw.length === end - start) {
    let k = 0
    while (k < raw.length && raw.charCodeAt(k) === text.charCodeAt(start + k)) k++
    if (k === raw.length) return normSlots[slot]
  }
  const word = text.slice(start, end)
  const value = normalizeWord(word)
  rawSlots[slot] = word
  normSlots[slot] = value
  return value
}

function pushToken(masked: string, min: number, at: number, end: number, from: number, out: Token[], value: string): void {
  if (isInlineEnumerator(masked, min, at, end - at)) return
  if (value.length === 0) return
  out.push({ value, start: from + at, end: from + end })
}
