// Offset → line/column conversion and evidence slices (unist points: 1-based line/column, 0-based offset).
import type { Evidence, Point, Position } from '../schema/index.js'

/** Line-start table for one source text; build once per text, then convert offsets in O(log lines). */
export interface LineIndex {
  readonly source: string
  toPoint(offset: number): Point
  toPosition(start: number, end: number): Position
  evidence(start: number, end: number): Evidence
}

/**
 * Build a line index over `source`. `\n`, `\r\n` and lone `\r` each end a line.
 *
 * @example
 * const idx = createLineIndex('a\nbc')
 * idx.toPoint(3) // {line: 2, column: 2, offset: 3}
 */
export function createLineIndex(source: string): LineIndex {
  const starts: number[] = [0]
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i)
    if (c === 10) starts.push(i + 1)
    else if (c === 13) {
      if (source.charCodeAt(i + 1) === 10) i++
      starts.push(i + 1)
    }
  }
  const toPoint = (offset: number): Point => {
    const o = Math.max(0, Math.min(offset, source.length))
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid] <= o) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: o - starts[lo] + 1, offset: o }
  }
  const toPosition = (start: number, end: number): Position => ({ start: toPoint(start), end: toPoint(end) })
  return {
    source,
    toPoint,
    toPosition,
    evidence: (start, end) => {
      const position = toPosition(start, end)
      return { position, text: source.slice(position.start.offset, position.end.offset) }
    },
  }
}

/**
 * Index of the first item whose `start` is at or after `offset` in a list sorted by `start` (binary search);
 * `items.length` when there is none.
 *
 * @example
 * firstAtOrAfter([{start: 0}, {start: 5}], 3) // 1
 */
export function firstAtOrAfter(items: ReadonlyArray<{ start: number }>, offset: number): number {
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (items[mid].start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}
