// Reference words as a stream: the sentence, paragraph and bracket breaks between them, computed once.
import type { RefWord } from './reference-words.js'

/** Words, with the sentence and paragraph breaks between them precomputed. */
export interface WordStream {
  source: string
  words: RefWord[]
  /** `breakBefore[i]`: a sentence or paragraph ends between word i-1 and word i. */
  breakBefore: boolean[]
  /** `splitBefore[i]`: a bracket, colon, semicolon or break separates word i-1 and word i (a name never spans one). */
  splitBefore: boolean[]
}

// Words after which a full stop does not end the sentence ("v. 2", "Inc.", "No. 3").
const ABBREVIATIONS = new Set(['v', 'ver', 'vs', 'no', 'inc', 'ltd', 'co', 'corp', 'st', 'e.g', 'i.e', 'etc', 'al', 'cf'])

/**
 * Whether the text between two words ends a sentence (". ", "! ", "? ") or a paragraph (an empty line, also
 * inside a comment block: "\n *\n", "\n#\n", "\n//\n"). A character loop: this runs between every two words.
 */
function isBreak(source: string, from: number, to: number, previous: string): 'sentence' | 'paragraph' | undefined {
  if (to - from > 2000) return 'paragraph'
  let sentence = false
  let newline = false
  for (let p = from; p < to; p++) {
    const c = source.charCodeAt(p)
    if (c === 10) {
      if (newline) return 'paragraph'
      newline = true
    } else if (newline && (c === 46 || c === 33)) {
      // "! " (Fortran) or ".. " (reStructuredText) opening a line is a comment marker, not the end of a sentence
      continue
    } else if (c === 46 || c === 33 || c === 63) {
      const n = p + 1 < source.length ? source.charCodeAt(p + 1) : 32
      if (n === 32 || n === 9 || n === 10 || n === 13) sentence = true
      newline = false
    } else if (c !== 32 && c !== 9 && c !== 13 && c !== 42 && c !== 35 && c !== 47 && c !== 59 && c !== 33 && c !== 62 && c !== 124 && c !== 45) {
      newline = false
    }
  }
  return sentence && !ABBREVIATIONS.has(previous) ? 'sentence' : undefined
}

/** Precompute breaks between words. */
export function wordStream(source: string, words: RefWord[]): WordStream {
  const breakBefore = new Array<boolean>(words.length).fill(false)
  const splitBefore = new Array<boolean>(words.length).fill(false)
  // one word in square brackets inside a name ("FLUX.1 [dev] Non-Commercial License") does not split it
  const bracketed = (w: RefWord) => source.charCodeAt(w.start - 1) === 91 && source.charCodeAt(w.end) === 93
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1]
    const b = words[i]
    if (b.token === a.token) continue
    if ((b.start - a.end === 2 && bracketed(b)) || (b.start - a.end === 2 && bracketed(a))) continue
    if (b.start - a.end === 1) {
      splitBefore[i] = SPLITTERS.has(source.charCodeAt(a.end))
      continue
    }
    if (isBreak(source, a.end, b.start, a.value)) breakBefore[i] = splitBefore[i] = true
    else for (let p = a.end; p < b.start && !splitBefore[i]; p++) splitBefore[i] = SPLITTERS.has(source.charCodeAt(p))
  }
  return { source, words, breakBefore, splitBefore }
}

// ( ) [ ] { } : ; |
const SPLITTERS = new Set([40, 41, 91, 93, 123, 125, 58, 59, 124])
