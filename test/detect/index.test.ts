import { describe, expect, it } from 'vitest'
import { detectRestrictions, matchingView } from '../../src/detect/index.js'
import { RestrictionFindingSchema } from '../../src/schema/index.js'
import { createLineIndex } from '../../src/text/index.js'

const detect = (source: string, licenseIds?: string[]) => detectRestrictions(source, createLineIndex(source), { licenseIds })

describe('detectRestrictions', () => {
  it('returns schema-valid findings whose evidence slices the source', () => {
    const source = 'You must not use the Model for military purposes.\nIf you have more than 5 million monthly active users, ask us first.'
    const found = detect(source)
    expect(found.map((f) => f.kind).sort()).toEqual(['field-of-use', 'user-count'])
    for (const f of found) {
      RestrictionFindingSchema.parse(f)
      expect(f.position).toEqual(f.evidence[0].position)
      for (const ev of f.evidence) expect(source.slice(ev.position.start.offset, ev.position.end.offset)).toBe(ev.text)
    }
  })

  it('labels findings with the license id only when exactly one license was identified', () => {
    const source = 'You may use the Model solely for non-commercial research.'
    expect(detect(source, ['LicenseRef-x'])[0].licenseId).toBe('LicenseRef-x')
    expect(detect(source, ['A', 'B'])[0].licenseId).toBeUndefined()
    expect(detect(source)[0].licenseId).toBeUndefined()
  })

  it('reports one finding per kind, with evidence from every clause that says it', () => {
    const source = 'You may not use it for surveillance.\n\nYou may not use it to create malware.'
    const found = detect(source)
    expect(found).toHaveLength(1)
    expect(found[0].evidence).toHaveLength(2)
  })

  it('reports two thresholds of one kind separately', () => {
    const found = detect('Above 10 million monthly active users you must display our name. Above 50 million monthly active users you need a licence.')
    expect(found.filter((f) => f.kind === 'user-count').map((f) => f.parameters.threshold)).toEqual([10000000, 50000000])
  })

  it('finds nothing in empty, binary-looking or plain permissive text', () => {
    expect(detect('')).toEqual([])
    expect(detect('\u0000\u0001\u0002'.repeat(1000))).toEqual([])
    expect(detect('Permission is hereby granted, free of charge, to any person obtaining a copy of this software.')).toEqual([])
  })

  it('reads licenses quoted in YAML strings, with evidence from the original', () => {
    const source = 'extra_gated_prompt: "1. Terms.\\n\\nYou shall prominently display “Built with\\\n  \\ Zeta” on your website.\\n2. If you have more than 5 million\\\n  \\ monthly active users, ask us."'
    expect(matchingView(source)).toHaveLength(source.length)
    const found = detect(source)
    expect(found.find((f) => f.kind === 'naming-attribution')?.parameters).toEqual({ display: 'Built with Zeta' })
    expect(found.find((f) => f.kind === 'user-count')?.parameters.threshold).toBe(5000000)
    for (const f of found) for (const ev of f.evidence) expect(source.slice(ev.position.start.offset, ev.position.end.offset)).toBe(ev.text)
  })

  // No timed assertion (machines are noisy; figures live in `npm run bench`): ~7.6 MB of repetitive and adversarial
  // text completes well inside the test timeout, where a quadratic step or a backtracking regex would take minutes.
  it('completes on large and adversarial inputs', () => {
    const big = 'You may not use, copy or distribute the Model for any purpose not expressly permitted, '.repeat(60000)
    const nasty = `${'not '.repeat(100000)}${'“'.repeat(50000)}${'1,000,'.repeat(50000)}`
    expect(Array.isArray(detect(big))).toBe(true)
    expect(Array.isArray(detect(nasty))).toBe(true)
  })
})
