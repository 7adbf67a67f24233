// Generalisation check: detectRestrictions on license texts written for this test (test/fixtures/unseen/*) —
// fictional labs and models, original wording, never looked at while the detectors were developed. Each text
// has `<name>.expected.json` ({present, absent}) labelled by the rules of ../shared/eval/RESTRICTIONS.md.
// One test per (text, kind): kinds, key parameters (thresholds exactly, currency, period, metric, territory
// sets, scope, mechanism, display strings), evidence that slices the source and overlaps the labelled clause.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkUnseen, listUnseen, readExpected, UNSEEN_DIR } from '../../scripts/redteam-restrictions.js'
import { RestrictionKindSchema } from '../../src/schema/index.js'

/**
 * Cases the detectors get wrong today, `<file>#<kind>` → cause. They run as `it.fails`, so the suite stays
 * green while recording the gap; once a detector is fixed the case turns red — then delete its entry here.
 * Never change an expectation to make a case pass.
 */
const KNOWN_GAPS: Record<string, string> = {
}

const KINDS = RestrictionKindSchema.options
const files = listUnseen()

describe('unseen license texts: fixture set', () => {
  it('has 25+ texts, negatives among them, and every kind present in 3+ texts', () => {
    expect(files.length).toBeGreaterThanOrEqual(25)
    const all = files.map((f) => readExpected(f))
    expect(all.filter((e) => e.present.length === 0).length).toBeGreaterThanOrEqual(5)
    for (const kind of KINDS) expect(all.filter((e) => e.present.some((p) => p.kind === kind)).length, kind).toBeGreaterThanOrEqual(3)
  })

  it.each(files)('%s: every kind labelled once, clause phrases unique', (file) => {
    const source = readFileSync(join(UNSEEN_DIR, file), 'utf8')
    const e = readExpected(file)
    const labelled = [...new Set(e.present.map((p) => p.kind)), ...e.absent].sort()
    expect(labelled).toEqual([...KINDS].sort())
    for (const p of e.present) {
      if (p.kind !== 'user-count' && p.kind !== 'revenue-threshold') expect(e.present.filter((q) => q.kind === p.kind)).toHaveLength(1)
      const at = source.indexOf(p.covers)
      expect(at, p.covers).toBeGreaterThanOrEqual(0)
      expect(source.indexOf(p.covers, at + 1), p.covers).toBe(-1)
      if ('threshold' in p.parameters) expect(Number.isInteger(p.parameters.threshold)).toBe(true)
    }
  })

  it('lists no known gap for a case that does not exist', () => {
    const cases = new Set(files.flatMap((f) => KINDS.map((k) => `${f}#${k}`)))
    expect(Object.keys(KNOWN_GAPS).filter((k) => !cases.has(k))).toEqual([])
  })
})

for (const file of files) {
  describe(`unseen: ${file}`, () => {
    const expected = readExpected(file)
    let result: ReturnType<typeof checkUnseen> | undefined
    const run = () => (result ??= checkUnseen(file))

    it('evidence text equals the source slice', () => {
      expect(run().evidence).toEqual([])
    })

    const kinds = [...new Set(expected.present.map((p) => p.kind)), ...expected.absent]
    for (const kind of kinds) {
      const present = expected.present.some((p) => p.kind === kind)
      const gap = KNOWN_GAPS[`${file}#${kind}`]
      const title = `${present ? 'finds' : 'does not report'} ${kind}${gap ? ` (known gap: ${gap})` : ''}`
      ;(gap ? it.fails : it)(title, () => {
        const r = run().kinds.find((k) => k.kind === kind)
        expect(r?.problems).toEqual([])
      })
    }
  })
}
