// Clause segmentation: splits a text into blocks (paragraphs, list items, headings) and sentences, keeping offsets.
//
// Detectors match one clause at a time, so regexes never see more than MAX_SEGMENT characters whatever the
// input size, and evidence can point at the sentence that carries a restriction.
import { indexKeys, type KeySet } from './keywords.js'

/** One clause: a sentence, a list item or a heading, as a `[start, end)` span of the source. */
export interface Segment {
  start: number
  end: number
  /** The clause text, `source.slice(start, end)`. */
  text: string
  /** `text` lower-cased, for cheap gates (white space as in `text`; case mapping may change lengths: never slice it). */
  lower: string
  /** The key words detectors declared (see `keywords.ts`) that occur in `lower`. */
  keys: KeySet
  /** Index of the block (paragraph, list item or heading line) the clause belongs to. */
  block: number
  /** The block opens with a list marker ("- ", "1. ", "(a) ", "iv. ") and this is its first clause. */
  item: boolean
  /** The block is a short title-like line ("Prohibited Uses", "EXHIBIT A", "## 3.2 Use Restrictions"). */
  heading: boolean
}

/** Longest clause handed to a detector; longer sentences are cut at a space near this length. */
export const MAX_SEGMENT = 1500

// A list marker at the start of a line: "- ", "* ", "• ", "1. ", "1) ", "(a) ", "a. ", "iv. ", "(iv) ", "1.2 ".
const LIST_MARKER =
  /^[ \t]{0,12}(?:[-+*•·‣◦▪–]|\d{1,3}[.)]|\(\d{1,3}\)|\(?[a-zA-Z][.)]|\(?[ivxlcIVXLC]{1,6}[.)]|\([a-zA-Z]{1,2}\)|\d{1,2}(?:\.\d{1,2}){1,3}\.?)[ \t]+\S/
// A Markdown heading or a line wrapped entirely in emphasis: "## Prohibited Uses", "**Prohibited Uses**".
const MARKDOWN_HEADING = /^[ \t]{0,3}(?:#{1,6}[ \t]|\*\*[^*\n]{1,100}\*\*[ \t]*$|__[^_\n]{1,100}__[ \t]*$)/
// Words that never end a sentence even when followed by a capital: "U.S. Federal", "e.g. API", "Inc. All".
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'inc', 'ltd', 'co', 'corp', 'no', 'nos', 'vs', 'mr', 'mrs', 'ms', 'dr', 'st', 'sec',
  'art', 'para', 'cf', 'approx', 'jr', 'sr', 'viz', 'fig', 'u.s', 'u.k', 'e.u', 'n.a', 'p.r.c', 'a.k.a',
])

interface Line {
  start: number
  end: number
  text: string
}

function splitLines(source: string): Line[] {
  const lines: Line[] = []
  let start = 0
  for (let i = 0; i <= source.length; i++) {
    const c = i < source.length ? source.charCodeAt(i) : 10
    if (c === 10 || c === 13) {
      lines.push({ start, end: i, text: source.slice(start, i) })
      if (c === 13 && source.charCodeAt(i + 1) === 10) i++
      start = i + 1
    }
  }
  return lines
}

/**
 * A short line without closing punctuation, or a Markdown heading: a title, not part of a sentence.
 * Hard-wrapped prose has short lines too, so a title must also follow a finished line (blank, punctuated or
 * another title), must not end on a function word ("... identified at") and must be followed by a capital.
 */
function isHeadingLine(text: string, prev: string | undefined, prevHeading: boolean, next: string | undefined): boolean {
  if (text.length > 80 && !/^[ \t]{0,3}[#*_]/.test(text)) return false
  if (MARKDOWN_HEADING.test(text)) return true
  const t = text.trim()
  if (!t || t.length > 60 || /^\p{Ll}/u.test(t)) return false
  const titled = /^(?:exhibit|attachment|appendix|annex|schedule)\b/i.test(t)
  if (!titled && /[.,;:!?)\]"”’]$/.test(t)) return false
  if (/\b(?:at|of|the|and|or|to|in|for|with|by|a|an|as|on|from|under|that|which|this)$/.test(t)) return false
  // Titles name things; a line with a finite verb is wrapped prose ("Google reserves the right to update this").
  if (/\b(?:shall|must|may|will|agree|agrees|reserves?|means|mean|refers?|includes?|is|are|can|should|has|have|grants?|does|do)\b/.test(t)) return false
  if (/^["“'‘]/.test(t)) return false
  const p = prev?.trim()
  if (p && !prevHeading && !/[.:;!?)"”’*]$/.test(p)) return false
  if (next === undefined) return true
  const n = next.trim()
  return !n || /^[\p{Lu}\d#*(["“'‘-]/u.test(n)
}

/**
 * Split `source` into clauses. Blank lines, list markers and title lines start blocks; single newlines
 * inside a block are treated as spaces (hard-wrapped text); blocks are then cut into sentences at `.`, `!`,
 * `?` or `。` followed by white space and a capital, digit, bracket or quote (abbreviations excepted).
 *
 * @param source - the whole text; never throws; linear in its length.
 * @returns clauses in source order, none longer than {@link MAX_SEGMENT}; empty clauses are dropped.
 * @example segmentText('You may not use it.\n\n- for military purposes;').map((s) => s.text)
 * // ['You may not use it.', '- for military purposes;']
 */
export function segmentText(source: string): Segment[] {
  const lines = splitLines(source)
  // An ASCII text lower-cases character by character, so clauses can slice one lower-cased copy; other texts
  // are lower-cased clause by clause (case mappings such as final sigma depend on the neighbours).
  const lowerSource = NON_ASCII.test(source) ? undefined : source.toLowerCase()
  const stops = new Stops(source)
  const segments: Segment[] = []
  let block = -1
  let blockStart = -1
  let blockEnd = -1
  let blockItem = false
  let blockHeading = false
  const flush = () => {
    if (blockStart >= 0) {
      block++
      splitSentences(source, lowerSource, stops, blockStart, blockEnd, block, blockItem, blockHeading, segments)
    }
    blockStart = -1
  }
  let prevHeading = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (!NON_SPACE.test(line.text)) {
      flush()
      prevHeading = false
      continue
    }
    const heading = isHeadingLine(line.text, lines[i - 1]?.text, prevHeading, lines[i + 1]?.text)
    prevHeading = heading
    // A marker right after a line that breaks off on "and" / "or" / "," is inline enumeration that a
    // hard wrap happened to put at the start of a line ("... to a Model and\n(b) any other model ...").
    const item = LIST_MARKER.test(line.text) && !(blockStart >= 0 && CONTINUES.test(lines[i - 1].text))
    if (blockStart < 0 || heading || item || blockHeading) {
      flush()
      blockStart = line.start
      blockItem = item
      blockHeading = heading
    }
    blockEnd = line.end
  }
  flush()
  return segments
}

// Candidate sentence ends: . ! ? and the ideographic full stop. A native scan finds them; the loop below only
// looks at these positions (and at the cut points of over-long sentences).
const STOP = /[.!?\u3002]/g

/** Trim `[a, b)` and add it as a clause unless empty; reports whether it was added. */
function pushClause(source: string, lowerSource: string | undefined, a: number, b: number, block: number, item: boolean, heading: boolean, out: Segment[]): boolean {
  while (a < b && isSpace(source.charCodeAt(a))) a++
  while (b > a && isSpace(source.charCodeAt(b - 1))) b--
  if (b <= a) return false
  const text = source.slice(a, b)
  const lower = lowerSource === undefined ? text.toLowerCase() : lowerSource.slice(a, b)
  out.push({ start: a, end: b, text, lower, keys: indexKeys(lower), block, item, heading })
  return true
}

/**
 * The next stop at or after a position. Blocks are read in order, so a stop found beyond the current block is
 * remembered rather than searched again: the scans together read the text once.
 */
class Stops {
  private at = -1
  constructor(private readonly source: string) {}
  next(i: number): number {
    if (this.at >= i) return this.at
    STOP.lastIndex = i
    const m = STOP.exec(this.source)
    this.at = m ? m.index : this.source.length
    return this.at
  }
}

function splitSentences(
  source: string,
  lowerSource: string | undefined,
  stops: Stops,
  start: number,
  end: number,
  block: number,
  item: boolean,
  heading: boolean,
  out: Segment[],
): void {
  let s = start
  let first = true
  let i = start
  while (i < end) {
    const p = Math.min(stops.next(i), end)
    if (s + MAX_SEGMENT < end && s + MAX_SEGMENT <= p) {
      // Over-long sentence (or no punctuation at all): cut after the last ";" before the limit — detector
      // patterns never span one — or else at the last space. The character at the limit is not read as a stop.
      i = s + MAX_SEGMENT
      let cut = i
      for (let j = i; j > s + MAX_SEGMENT / 2; j--) {
        if (source.charCodeAt(j) === 59) {
          cut = j + 1
          break
        }
      }
      if (cut === i) {
        for (let j = i; j > s + MAX_SEGMENT / 2; j--) {
          if (isSpace(source.charCodeAt(j))) {
            cut = j
            break
          }
        }
      }
      if (pushClause(source, lowerSource, s, cut, block, item && first, heading, out)) first = false
      s = cut
      i++
      continue
    }
    if (p >= end) break
    i = p
    const c = source.charCodeAt(i)
    let j = i + 1
    while (j < end && isCloser(source.charCodeAt(j))) j++
    if (c === 0x3002) {
      if (pushClause(source, lowerSource, s, j, block, item && first, heading, out)) first = false
      s = j
      i++
      continue
    }
    i++
    if (j >= end || !isSpace(source.charCodeAt(j))) continue
    let k = j
    while (k < end && isSpace(source.charCodeAt(k))) k++
    if (k >= end || !startsSentence(source, k)) continue
    const dot = i - 1
    if (c === 46 && isAbbreviation(source, s, dot)) continue
    // "1. Violate the law" / "a. Distribution": a list marker is not a sentence.
    if (c === 46 && dot - s < 24 && MARKER_ONLY.test(source.slice(s, dot))) continue
    // "... Derivatives: 1. In any way ...; 2. For ...": an inline marker starts the next clause, so cut before it.
    if (c === 46) {
      let w = dot
      while (w > s && !isSpace(source.charCodeAt(w - 1))) w--
      if (w > s && dot - w <= 6 && INLINE_MARKER.test(source.slice(w, dot)) && !REFERENCE_NOUN.test(source.slice(Math.max(s, w - 16), w))) {
        if (pushClause(source, lowerSource, s, w, block, item && first, heading, out)) first = false
        s = w
        continue
      }
    }
    if (pushClause(source, lowerSource, s, j, block, item && first, heading, out)) first = false
    s = j
    i = j
  }
  if (pushClause(source, lowerSource, s, end, block, item && first, heading, out)) first = false
}

/** The word before a period is an abbreviation ("U.S", "e.g", "Inc"); single capitals are not ("Attachment A. You"). */
function isAbbreviation(source: string, from: number, dot: number): boolean {
  let w = dot
  while (w > from && !isSpace(source.charCodeAt(w - 1)) && source[w - 1] !== '(') w--
  const word = source.slice(w, dot).toLowerCase()
  if (ABBREVIATIONS.has(word)) return true
  return /^[a-z](?:\.[a-z]){1,3}$/.test(word)
}

const NON_ASCII = /[^\x00-\x7f]/
const NON_SPACE = /\S/
// "Attachment A. You ...", "Section 3. The ...": a reference, not a list marker.
const REFERENCE_NOUN = /\b(?:attachment|exhibit|appendix|annex|schedule|section|article|part|clause|paragraph|chapter|item|version|no)\s*$/i
const INLINE_MARKER = /^\(?(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6})$/
const CONTINUES = /(?:\b(?:and|or|of|the|to|in|for|with|by|a|an)|,)\s*$/
const SENTENCE_START = /[\p{Lu}\d"“'‘(\[*#+•-]/u
const MARKER_ONLY = /^\s*\(?(?:\d{1,3}(?:\.\d{1,3}){0,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6})$/

/** {@link SENTENCE_START} at `k`, with ASCII decided by character code (most stops are followed by ASCII). */
function startsSentence(source: string, k: number): boolean {
  const c = source.charCodeAt(k)
  if (c >= 128) return SENTENCE_START.test(source[k])
  // A-Z, 0-9, " ' ( [ * # + -
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 34 || c === 39 || c === 40 || c === 91 || c === 42 || c === 35 || c === 43 || c === 45
}

/** Closing quotes, brackets and emphasis marks that may follow a full stop: " ' ” ’ ) ] * _ */
function isCloser(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41 || c === 93 || c === 42 || c === 95
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 0x3000 || c === 0x202f
}
