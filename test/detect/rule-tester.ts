// A small RuleTester for restriction detectors: valid texts yield nothing; invalid ones yield the finding.
import { expect, it } from 'vitest'
import type { Detector } from '../../src/detect/define-detector.js'
import { toFinding } from '../../src/detect/define-detector.js'
import { segmentText } from '../../src/detect/segment.js'
import type { RestrictionFinding } from '../../src/schema/index.js'
import { RestrictionFindingSchema } from '../../src/schema/index.js'
import { createLineIndex } from '../../src/text/index.js'

export interface InvalidCase {
  code: string
  parameters: Record<string, unknown>
  /** A clause the evidence must cover (a substring of `code`). */
  covers?: string
  /** Where the first evidence span sits, ESLint style. */
  line?: number
  column?: number
  endLine?: number
  endColumn?: number
}

/** Run one detector the way `detectRestrictions` does and return its findings. */
export function run(detector: Detector, code: string): RestrictionFinding[] {
  const lines = createLineIndex(code)
  const ctx = { source: code, lines, segments: segmentText(code), cache: new Map() }
  return detector.detect(ctx).map((h) => toFinding(detector, h, ctx))
}

/** Declare the valid/invalid table of a detector as vitest cases. */
export function ruleTester(detector: Detector, cases: { valid: string[]; invalid: InvalidCase[] }): void {
  for (const code of cases.valid) {
    it(`valid: ${code.replace(/\s+/g, ' ').slice(0, 70)}`, () => {
      expect(run(detector, code)).toEqual([])
    })
  }
  for (const c of cases.invalid) {
    it(`invalid: ${c.code.replace(/\s+/g, ' ').slice(0, 70)}`, () => {
      const found = run(detector, c.code)
      expect(found).toHaveLength(1)
      const [f] = found
      expect(RestrictionFindingSchema.parse(f)).toBeTruthy()
      expect(f.ruleId).toBe(detector.ruleId)
      expect(f.kind).toBe(detector.kind)
      expect(f.source).toBe('licit')
      expect(f.parameters).toEqual(c.parameters)
      expect(f.reason).not.toMatch(/\{\w+\}/)
      for (const ev of f.evidence) expect(c.code.slice(ev.position.start.offset, ev.position.end.offset)).toBe(ev.text)
      if (c.covers) {
        const at = c.code.indexOf(c.covers)
        expect(at, 'covers must be a substring of code').toBeGreaterThanOrEqual(0)
        const end = at + c.covers.length
        expect(f.evidence.some((ev) => ev.position.start.offset < end && ev.position.end.offset > at)).toBe(true)
      }
      if (c.line !== undefined) {
        const p = f.evidence[0].position
        const got = { line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column }
        const want = { line: c.line, column: c.column, endLine: c.endLine, endColumn: c.endColumn }
        for (const k of Object.keys(want) as (keyof typeof want)[]) if (want[k] !== undefined) expect(got[k], k).toBe(want[k])
      }
    })
  }
}
