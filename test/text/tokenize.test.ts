import { describe, expect, it } from 'vitest'
import { tokenize } from '../../src/text/tokenize.js'

const values = (s: string) => tokenize(s).map((t) => t.value)

describe('tokenize', () => {
  it('lowercases, drops punctuation and keeps source offsets', () => {
    const src = 'Permission is hereby GRANTED, free of charge.'
    const toks = tokenize(src)
    expect(toks.map((t) => t.value)).toEqual(['permission', 'is', 'hereby', 'granted', 'free', 'of', 'charge'])
    for (const t of toks) expect(src.slice(t.start, t.end).toLowerCase()).toBe(t.value)
  })

  it('ignores comment markers, bullets and numbering at line starts', () => {
    expect(values('/*\n * 1. Keep notices.\n * (b) Share alike.\n */')).toEqual(['keep', 'notices', 'share', 'alike'])
    expect(values('# a) first\n// iv. fourth\n-- 2.3 Third')).toEqual(['first', 'fourth', 'third'])
    // a bare dotted number before lower-case prose is a wrapped version, not numbering
    expect(values('version\n2.1 of the License')).toEqual(['version', '2.1', 'of', 'the', 'license'])
  })

  it('skips copyright lines unless asked to keep them', () => {
    const src = 'Copyright (c) 2024 Jane Roe\n© ACME Corp\nAll rights reserved.\nThe terms follow.'
    expect(values(src)).toEqual(['the', 'terms', 'follow'])
    expect(values(src).length).toBeLessThan(tokenize(src, { keepCopyright: true }).length)
  })

  it('folds varietal spellings, hyphens and http/https', () => {
    expect(values('licence non-commercial https')).toEqual(values('license noncommercial http'))
  })

  it('keeps versions and dotted names as one word', () => {
    expect(values('Version 2.0 at www.apache.org')).toEqual(['version', '2.0', 'at', 'www.apache.org'])
  })

  it('skips HTML tags and entities', () => {
    expect(values('<p>Free &amp; <b>open</b></p>')).toEqual(['free', 'open'])
  })

  it('handles CRLF, lone CR, empty input and a BOM', () => {
    expect(values('')).toEqual([])
    expect(values('\uFEFFone\r\ntwo\rthree')).toEqual(['one', 'two', 'three'])
    const src = '\uFEFFone'
    expect(tokenize(src)[0].start).toBe(1)
  })

  it('is linear on one very long line', () => {
    const src = 'word '.repeat(200_000)
    expect(tokenize(src)).toHaveLength(200_000)
  })
})
