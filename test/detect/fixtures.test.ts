// Whole-text checks on license texts written for these tests (test/fixtures/restrictions/*).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { detectRestrictions } from '../../src/detect/index.js'
import { createLineIndex } from '../../src/text/index.js'

const dir = join(__dirname, '..', 'fixtures', 'restrictions')
const inputs = readdirSync(dir).filter((f) => !f.endsWith('.expected.json'))

interface Expected {
  kind: string
  parameters: Record<string, unknown>
  covers?: string
}

describe('restriction fixtures', () => {
  for (const file of inputs) {
    it(file, () => {
      const source = readFileSync(join(dir, file), 'utf8')
      const expected: Expected[] = JSON.parse(readFileSync(join(dir, file.replace(/\.\w+$/, '.expected.json')), 'utf8'))
      const found = detectRestrictions(source, createLineIndex(source))
      expect(found.map((f) => f.kind).sort()).toEqual(expected.map((e) => e.kind).sort())
      for (const e of expected) {
        const f = found.find((x) => x.kind === e.kind)!
        expect(f.parameters, e.kind).toEqual(e.parameters)
        for (const ev of f.evidence) expect(source.slice(ev.position.start.offset, ev.position.end.offset)).toBe(ev.text)
        if (e.covers) {
          const at = source.indexOf(e.covers)
          expect(at, `${e.covers} is in ${file}`).toBeGreaterThanOrEqual(0)
          expect(f.evidence.some((ev) => ev.position.start.offset < at + e.covers!.length && ev.position.end.offset > at), e.kind).toBe(true)
        }
      }
    })
  }
})
