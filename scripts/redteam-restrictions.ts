// Red-team check of the restriction detectors on license texts they were not developed on
// (test/fixtures/unseen/*: original texts with a `<name>.expected.json` beside each). Exports the per-kind
// comparison used by test/detect/unseen.test.ts; run directly it prints a per-kind pass/fail table.
// Usage: npx tsx scripts/redteam-restrictions.ts [--verbose]
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { detectRestrictions } from '../src/detect/index.js'
import type { RestrictionFinding, RestrictionKind } from '../src/schema/index.js'
import { createLineIndex } from '../src/text/index.js'

/** One finding a fixture must produce: its kind, key parameters, and a unique phrase of the clause it rests on. */
export interface ExpectedFinding {
  kind: RestrictionKind
  parameters: Record<string, unknown>
  /** Verbatim, unique substring of the fixture; some evidence span of the finding must overlap it. */
  covers: string
}

/** `<name>.expected.json`: every kind appears once, in `present` or `absent` (thresholds may appear twice). */
export interface Expected {
  present: ExpectedFinding[]
  absent: RestrictionKind[]
  notes?: string
}

/** The outcome for one (fixture, kind): `problems` is empty when the detectors got it right. */
export interface KindResult {
  kind: RestrictionKind
  expectation: 'present' | 'absent'
  problems: string[]
}

/**
 * The parameters RESTRICTIONS.md defines per kind. Only these are compared (a detector may add others), but all
 * of them are: an unexpected `namePrefix` is as wrong as a missing one.
 */
const KEY_PARAMETERS: Record<RestrictionKind, string[]> = {
  'field-of-use': ['via'],
  'user-count': ['threshold', 'metric'],
  'revenue-threshold': ['threshold', 'currency', 'period'],
  'output-training': ['scope'],
  'non-commercial': ['scope'],
  territorial: ['excluded'],
  'naming-attribution': ['display', 'namePrefix'],
  'flow-down': [],
  'licensor-control': ['mechanism'],
}

export const UNSEEN_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'test', 'fixtures', 'unseen')

/** Fixture file names (texts only), sorted. */
export function listUnseen(dir = UNSEEN_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => !f.endsWith('.expected.json'))
    .sort()
}

export function readExpected(file: string, dir = UNSEEN_DIR): Expected {
  return JSON.parse(readFileSync(join(dir, file.replace(/\.\w+$/, '.expected.json')), 'utf8'))
}

const show = (v: unknown) => JSON.stringify(v)

/** Parameter differences between a finding and an expectation (territory lists compare as sets). */
export function parameterProblems(kind: RestrictionKind, got: Record<string, unknown>, want: Record<string, unknown>): string[] {
  const problems: string[] = []
  for (const key of KEY_PARAMETERS[kind]) {
    let g = got[key]
    let w = want[key]
    if (key === 'excluded') {
      g = Array.isArray(g) ? [...new Set(g as string[])].sort() : g
      w = Array.isArray(w) ? [...new Set(w as string[])].sort() : w
    }
    if (show(g) !== show(w)) problems.push(`${key}: got ${show(g)}, want ${show(w)}`)
  }
  return problems
}

/** Does any evidence span of `f` overlap `[at, at + len)`? */
const overlaps = (f: RestrictionFinding, at: number, len: number) =>
  f.evidence.some((ev) => ev.position.start.offset < at + len && ev.position.end.offset > at)

/** Every evidence text must equal the source slice its position names. */
export function evidenceProblems(source: string, found: RestrictionFinding[]): string[] {
  const problems: string[] = []
  for (const f of found) {
    if (f.evidence.length === 0) problems.push(`${f.kind}: no evidence`)
    for (const ev of f.evidence) {
      const slice = source.slice(ev.position.start.offset, ev.position.end.offset)
      if (slice !== ev.text) problems.push(`${f.kind}: evidence text ${show(ev.text.slice(0, 60))} is not the source slice`)
    }
  }
  return problems
}

/** Compare detector output with the expectation, kind by kind. */
export function compareKinds(source: string, found: RestrictionFinding[], expected: Expected): KindResult[] {
  const results: KindResult[] = []
  const presentKinds = [...new Set(expected.present.map((e) => e.kind))]
  for (const kind of presentKinds) {
    const wants = expected.present.filter((e) => e.kind === kind)
    const gots = found.filter((f) => f.kind === kind)
    const problems: string[] = []
    if (gots.length === 0) problems.push('not found')
    else if (gots.length !== wants.length)
      problems.push(`${gots.length} findings, want ${wants.length}: ${gots.map((g) => show(g.parameters)).join(' ')}`)
    for (const want of wants) {
      if (gots.length === 0) break
      const at = source.indexOf(want.covers)
      if (at < 0 || source.indexOf(want.covers, at + 1) >= 0) {
        problems.push(`fixture error: covers ${show(want.covers)} is not a unique substring`)
        continue
      }
      // Pair the expectation with the finding whose parameters fit best, then check its evidence.
      const scored = gots.map((g) => ({ g, diff: parameterProblems(kind, g.parameters, want.parameters) }))
      scored.sort((a, b) => a.diff.length - b.diff.length)
      const best = scored[0]
      problems.push(...best.diff)
      if (!overlaps(best.g, at, want.covers.length))
        problems.push(`evidence misses ${show(want.covers)} (got ${best.g.evidence.map((ev) => show(ev.text.slice(0, 50))).join(', ')})`)
    }
    results.push({ kind, expectation: 'present', problems })
  }
  for (const kind of expected.absent) {
    // No carried-in exemption: detectRestrictions reads this text only, so every finding rests on it.
    const gots = found.filter((f) => f.kind === kind)
    const problems = gots.map(
      (g) => `false positive ${show(g.parameters)} on ${g.evidence.map((ev) => show(ev.text.slice(0, 80))).join(', ')}`,
    )
    results.push({ kind, expectation: 'absent', problems })
  }
  return results
}

/** Run the detectors on one fixture and compare. */
export function checkUnseen(file: string, dir = UNSEEN_DIR) {
  const source = readFileSync(join(dir, file), 'utf8')
  const expected = readExpected(file, dir)
  const found = detectRestrictions(source, createLineIndex(source))
  return { source, expected, found, kinds: compareKinds(source, found, expected), evidence: evidenceProblems(source, found) }
}

function main() {
  const verbose = process.argv.includes('--verbose')
  const table = new Map<string, { pass: number; fail: number }>()
  const failures: string[] = []
  const files = listUnseen()
  for (const file of files) {
    const { kinds, evidence } = checkUnseen(file)
    for (const r of kinds) {
      const key = `${r.kind} (${r.expectation})`
      const row = table.get(key) ?? { pass: 0, fail: 0 }
      r.problems.length ? row.fail++ : row.pass++
      table.set(key, row)
      if (r.problems.length) failures.push(`${file}#${r.kind}: ${r.problems.join('; ')}`)
    }
    if (evidence.length) failures.push(`${file}#evidence: ${evidence.join('; ')}`)
  }
  console.log(`${files.length} texts`)
  for (const [key, { pass, fail }] of [...table].sort()) console.log(`${key.padEnd(34)} pass ${pass}  fail ${fail}`)
  if (verbose || failures.length) console.log(`\n${failures.join('\n')}`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main()
