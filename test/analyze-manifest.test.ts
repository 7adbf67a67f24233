// analyzeManifest: declared licenses of package.json, pyproject.toml, Cargo.toml, DESCRIPTION and gemspecs.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyzeManifest } from '../src/analyze-manifest.js'
import { FileReportSchema, type FileReport } from '../src/schema/index.js'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/manifests/${name}`, import.meta.url), 'utf8')

function expectValid(source: string, r: FileReport) {
  expect(FileReportSchema.safeParse(r).success).toBe(true)
  for (const ev of [...r.licenses.flatMap((l) => l.evidence), ...(r.declared?.evidence ?? [])]) {
    expect(source.slice(ev.position.start.offset, ev.position.end.offset)).toBe(ev.text)
  }
}
const npm = (license: unknown) => JSON.stringify({ name: 'x', license })
const rules = (r: FileReport) => r.diagnostics.map((d) => d.ruleId)

describe('analyzeManifest: package.json', () => {
  it('reads an SPDX expression with evidence at the field', () => {
    const src = fixture('package.json')
    const r = analyzeManifest(src, 'package.json', 'package-json')
    expect(r.expression).toBe('MIT OR Apache-2.0')
    expect(r.declared?.evidence[0]).toMatchObject({ text: '"(MIT OR Apache-2.0)"', position: { start: { line: 4, column: 14 } } })
    expect(r.licenses.map((l) => [l.licenseId, l.matcher])).toEqual([
      ['MIT', 'declared'],
      ['Apache-2.0', 'declared'],
    ])
    expectValid(src, r)
  })

  it('reads the legacy licenses array as a choice', () => {
    const src = fixture('legacy-package.json')
    const r = analyzeManifest(src, 'package.json', 'package-json')
    expect(r.expression).toBe('MIT OR GPL-2.0-only')
    expect(rules(r)).toContain('deprecated-license-field')
    expectValid(src, r)
  })

  it('reads the legacy {type, url} object', () => {
    const r = analyzeManifest(npm({ type: 'ISC', url: 'https://x' }), 'package.json', 'package-json')
    expect(r.expression).toBe('ISC')
  })

  it('turns invalid JSON into a fatal diagnostic at the error', () => {
    const src = fixture('broken-package.json')
    const r = analyzeManifest(src, 'package.json', 'package-json')
    const d = r.diagnostics.find((x) => x.ruleId === 'invalid-json')
    expect(d).toMatchObject({ fatal: true, severity: 'error', position: { start: { line: 4, column: 1 } } })
    expect(r.expression).toBe('NOASSERTION')
    expect(r.counts.fatal).toBe(1)
  })

  it('corrects a misspelled id and says so', () => {
    const r = analyzeManifest(npm('Apache 2.0'), 'package.json', 'package-json')
    expect(r.expression).toBe('Apache-2.0')
    const d = r.diagnostics.find((x) => x.ruleId === 'invalid-license-expression')
    expect(d?.severity).toBe('warning')
    expect(d?.reason).toContain('Apache-2.0')
    expect(r.licenses[0].confidence).toBeLessThan(1)
  })

  it('reports NOASSERTION for an unknown license', () => {
    const r = analyzeManifest(npm('Frobnitz Public Terms'), 'package.json', 'package-json')
    expect(r.expression).toBe('NOASSERTION')
    expect(rules(r)).toContain('invalid-license-expression')
  })

  it('follows SEE LICENSE IN as a pointer and UNLICENSED as no grant', () => {
    const see = analyzeManifest(npm('SEE LICENSE IN LICENSE.md'), 'package.json', 'package-json')
    expect(see.expression).toBe('NOASSERTION')
    expect(see.diagnostics.find((d) => d.ruleId === 'license-in-file')?.reason).toContain('LICENSE.md')
    const unl = analyzeManifest(npm('UNLICENSED'), 'package.json', 'package-json')
    expect(unl.expression).toBe('NONE')
    expect(rules(unl)).toContain('unlicensed')
  })

  it('says NONE when no license is declared', () => {
    const r = analyzeManifest('{"name": "x"}', 'package.json', 'package-json')
    expect(r.expression).toBe('NONE')
    expect(r.declared).toBeUndefined()
    expect(rules(r)).toContain('no-declared-license')
  })

  it('never throws on odd JSON', () => {
    for (const src of ['', '[]', '"x"', '{"license": 5}', '{"license": ["MIT"]}', '{'.repeat(5000), '\uFEFF{"license":"MIT"}', '{"a":"\\ud800"}']) {
      expectValid(src, analyzeManifest(src, 'package.json', 'package-json'))
    }
  })
})

describe('analyzeManifest: other manifests', () => {
  it('reads pyproject license = {text} before the classifiers', () => {
    const src = fixture('pyproject.toml')
    const r = analyzeManifest(src, 'pyproject.toml', 'manifest')
    expect(r.expression).toBe('BSD-3-Clause')
    expect(r.declared?.evidence[0].text).toBe('"BSD-3-Clause"')
    expectValid(src, r)
  })

  it('falls back to License classifiers', () => {
    const src = fixture('classifiers-pyproject.toml')
    const r = analyzeManifest(src, 'pyproject.toml', 'manifest')
    expect(r.expression).toBe('LGPL-3.0-only')
    expectValid(src, r)
  })

  it('reads Cargo.toml license and license-file', () => {
    const src = fixture('Cargo.toml')
    expect(analyzeManifest(src, 'Cargo.toml', 'manifest').expression).toBe('MIT OR Apache-2.0')
    const file = analyzeManifest('[package]\nlicense-file = "LICENSE.txt"\n', 'Cargo.toml', 'manifest')
    expect(file.expression).toBe('NOASSERTION')
    expect(rules(file)).toContain('license-in-file')
  })

  it('reads R DESCRIPTION alternatives, versions and + file LICENSE', () => {
    const src = fixture('DESCRIPTION')
    const r = analyzeManifest(src, 'DESCRIPTION', 'manifest')
    expect(r.expression).toBe('GPL-2.0-only OR GPL-3.0-or-later OR MIT')
    expect(r.declared?.evidence.map((e) => e.text)).toEqual(['GPL-2', 'GPL (>= 3)', 'MIT'])
    expectValid(src, r)
  })

  it('reads a gemspec', () => {
    const src = fixture('demo.gemspec')
    const r = analyzeManifest(src, 'demo.gemspec', 'manifest')
    expect(r.expression).toBe('Apache-2.0')
    expectValid(src, r)
  })

  it('reports TOML it cannot parse and still reads the license', () => {
    const src = '[project]\nname = "x\nlicense = "MIT"\n'
    const r = analyzeManifest(src, 'pyproject.toml', 'manifest')
    expect(rules(r)).toContain('invalid-toml')
    expect(r.expression).toBe('MIT')
  })
})
