// classify(): argument checks, bad input never throws, evidence equals the source slice.
import { describe, expect, it } from 'vitest'
import { classify } from '../src/analyze.js'
import { FileReportSchema } from '../src/schema/index.js'

const evidenceIsSlice = (text: string, report: ReturnType<typeof classify>) => {
  for (const f of [...report.licenses, ...report.restrictions]) {
    for (const ev of f.evidence) expect(text.slice(ev.position.start.offset, ev.position.end.offset)).toBe(ev.text)
  }
}

describe('classify', () => {
  it('throws a TypeError for caller mistakes', () => {
    expect(() => classify(42 as unknown as string)).toThrow(TypeError)
    expect(() => classify('x', { path: 3 as unknown as string })).toThrow(/Expected `path` to be a string/)
  })

  it('reports NONE with a diagnostic for an empty text', () => {
    const r = classify('   \n')
    expect(r.expression).toBe('NONE')
    expect(r.diagnostics[0].ruleId).toBe('empty-file')
    expect(FileReportSchema.parse(r)).toBeTruthy()
  })

  it('refuses binary content with a fatal diagnostic', () => {
    const r = classify('PK\u0003\u0004\u0000\u0000binary')
    expect(r.kind).toBe('binary')
    expect(r.diagnostics.some((d) => d.fatal)).toBe(true)
    expect(r.counts.fatal).toBe(1)
  })

  it('says NONE for a text with no license', () => {
    const text = 'Copyright 2024 Jane Roe\n\nThis is a small tool that prints the weather.\n'
    const r = classify(text, { path: 'README.txt' })
    expect(r.expression).toBe('NONE')
    expect(r.licenses).toEqual([])
  })

  it('never throws on odd input and keeps evidence equal to the source slice', () => {
    const odd = ['\uFEFF' + 'SPDX-License-Identifier: MIT', 'SPDX-License-Identifier: (((', '\r\r\r', '\uD800 lone surrogate', '---\nlicense: [\n---\n# card', '{"license": ']
    for (const text of odd) {
      const r = classify(text, { path: 'README.md' })
      expect(FileReportSchema.safeParse(r).success).toBe(true)
      evidenceIsSlice(text, r)
    }
  })
})
