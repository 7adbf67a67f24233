import { describe, expect, it } from 'vitest'
import { createLineIndex } from '../../src/text/position.js'

describe('createLineIndex', () => {
  it('maps offsets to 1-based lines and columns across LF, CRLF and CR', () => {
    const src = 'ab\ncd\r\nef\rgh'
    const idx = createLineIndex(src)
    expect(idx.toPoint(0)).toEqual({ line: 1, column: 1, offset: 0 })
    expect(idx.toPoint(4)).toEqual({ line: 2, column: 2, offset: 4 })
    expect(idx.toPoint(7)).toEqual({ line: 3, column: 1, offset: 7 })
    expect(idx.toPoint(10)).toEqual({ line: 4, column: 1, offset: 10 })
  })

  it('builds evidence whose text is the source slice', () => {
    const src = 'one\ntwo three'
    const ev = createLineIndex(src).evidence(4, 7)
    expect(ev.text).toBe('two')
    expect(src.slice(ev.position.start.offset, ev.position.end.offset)).toBe(ev.text)
    expect(ev.position.end).toEqual({ line: 2, column: 4, offset: 7 })
  })

  it('clamps offsets outside the text', () => {
    const idx = createLineIndex('abc')
    expect(idx.toPoint(99).offset).toBe(3)
    expect(idx.toPoint(-1).offset).toBe(0)
  })
})
