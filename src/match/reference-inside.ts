// References inside a matched full text: which are the text's own words (GPL-3.0 §13 naming the AGPL, the LGPL
// naming the GPL, MPL's list of Secondary Licenses) and which are licensing statements someone added to it
// ("Alternatively, this software may be distributed under the terms of the GNU GPL version 2").
import { findHash, loadFullTextIndex, POSTING_REF, type FullTextIndex } from '../corpus/fulltext.js'
import { firstAtOrAfter, hashPair, hashString, type Token } from '../text/index.js'

/** How far (in words) the sentence around a mention is read on each side. */
const SENTENCE_REACH = 60
/** From this share of its word pairs on, a sentence is the matched license's own text (reformatting aside). */
const VERBATIM = 0.6

// Words that make a sentence grant a license rather than talk about one: "may be distributed under",
// "licensed under", "released under", "you can redistribute it", "made available under".
const STATEMENT_WORDS = new Set([
  'licensed', 'relicensed', 'sublicensed', 'distributed', 'redistributed', 'distribute', 'redistribute', 'released',
  'available', 'under', 'governed', 'subject', 'alternatively', 'dual', 'triple', 'multi', 'choose', 'choice', 'option',
])
// Words that offer the license as another choice: "Alternatively, …", "dual licensed", "at your option", "either".
const ALTERNATIVE_WORDS = new Set(['alternatively', 'dual', 'triple', 'multi', 'choose', 'choice', 'option', 'either', 'alternative'])
// Words that, before a mention, offer it against a license named earlier ("Alternatively, …", "You may instead
// use …"). Not "either" or "at your option": those open a choice within their own sentence ("under either the
// GPL or the MIT license"), which the reference matcher reads as one.
const LEAD_WORDS = new Set(['alternatively', 'alternative', 'instead'])

/** The sentence around a mention and what it says. */
export interface MentionSentence {
  /** First and last token of the sentence (bounded to a few dozen words each side of the mention). */
  first: number
  last: number
  /** Offset where the sentence starts. */
  start: number
  /** The sentence grants a license ("may be distributed under …", "licensed under …"). */
  statement: boolean
  /** The sentence offers the license as a choice ("Alternatively", "dual licensed", "at your option"). */
  alternative: boolean
  /** The words before the mention offer it as another choice ("Alternatively, … under the GPL"). */
  leadAlternative: boolean
}

/** Whether the gap between two tokens ends a sentence (". ", "! ", "? ") or a paragraph (an empty line). */
function sentenceBreak(source: string, from: number, to: number): boolean {
  if (to - from > 400) return true
  let newline = false
  for (let p = from; p < to; p++) {
    const c = source.charCodeAt(p)
    if (c === 10) {
      if (newline) return true
      newline = true
    } else if (c === 46 || c === 33 || c === 63) {
      const n = p + 1 < to ? source.charCodeAt(p + 1) : 32
      if (n === 32 || n === 9 || n === 10 || n === 13) return true
    } else if (c !== 32 && c !== 9 && c !== 13 && c !== 42 && c !== 35 && c !== 47 && c !== 59 && c !== 62 && c !== 124 && c !== 45) {
      newline = false
    }
  }
  return false
}

let refsById: Map<string, number[]> | undefined

/** Reference indexes of the full-text index by id (an id can have several texts: a license and its header). */
function refsOf(index: FullTextIndex, ids: readonly string[]): Set<number> {
  if (!refsById) {
    refsById = new Map()
    index.refs.forEach((r, k) => {
      for (const id of [r.id, ...(r.also ?? [])]) refsById!.set(id, [...(refsById!.get(id) ?? []), k])
    })
  }
  return new Set(ids.flatMap((id) => refsById!.get(id) ?? []))
}

/**
 * The ids a matched region stands for: its own, and the group its license belongs to ("Tencent Hunyuan Community
 * License" names the group of the Hunyuan-Large text).
 */
export function withGroups(ids: readonly string[]): string[] {
  const index = loadFullTextIndex()
  const out = [...ids]
  for (const r of refsOf(index, ids)) {
    const group = index.refs[r].group
    if (group && !out.includes(group)) out.push(group)
  }
  return out
}

/** Whether any of `refs` holds the bigram with hash index `u` (postings are few per bigram: a scan is enough). */
function held(index: FullTextIndex, u: number, refs: Set<number>): boolean {
  for (let p = index.starts[u]; p < index.starts[u + 1]; p++) if (refs.has(index.postings[p] & POSTING_REF)) return true
  return false
}

// "dual-licensed" is one token ("duallicensed"): its prefix is the cue
const isAlternative = (w: string) => ALTERNATIVE_WORDS.has(w) || /^(?:dual|triple|multi)licen[cs]ed?$/.test(w)
const isLead = (w: string) => LEAD_WORDS.has(w) || /^(?:dual|triple|multi)(?:licen[cs]ed?)?$/.test(w)
const isStatement = (w: string) => STATEMENT_WORDS.has(w) || isAlternative(w)

/**
 * The sentence around `[start, end)`: its token bounds, and whether it states a license or offers a choice.
 *
 * @param source - the text.
 * @param tokens - `tokenize(source)`.
 * @param start - offset where the mention starts.
 * @param end - offset where it ends.
 */
export function mentionSentence(source: string, tokens: readonly Token[], start: number, end: number): MentionSentence {
  const at = firstAtOrAfter(tokens, start)
  const first = Math.min(at, Math.max(0, tokens.length - 1))
  const last = Math.max(first, firstAtOrAfter(tokens, end) - 1)
  let a = first
  while (a > 0 && first - a < SENTENCE_REACH && !sentenceBreak(source, tokens[a - 1].end, tokens[a].start)) a--
  let b = last
  while (b + 1 < tokens.length && b - last < SENTENCE_REACH && !sentenceBreak(source, tokens[b].end, tokens[b + 1].start)) b++
  let statement = false
  let alternative = false
  let leadAlternative = false
  for (let k = a; k <= b && k < tokens.length; k++) {
    const w = tokens[k].value
    if (isStatement(w)) statement = true
    if (isAlternative(w)) alternative = true
    if (k < at && isLead(w)) leadAlternative = true
  }
  return { first: a, last: b, start: tokens[a]?.start ?? start, statement, alternative, leadAlternative }
}

/**
 * Share of the word pairs of tokens `first..last` that occur in the reference texts of `ids` (1: the
 * sentence is those licenses' own words; low: someone wrote it into the copy).
 */
export function verbatimShare(tokens: readonly Token[], first: number, last: number, ids: readonly string[]): number {
  const index = loadFullTextIndex()
  const refs = refsOf(index, ids)
  if (!refs.size) return 0
  let pairs = 0
  let hits = 0
  for (let k = first; k < last; k++) {
    pairs++
    const u = findHash(index, hashPair(hashString(tokens[k].value), hashString(tokens[k + 1].value)))
    if (u >= 0 && held(index, u, refs)) hits++
  }
  return pairs ? hits / pairs : 1
}

/**
 * Whether the words of the sentence outside `[from, to)` (a region it runs into) grant a license: the part of a
 * sentence before or after a matched text that is not that text.
 */
export function statesOutside(sentence: MentionSentence, tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = sentence.first; k <= sentence.last && k < tokens.length; k++) {
    const t = tokens[k]
    if ((t.start < from || t.start >= to) && isStatement(t.value)) return true
  }
  return false
}

/** Whether the sentence is the own words of the licenses `ids` (at least {@link VERBATIM} of its word pairs). */
export function verbatimIn(sentence: MentionSentence, tokens: readonly Token[], ids: readonly string[]): boolean {
  return verbatimShare(tokens, sentence.first, sentence.last, ids) >= VERBATIM
}

/**
 * Whether a mention inside a region matched as `ids` is a licensing statement someone added to the text (kept
 * as a finding), rather than the license's own words about another license (dropped): its sentence grants a
 * license, and is not the matched text's own words.
 */
export function addedStatement(sentence: MentionSentence, tokens: readonly Token[], ids: readonly string[]): boolean {
  return sentence.statement && !verbatimIn(sentence, tokens, ids)
}
