// Maps offsets in a decoded string (a YAML scalar without escapes and folds) back to its raw source.
import type { Evidence, Point, Position } from '../schema/index.js'
import type { LineIndex } from '../text/index.js'

/** How far ahead in the raw text a decoded character is looked for before giving up on it (escapes, folds). */
const LOOKAHEAD = 16

/**
 * Align `decoded` to `raw` greedily: each decoded character is matched to the next raw character within a
 * short window that is, or (in a double-quoted YAML scalar) escapes to, the same character. Escaped line
 * breaks and escapes for other characters are stepped over. Linear time: the raw cursor only moves forward.
 *
 * @param decoded - the value as a YAML parser returns it.
 * @param raw - its source, quotes included (a leading `"` turns on backslash escapes).
 * @returns `map` with `map[i]` = offset in `raw` of decoded character `i`, and `map[decoded.length] = raw.length`.
 * @example
 * alignDecoded('a\nb', '"a\\nb"') // [1, 2, 4, 6]
 */
export function alignDecoded(decoded: string, raw: string): Uint32Array {
  const map = new Uint32Array(decoded.length + 1)
  const escapes = raw.startsWith('"')
  let j = 0
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded[i]
    let k = j
    let limit = Math.min(raw.length, j + LOOKAHEAD)
    let found = -1
    let next = j
    while (k < limit) {
      if (escapes && raw[k] === '\\') {
        const esc = readEscape(raw, k)
        if (esc.value === c) {
          found = k
          next = k + esc.length
          break
        }
        k += esc.length
        // An escaped line break and the indentation after it decode to nothing: look on past them.
        if (esc.value === '') limit = Math.min(raw.length, k + LOOKAHEAD)
        continue
      }
      if (raw[k] === c) {
        found = k
        next = k + 1
        break
      }
      k++
    }
    // Not found nearby (a character the decoder produced on its own): keep the cursor where it is.
    map[i] = found < 0 ? Math.min(j, raw.length) : found
    if (found >= 0) j = next
  }
  map[decoded.length] = raw.length
  return map
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', '\t': '\t', '"': '"', '\\': '\\', '/': '/', ' ': ' ', '0': '\0', a: '\x07', b: '\b',
  e: '\x1b', f: '\f', r: '\r', v: '\v', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
}

/** What the YAML escape at `at` (a backslash) decodes to, and how many raw characters it spans. */
function readEscape(raw: string, at: number): { value: string; length: number } {
  const e = raw[at + 1]
  if (e === '\r' || e === '\n') {
    let k = at + 1 + (raw.startsWith('\r\n', at + 1) ? 2 : 1)
    while (k < raw.length && (raw[k] === ' ' || raw[k] === '\t')) k++
    return { value: '', length: k - at }
  }
  const hex = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0
  if (hex) {
    const code = parseInt(raw.slice(at + 2, at + 2 + hex), 16)
    const value = Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code)[0] : ''
    return { value, length: 2 + hex }
  }
  if (e !== undefined && e in SIMPLE_ESCAPES) return { value: SIMPLE_ESCAPES[e], length: 2 }
  return { value: '\\', length: 1 }
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
