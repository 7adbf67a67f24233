// Maps offsets in a decoded string (a YAML scalar without escapes and folds) back to its raw source.
import type { Evidence, Point, Position } from '../schema/index.js'
import type { LineIndex } from '../text/index.js'

/** How far ahead in the raw text a decoded character is looked for before giving up on it (escapes, folds). */
const LOOKAHEAD = 16

/**
 * Align `decoded` to `raw` greedily: each decoded character is matched to the next equal raw character within
 * a short window. Escapes (`\n`, `\u2019`) and folded line breaks map to the raw position they stand at.
 * Linear time: the raw cursor only moves forward.
 *
 * @returns `map` with `map[i]` = offset in `raw` of decoded character `i`, and `map[decoded.length] = raw.length`.
 * @example
 * alignDecoded('a\nb', '"a\\nb"') // [1, 2, 4, 6]
 */
export function alignDecoded(decoded: string, raw: string): Uint32Array {
  const map = new Uint32Array(decoded.length + 1)
  let j = 0
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded[i]
    let found = -1
    const limit = Math.min(raw.length, j + LOOKAHEAD)
    for (let k = j; k < limit; k++) {
      if (raw[k] === c) {
        found = k
        break
      }
    }
    if (found < 0 && c === '\n') {
      // An escaped newline (`\n`) or a folded line break shows up as a backslash or a raw line break.
      for (let k = j; k < limit; k++) {
        if (raw[k] === '\\' || raw[k] === '\r') {
          found = k
          break
        }
      }
    }
    if (found < 0 && (c === ' ' || c === '\n')) {
      const nl = raw.indexOf('\n', j)
      if (nl >= 0 && nl < limit) found = nl
    }
    if (found < 0) {
      // An escape such as `\u2019`: it sits at the next backslash; otherwise stay put.
      const bs = raw.indexOf('\\', j)
      found = bs >= 0 && bs < limit ? bs : Math.min(j, raw.length)
      map[i] = found
      j = found < raw.length && raw[found] === '\\' ? skipEscape(raw, found) : found
      continue
    }
    map[i] = found
    j = found + 1
  }
  map[decoded.length] = raw.length
  return map
}

function skipEscape(raw: string, at: number): number {
  const next = raw[at + 1]
  if (next === 'u') return Math.min(raw.length, at + 6)
  if (next === 'x') return Math.min(raw.length, at + 4)
  if (next === 'U') return Math.min(raw.length, at + 10)
  return Math.min(raw.length, at + 2)
}

/**
 * A LineIndex over a decoded string whose points and evidence are those of the original source: analyzers
 * run on the clean text, evidence quotes the original bytes.
 *
 * @param decoded - the text analyzers see.
 * @param map - from `alignDecoded`, offsets relative to `rawStart`.
 * @param rawStart - offset of the raw text in the original source.
 * @param original - line index over the original source.
 */
export function mappedLineIndex(decoded: string, map: Uint32Array | null, rawStart: number, original: LineIndex): LineIndex {
  const at = (offset: number): number => {
    const o = Math.max(0, Math.min(offset, decoded.length))
    return rawStart + (map ? map[o] : o)
  }
  // An end offset maps just past the last included character, so a span never swallows a trailing escape.
  const atEnd = (offset: number): number => {
    const o = Math.max(0, Math.min(offset, decoded.length))
    if (!map || o === 0) return at(o)
    return rawStart + map[o - 1] + 1
  }
  const toPoint = (offset: number): Point => original.toPoint(at(offset))
  const toPosition = (start: number, end: number): Position => {
    const s = at(start)
    return { start: original.toPoint(s), end: original.toPoint(Math.max(s, atEnd(end))) }
  }
  return {
    source: decoded,
    toPoint,
    toPosition,
    evidence: (start: number, end: number): Evidence => {
      const position = toPosition(start, end)
      return { position, text: original.source.slice(position.start.offset, position.end.offset) }
    },
  }
}
