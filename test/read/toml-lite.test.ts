// readToml: tables, keys and string values with offsets; errors reported, reading goes on.
import { describe, expect, it } from 'vitest'
import { readToml } from '../../src/read/toml-lite.js'

describe('readToml', () => {
  it('reads strings, inline tables and multi-line arrays with offsets', () => {
    const src = [
      'title = "root"',
      '[project]',
      "name = 'demo'",
      'license = { text = "MIT", file = "LICENSE" }',
      'classifiers = [',
      '  "License :: OSI Approved :: MIT License", # why not',
      '  "Topic :: Utilities",',
      ']',
      '[[bin]]',
      'path = "a\\tb"',
    ].join('\n')
    const r = readToml(src)
    expect(r.error).toBeUndefined()
    expect(r.entries.map((e) => [e.table, e.key, e.value.type])).toEqual([
      ['', 'title', 'string'],
      ['project', 'name', 'string'],
      ['project', 'license', 'table'],
      ['project', 'classifiers', 'array'],
      ['bin', 'path', 'string'],
    ])
    const lic = r.entries[2].value
    if (lic.type !== 'table') throw new Error('table expected')
    const text = lic.entries.get('text')!
    expect(src.slice(text.start, text.end)).toBe('"MIT"')
    const path = r.entries[4].value
    expect(path.type === 'string' && path.value).toBe('a\tb')
  })

  it('reads multi-line basic and literal strings', () => {
    const r = readToml('a = """\nline one\nline two"""\nb = \'\'\'\nraw \\n\'\'\'\n')
    const [a, b] = r.entries
    expect(a.value.type === 'string' && a.value.value).toBe('line one\nline two')
    expect(b.value.type === 'string' && b.value.value).toBe('raw \\n')
  })

  it('reports an error and keeps reading', () => {
    const r = readToml('a = "open\nb = "ok"\n')
    expect(r.error?.reason).toMatch(/Unterminated/)
    expect(r.entries.map((e) => e.key)).toEqual(['b'])
  })
})
