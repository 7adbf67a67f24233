// Finer words for reference matching: the tokenizer's words split at hyphens and at a name/version seam.
//
// The shared tokenizer joins hyphenated words ("Attribution-NonCommercial" → one word) so full texts compare
// however they were hyphenated. License names are written with and without hyphens ("BSD-3-Clause",
// "CC BY-NC-SA 4.0", "GPLv2", "Apache-2.0"), so references compare on smaller pieces. The corpus builder runs
// the same function over license names, which keeps rules and texts normalized alike.
import { EQUIVALENT_WORDS, tokenize, type Token } from '../text/index.js'

/** One reference word: a normalized piece of a token, with source offsets. */
export interface RefWord {
  value: string
  start: number
  end: number
  /** Index of the token the word came from (words of one token share it). */
  token: number
}

// Compounds written both as one word and as two ("NonCommercial" / "Non Commercial"); matched as two.
const SPLIT_COMPOUNDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['noncommercial', ['non', 'commercial']],
  ['sharealike', ['share', 'alike']],
  ['noderivatives', ['no', 'derivatives']],
  ['noderivs', ['no', 'derivatives']],
  ['derivs', ['derivatives']],
])

// A name glued to its version: "GPLv3" → gpl + v3, "LGPLv2.1" → lgpl + v2.1, "apache2" → apache + 2.
// Two letters need a "v" or a dot to split ("CC0", "X11", "v2" stay whole: they are names themselves).
const GLUED_VERSION = /^([a-z]{2,}?)(v?\d{1,2}(?:\.\d{1,3}){0,3})$/
const splitsGlued = (m: RegExpExecArray) => m[1].length >= 3 || m[2].startsWith('v') || m[2].includes('.')

/** A version number as licenses are versioned: "2", "2.0", "v2.1", "1.3c", "1.02" (not years, "3D" or "11B"). */
export function isVersionWord(value: string): boolean {
  const m = /^v?(\d{1,2})(?:(?:\.\d{1,3}){1,3}[a-z]?)?$/.exec(value)
  return m !== null && Number(m[1]) <= 20
}

/** Normalize a version for comparison: "v2" = "2.0" = "2.0.0" → "2"; "1.3c" stays "1.3c". */
export function versionKey(value: string): string {
  return value.replace(/^v/, '').replace(/(?:\.0)+$/, '')
}

function hasHyphen(source: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i)
    if (c === 45 || c === 0x2010) return true
  }
  return false
}

/** `/\d/.test(value)` as a character loop (this runs on every word). */
function hasDigit(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c >= 48 && c <= 57) return true
  }
  return false
}

/** The words being collected, and the sorted source ranges whose words are left out (see `referenceWords`). */
interface Sink {
  out: RefWord[]
  skip: readonly (readonly [number, number])[]
  /** First range that may still hold a word (words arrive in source order). */
  next: number
}

function skipped(sink: Sink, start: number): boolean {
  const { skip } = sink
  while (sink.next < skip.length && skip[sink.next][1] <= start) sink.next++
  return sink.next < skip.length && start >= skip[sink.next][0] && start < skip[sink.next][1]
}

function pushWord(sink: Sink, value: string, start: number, end: number, token: number, folded = EQUIVALENT_WORDS[value] ?? value): void {
  if (sink.skip.length && skipped(sink, start)) return
  const parts = SPLIT_COMPOUNDS.get(folded)
  if (parts) for (const p of parts) sink.out.push({ value: p, start, end, token })
  else sink.out.push({ value: folded, start, end, token })
}

function pushPlus(sink: Sink, start: number, token: number): void {
  if (sink.skip.length && skipped(sink, start)) return
  sink.out.push({ value: '++', start, end: start + 2, token })
}

/**
 * Split tokenizer words into reference words.
 *
 * @param source - the text the tokens index into.
 * @param tokens - `tokenize(source)`.
 * @param skip - source ranges `[start, end)` sorted by start: words starting inside one are left out.
 * @returns reference words in order, each with source offsets inside its token.
 * @example
 * referenceWords('GPLv2+', tokenize('GPLv2+')).map((w) => w.value) // ['gpl', 'v2']
 */
export function referenceWords(source: string, tokens: readonly Token[], skip: readonly (readonly [number, number])[] = []): RefWord[] {
  // left-out words are dropped as they are made: a 50 MB input then holds no second list of every word
  const sink: Sink = { out: [], skip, next: 0 }
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]
    // fast path, most words: no hyphen and no digit, so the tokenizer's normalized word is already ours
    if (!hasHyphen(source, token.start, token.end) && !hasDigit(token.value)) {
      pushWord(sink, token.value, token.start, token.end, t, token.value)
      if (source.charCodeAt(token.end) === 43 && source.charCodeAt(token.end + 1) === 43) pushPlus(sink, token.end, t)
      continue
    }
    const raw = source.slice(token.start, token.end)
    let offset = token.start
    const pieces = raw.split(/[-‐]/)
    for (let k = 0; k < pieces.length; k++) {
      const piece = pieces[k]
      const start = offset
      offset += piece.length + 1
      if (!piece) continue
      const value = piece.toLowerCase().replace(/’/g, "'")
      const glued = GLUED_VERSION.exec(value)
      if (glued && splitsGlued(glued)) {
        const cut = start + glued[1].length
        pushWord(sink, glued[1], start, cut, t)
        pushWord(sink, glued[2], cut, start + piece.length, t)
      } else {
        pushWord(sink, value, start, start + piece.length, t)
      }
    }
    // "RAIL++" is another license than "RAIL"; the tokenizer drops the pluses, so keep them as a word here
    if (source.charCodeAt(token.end) === 43 && source.charCodeAt(token.end + 1) === 43) pushPlus(sink, token.end, t)
  }
  return sink.out
}

/** Reference words of a license name, as the corpus builder stores them: "Apache License, Version 2.0" → "apache license version 2.0". */
export function nameWords(name: string): string[] {
  return referenceWords(name, tokenize(name, { keepCopyright: true })).map((w) => w.value)
}
