// Context around a mention: licensing cues ("licensed under", "License:"), negations ("GPL-compatible", "such as")
// and list connectors ("MIT or the Apache License"), which decide whether a weak mention counts.
import type { Mention } from './reference-scan.js'
import type { WordStream } from './reference-stream.js'

// Words that make a bare abbreviation a license reference: "licensed under the MIT", "License: BSD", "MIT licensed".
const CUE_BEFORE = new Set(['license', 'licensed', 'licenses', 'licensing', 'under', 'dual', 'triple', 'multi', 'terms', 'spdx'])
const CUE_AFTER = new Set(['license', 'licensed', 'licenses', 'licensing'])
const TIGHT_CUES = new Set(['license', 'licenses', 'licensed', 'under'])
const CUE_SPAN = 6
// "GPL-compatible", "BSD-style", "non-GPL": the name describes something else.
// "the OpenSSL exception": a license's name used to name an exception is not that license.
const NEGATIVE_AFTER = new Set(['compatible', 'incompatible', 'compatibility', 'style', 'like', 'type', 'ish', 'variant', 'variants', 'family', 'exception', 'exceptions'])
const NEGATIVE_BEFORE = new Set(['non'])
// "compatible with the GNU GPL", "licenses such as MIT": the license is compared or exemplified, not applied.
const NEGATIVE_CONTEXT = new Set(['compatible', 'incompatible', 'compatibility', 'e.g', 'eg', 'example', 'such'])
// Words allowed between two licenses of one list ("MIT or the Apache License", "CPL/GPL/LGPL").
// "EPL 2.0 which is available at <url>, or the Apache License 2.0" (the URL itself is masked).
const CONNECTORS = new Set(['or', 'and', 'the', 'a', 'an', 'either', 'license', 'licenses', 'licensed', 'at', 'your', 'option', 'choice', 'any', 'of', 'following', 'under', 'terms', 'which', 'is', 'available'])

/**
 * Whether a weak mention stands next to a licensing cue: "MIT licensed", "licensed under the MIT", a heading
 * "License" right before it. Name-like and all-lowercase mentions need the cue right before them.
 */
export function hasCue(s: WordStream, m: Mention): boolean {
  const w = s.words
  const text = s.source.slice(m.start, m.end)
  const lower = text === text.toLowerCase()
  // "MIT licensed", "BSD license"; not a lowercase identifier that goes on ("mit-license-checker")
  const after = m.j + 1 < w.length && !s.breakBefore[m.j + 1] && CUE_AFTER.has(w[m.j + 1].value)
  if (after && !(lower && w[m.j + 2]?.token === w[m.j + 1].token && w[m.j + 1].token === w[m.j].token)) return true
  // a name-like mention, or an all-lowercase "mit"/"gpl" (most often a path or an identifier), needs the cue
  // right before it: "License: deepseek", "licensed under the llama2"
  if (m.tight || lower) {
    const k = m.i >= 1 && w[m.i - 1].value === 'the' ? m.i - 2 : m.i - 1
    return k >= 0 && TIGHT_CUES.has(w[k].value)
  }
  // otherwise a cue a few words before, in the same sentence, or a heading "License" right before a break
  for (let k = m.i - 1; k >= Math.max(0, m.i - CUE_SPAN); k--) {
    if (s.breakBefore[k + 1]) return k === m.i - 1 && (w[k].value === 'license' || w[k].value === 'licenses')
    if (CUE_BEFORE.has(w[k].value)) return true
  }
  return false
}

/** Whether the mention describes something else: "GPL-compatible", "non-GPL", "compatible with the GPL", "such as MIT". */
export function negated(s: WordStream, m: Mention): boolean {
  const next = s.words[m.k + 1]
  if (next && !s.breakBefore[m.k + 1] && NEGATIVE_AFTER.has(next.value)) return true
  const prev = s.words[m.i - 1]
  if (prev !== undefined && !s.breakBefore[m.i] && NEGATIVE_BEFORE.has(prev.value)) return true
  for (let k = m.i - 1; k >= Math.max(0, m.i - 3); k--) {
    if (NEGATIVE_CONTEXT.has(s.words[k].value)) return true
    if (s.breakBefore[k]) break
  }
  return false
}

/** Whether only list connectors (or words of other mentions) stand between two mentions; `or`: a choice. */
export function connection(s: WordStream, a: Mention, b: Mention, covered: Uint8Array): { connected: boolean; or: boolean } {
  const none = { connected: false, or: false }
  if (b.i - a.j - 1 > 8) return none
  let or = /\//.test(s.source.slice(a.end, b.start))
  let gap = 0
  for (let k = a.j + 1; k < b.i; k++) {
    if (s.breakBefore[k]) return none
    if (covered[k]) continue
    if (!CONNECTORS.has(s.words[k].value) || ++gap > 6) return none
    if (s.words[k].value === 'or') or = true
  }
  if (b.i < s.words.length && b.i > a.j && s.breakBefore[b.i]) return none
  // names side by side with neither a connector word nor a separator are not a list ("LGPL" then "%doc
  // MPL-1.1.txt"); a name and its abbreviation in brackets are one ("… Distribution License (\"CDDL\")"), and
  // so are a license and the exception named right after it ("GPL Classpath Exception")
  const exception = a.kind === 'exception' || b.kind === 'exception'
  if (b.i === a.j + 1 && !exception && !/[/,|&+;(]/.test(s.source.slice(a.end, b.start))) return none
  return { connected: true, or }
}



// How far a sentence is read for its closing mark.
const SENTENCE_SPAN = 200

/**
 * Whether the mention sits in a question ("Which license should I pick, MIT or GPL?"): a weak name asked
 * about is not applied. The first sentence mark after the mention (within a bounded span) decides.
 */
export function inQuestion(s: WordStream, m: Mention): boolean {
  const end = Math.min(s.source.length, m.end + SENTENCE_SPAN)
  for (let k = m.end; k < end; k++) {
    const c = s.source.charCodeAt(k)
    if (c === 63) return true // ?
    if (c === 46 || c === 33 || c === 10) return false // . ! newline
  }
  return false
}

/** Keep weak mentions next to a cue or listed with a kept mention; drop negated ones. */
export function acceptMentions(s: WordStream, mentions: Mention[], covered: Uint8Array, field = false): Mention[] {
  // a negation covers the rest of its list: "licenses such as MIT and BSD"
  const no = mentions.map((m) => m.kind !== 'url' && m.kind !== 'exception' && (negated(s, m) || (m.weak && !field && inQuestion(s, m))))
  for (let k = 1; k < mentions.length; k++) {
    if (no[k - 1] && !no[k] && mentions[k].kind !== 'url' && connection(s, mentions[k - 1], mentions[k], covered).connected) no[k] = true
  }
  const keep = mentions.map((m, k) => m.kind === 'url' || m.kind === 'exception' || (!no[k] && (!m.weak || field || hasCue(s, m))))
  // a list is a chain of neighbours: one sweep each way carries acceptance along it
  const link = (a: number, b: number) => connection(s, mentions[a], mentions[b], covered).connected
  const open = (k: number) => !keep[k] && mentions[k].weak && !no[k]
  for (let k = 1; k < mentions.length; k++) if (open(k) && keep[k - 1] && link(k - 1, k)) keep[k] = true
  for (let k = mentions.length - 2; k >= 0; k--) if (open(k) && keep[k + 1] && link(k, k + 1)) keep[k] = true
  return mentions.filter((_, k) => keep[k])
}
