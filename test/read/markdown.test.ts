// outlineMarkdown: front-matter fences and headings as offsets into the original text.
import { describe, expect, it } from 'vitest'
import { outlineMarkdown } from '../../src/read/markdown.js'

describe('outlineMarkdown', () => {
  it('finds the front matter and the YAML between the fences', () => {
    const src = '---\nlicense: mit\n---\n# Card\n'
    const o = outlineMarkdown(src)
    expect(o.frontMatter).toEqual({ start: 0, end: 20, contentStart: 4, contentEnd: 17 })
    expect(src.slice(o.frontMatter!.contentStart, o.frontMatter!.contentEnd)).toBe('license: mit\n')
    expect(o.bodyStart).toBe(20)
    expect(o.headings).toEqual([{ depth: 1, text: 'Card', start: 21, end: 27 }])
  })

  it('tolerates blank lines and a BOM before the fence, and CRLF line ends', () => {
    const src = '\uFEFF\r\n\r\n---\r\nlicense: mit\r\n---\r\nbody'
    const o = outlineMarkdown(src)
    expect(src.slice(o.frontMatter!.contentStart, o.frontMatter!.contentEnd)).toBe('license: mit\r\n')
    expect(src.slice(o.bodyStart)).toBe('\r\nbody')
  })

  it('reports an opening fence that is never closed', () => {
    const o = outlineMarkdown('---\nlicense: mit\n\n# Title\n')
    expect(o.frontMatter).toBeUndefined()
    expect(o.unclosedFence).toBe(0)
    expect(o.headings.map((h) => h.text)).toEqual(['Title'])
  })

  it('does not take a thematic break later in the text for front matter', () => {
    const o = outlineMarkdown('# Title\n\n---\n\ntext\n')
    expect(o.frontMatter).toBeUndefined()
    expect(o.unclosedFence).toBeUndefined()
  })

  it('reads ATX, setext and HTML headings and skips fenced code', () => {
    const src = ['# One #', '', 'Two', '---', '', '```bash', '# not a heading', '```', '<h3 align="center">Three</h3>', '####### seven hashes', '#hashtag'].join('\n')
    const o = outlineMarkdown(src)
    expect(o.headings.map((h) => [h.depth, h.text])).toEqual([
      [1, 'One'],
      [2, 'Two'],
      [3, 'Three'],
    ])
    for (const h of o.headings) expect(src.slice(h.start, h.end).length).toBeGreaterThan(0)
  })

  it('keeps going inside a fence that never closes, without throwing', () => {
    const o = outlineMarkdown('~~~\n# a\n')
    expect(o.headings).toEqual([])
  })

  // completes inside the test timeout (no timed assertion: figures live in `npm run bench`)
  it('reads long inputs', () => {
    const big = '## h\n'.repeat(50_000) + 'x'.repeat(1_000_000)
    const o = outlineMarkdown(big)
    expect(o.headings.length).toBe(50_000)
  })
})
