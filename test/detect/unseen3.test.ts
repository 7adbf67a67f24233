// Third blind generalisation round: detectRestrictions on 27 license texts written for this test
// (test/fixtures/unseen3/*: fictional labs, original wording, written before reading the detectors' word lists),
// in genres the earlier rounds lacked: hosted-API/service terms, English translations in the style of Chinese,
// Korean and Japanese licences, an addendum to a base licence, a FAQ summary, a do's-and-don'ts list, a Markdown
// table, ALL-CAPS clauses. Each text has `<name>.expected.json` ({present, absent}) labelled by
// ../shared/eval/RESTRICTIONS.md.
//
// BLIND FIGURES (first run, before any detector change; found / expected, false positives / absent cases):
//   field-of-use 7/10 FP 0/17 · user-count 4/4 FP 0/23 · revenue-threshold 4/4 FP 0/23 · output-training 6/6
//   FP 0/21 · non-commercial 4/5 FP 0/22 · territorial 2/4 FP 0/23 · naming-attribution 4/5 FP 0/22 ·
//   flow-down 2/7 FP 0/20 · licensor-control 6/9 FP 0/18 — total 39/54 = 72 % recall, 0 false positives.
// Misses: flow-down 5 ("remains subject", "redistributed only under", "require anyone ... to comply", "Sections A
// and B apply to them", "making sure each of them complies"), territorial 2 ("Nothing in this license grants any
// right to ... resident in", a condition-first "If you are domiciled in ..., the rights ... are not granted"),
// field-of-use 3 (identifying/tracking individuals, "endangers national security", a DON'T-headed list),
// licensor-control 3 ("may revise and update this Agreement", "remotely update, filter or disable", a "refusal
// layer" guardrail), non-commercial 1 ("for the sole purpose of evaluating it"), naming 1 ("Sites ... must display").
// AFTER the fixes (general wording rules, none keyed to a file): 54/54, 0 false positives; unseen 72/72 and
// unseen2 75/75 unchanged; the labelled set still 100 %. These texts are no longer blind either.
// Rounds 8-11 of test/detect/wording-variants.test.ts followed (written after reading the detectors, each before
// its own fixes): 11/19, 9/20, 6/8 (1 false positive of 12 look-alikes), 8/10, 2/9 (1 false positive of 3);
// all fixed since except two known gaps listed there.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkUnseen, listUnseen, readExpected } from '../../scripts/redteam-restrictions.js'
import { RestrictionKindSchema } from '../../src/schema/index.js'

const DIR = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'fixtures', 'unseen3')

/**
 * Cases the detectors get wrong today, `<file>#<kind>` → cause. They run as `it.fails`, so the suite stays
 * green while recording the gap; once a detector is fixed the case turns red — then delete its entry here.
 * Never change an expectation to make a case pass.
 */
const KNOWN_GAPS: Record<string, string> = {
}

const KINDS = RestrictionKindSchema.options
const files = listUnseen(DIR)

describe('unseen3 license texts: fixture set', () => {
  it('has 25+ texts, 6 negatives among them, and every kind present in 3+ texts', () => {
    expect(files.length).toBeGreaterThanOrEqual(25)
    const all = files.map((f) => readExpected(f, DIR))
    expect(all.filter((e) => e.present.length === 0).length).toBeGreaterThanOrEqual(6)
    for (const kind of KINDS) expect(all.filter((e) => e.present.some((p) => p.kind === kind)).length, kind).toBeGreaterThanOrEqual(3)
  })

  it.each(files)('%s: every kind labelled once, clause phrases unique', (file) => {
    const source = readFileSync(join(DIR, file), 'utf8')
    const e = readExpected(file, DIR)
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
  describe(`unseen3: ${file}`, () => {
    const expected = readExpected(file, DIR)
    let result: ReturnType<typeof checkUnseen> | undefined
    const run = () => (result ??= checkUnseen(file, DIR))

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
