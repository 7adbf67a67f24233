// readFrontMatter: values keep offsets into the original file; broken YAML becomes a positioned diagnostic.
import { describe, expect, it } from 'vitest'
import { readFrontMatter } from '../../src/read/front-matter.js'
import { outlineMarkdown } from '../../src/read/markdown.js'
import { createLineIndex } from '../../src/text/index.js'

const read = (src: string) => readFrontMatter(src, outlineMarkdown(src).frontMatter!, createLineIndex(src))

describe('readFrontMatter', () => {
  it('returns scalars and lists with source ranges into the whole file', () => {
    const src = '---\nLicense: other\nlicense_name: "my-terms"\nbase_model:\n- a/b\n- c/d\nlicense_link: >-\n  https://x.org/L\n---\n'
    const fm = read(src)
    expect(fm.diagnostics).toEqual([])
    const lic = fm.fields.get('license')!
    expect(lic.key).toBe('License')
    expect(src.slice(lic.scalars[0].start, lic.scalars[0].end)).toBe('other')
    const name = fm.fields.get('license_name')!.scalars[0]
    expect(name.value).toBe('my-terms')
    expect(src.slice(name.start, name.end)).toBe('"my-terms"')
    expect(fm.fields.get('base_model')!.scalars.map((s) => [s.value, src.slice(s.start, s.end)])).toEqual([
      ['a/b', 'a/b'],
      ['c/d', 'c/d'],
    ])
    expect(fm.fields.get('license_link')!.scalars[0].value).toBe('https://x.org/L')
  })

  it('keeps the first of repeated keys and ignores nested mappings', () => {
    const fm = read('---\nlicense: mit\nlicense: gpl\nlm_studio:\n  base_model: x\n---\n')
    expect(fm.fields.get('license')!.scalars[0].value).toBe('mit')
    expect(fm.fields.get('lm_studio')!.scalars).toEqual([])
    expect(fm.fields.has('base_model')).toBe(false)
  })

  it('reports broken YAML with a position and rescues simple keys', () => {
    const src = '---\nlicense: apache-2.0\ntags: [a, b\nbase_model:\n  - org/model\n---\n'
    const fm = read(src)
    expect(fm.diagnostics).toHaveLength(1)
    const d = fm.diagnostics[0]
    expect(d).toMatchObject({ ruleId: 'invalid-front-matter', severity: 'warning', fatal: false })
    expect(d.position!.start.line).toBeGreaterThanOrEqual(3)
    expect(fm.fields.get('license')!.scalars[0].value).toBe('apache-2.0')
  })

  it('rescues keys line by line when the YAML is hopeless', () => {
    const src = '---\nlicense: "mit"\n\t: bad: [\nbase_model:\n  - "org/m"\n---\n'
    const fm = read(src)
    expect(fm.diagnostics.length).toBeGreaterThan(0)
    const lic = fm.fields.get('license')!.scalars[0]
    expect(lic.value).toBe('mit')
    const base = fm.fields.get('base_model')!.scalars[0]
    expect(base.value).toBe('org/m')
    expect(src.slice(base.start, base.end)).toBe('"org/m"')
  })
})
