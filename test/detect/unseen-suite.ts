// Shared harness of the blind red-team sets (test/fixtures/unseen*): fixture sanity checks, then one test per text
// and kind. Each set's test file keeps its own blind figures and known gaps.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkUnseen, listUnseen, readExpected } from '../../scripts/redteam-restrictions.js'
import { RestrictionKindSchema } from '../../src/schema/index.js'

export interface UnseenSet {
  /** The fixture folder under test/fixtures/ (`unseen2`). */
  name: string
  minTexts: number
  minNegatives: number
  /**
   * Cases the detectors get wrong today, `<file>#<kind>` → cause. They run as `it.fails`, so the suite stays
   * green while recording the gap; once a detector is fixed the case turns red — then delete its entry.
   * Never change an expectation to make a case pass.
   */
  knownGaps: Record<string, string>
}

const KINDS = RestrictionKindSchema.options

/** Declare the tests of one red-team set. */
export function describeUnseenSet({ name, minTexts, minNegatives, knownGaps }: UnseenSet): void {
  const dir = join(import.meta.dirname, '..', 'fixtures', name)
  const files = listUnseen(dir)

  describe(`${name} license texts: fixture set`, () => {
    it(`has ${minTexts}+ texts, ${minNegatives}+ negatives among them, and every kind present in 3+ texts`, () => {
      expect(files.length).toBeGreaterThanOrEqual(minTexts)
      const all = files.map((f) => readExpected(f, dir))
      expect(all.filter((e) => e.present.length === 0).length).toBeGreaterThanOrEqual(minNegatives)
      for (const kind of KINDS) expect(all.filter((e) => e.present.some((p) => p.kind === kind)).length, kind).toBeGreaterThanOrEqual(3)
    })

    it.each(files)('%s: every kind labelled once, clause phrases unique', (file) => {
      const source = readFileSync(join(dir, file), 'utf8')
      const e = readExpected(file, dir)
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
      expect(Object.keys(knownGaps).filter((k) => !cases.has(k))).toEqual([])
    })
  })

  for (const file of files) {
    describe(`${name}: ${file}`, () => {
      const expected = readExpected(file, dir)
      let result: ReturnType<typeof checkUnseen> | undefined
      const run = () => (result ??= checkUnseen(file, dir))

      it('evidence text equals the source slice', () => {
        expect(run().evidence).toEqual([])
      })

      const kinds = [...new Set(expected.present.map((p) => p.kind)), ...expected.absent]
      for (const kind of kinds) {
        const present = expected.present.some((p) => p.kind === kind)
        const gap = knownGaps[`${file}#${kind}`]
        const title = `${present ? 'finds' : 'does not report'} ${kind}${gap ? ` (known gap: ${gap})` : ''}`
        ;(gap ? it.fails : it)(title, () => {
          const r = run().kinds.find((k) => k.kind === kind)
          expect(r?.problems).toEqual([])
        })
      }
    })
  }
}
