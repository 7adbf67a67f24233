// alignDecoded / mappedLineIndex: evidence found in decoded YAML text points at the raw bytes of the card.
import { describe, expect, it } from 'vitest'
import { alignDecoded, mappedLineIndex } from '../../src/read/align.js'
import { createLineIndex } from '../../src/text/index.js'

describe('alignDecoded', () => {
  it('maps decoded characters through escapes and folded lines', () => {
    expect([...alignDecoded('a\nb', '"a\\nb"')]).toEqual([1, 2, 4, 6])
    const raw = '"one\\\n  \\ two \\u00e9"'
    const decoded = 'one two é'
    const map = alignDecoded(decoded, raw)
    expect(raw[map[0]]).toBe('o')
    expect(raw[map[4]]).toBe('t')
    expect(raw.slice(map[8], map[8] + 2)).toBe('\\u')
    for (let i = 1; i < map.length; i++) expect(map[i]).toBeGreaterThanOrEqual(map[i - 1])
  })

  it('is monotone and bounded on unrelated strings', () => {
    const map = alignDecoded('zzzz', 'abc')
    expect([...map].every((o) => o <= 3)).toBe(true)
  })
})

describe('mappedLineIndex', () => {
  it('quotes the original source for a span of the decoded text', () => {
    const card = 'x: "no military\\\n  \\ use"\n'
    const start = card.indexOf('"')
    const raw = card.slice(start, card.length - 1)
    const decoded = 'no military use'
    const idx = mappedLineIndex(decoded, alignDecoded(decoded, raw), start, createLineIndex(card))
    const ev = idx.evidence(3, 15)
    expect(ev.text).toBe(card.slice(ev.position.start.offset, ev.position.end.offset))
    expect(ev.text.startsWith('military')).toBe(true)
    expect(ev.text.endsWith('use')).toBe(true)
    expect(ev.position.start.line).toBe(1)
    expect(ev.position.end.line).toBe(2)
  })

  it('shifts offsets when there is no map', () => {
    const src = 'head\nbody text'
    const idx = mappedLineIndex('body text', null, 5, createLineIndex(src))
    expect(idx.evidence(5, 9)).toEqual({ position: { start: { line: 2, column: 6, offset: 10 }, end: { line: 2, column: 10, offset: 14 } }, text: 'text' })
  })
})
