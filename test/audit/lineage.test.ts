// Lineage: base_model links resolved inside the tree pass binding licenses and restrictions down.
import { describe, expect, it } from 'vitest'
import { applyLineage, normalizeModelId, type LineageNode } from '../../src/audit/lineage.js'
import type { PackageReport, PackageRestriction } from '../../src/schema/index.js'

const pos = { start: { line: 2, column: 10, offset: 13 }, end: { line: 2, column: 13, offset: 16 } }

function node(dir: string, name: string, expression: string, opts: { declared?: string; bases?: string[]; restrictions?: PackageRestriction[]; keys?: string[] } = {}): LineageNode {
  const report: PackageReport = {
    name,
    dir,
    type: 'model',
    ...(opts.declared ? { declared: { expression: opts.declared, evidence: [{ position: pos, text: 'mit' }], path: `${dir}/README.md` } } : {}),
    expression,
    licenses: [],
    restrictions: opts.restrictions ?? [],
    mismatches: [],
    diagnostics: [],
    files: [],
  }
  return { report, keys: new Set(opts.keys ?? [name.toLowerCase(), dir.toLowerCase()]), baseModels: (opts.bases ?? []).map((id) => ({ id, evidence: [] })) }
}

const userCount: PackageRestriction = {
  ruleId: 'user-threshold',
  source: 'licit',
  severity: 'warning',
  reason: 'Rights end above 700 million monthly active users',
  kind: 'user-count',
  licenseId: 'LicenseRef-llama-3.1-community',
  parameters: { threshold: 700000000 },
  evidence: [],
  path: 'base/LICENSE',
}

describe('normalizeModelId', () => {
  it('drops the hub URL and case', () => {
    expect(normalizeModelId('https://huggingface.co/Org/Name/')).toBe('org/name')
  })
})

describe('applyLineage', () => {
  it('passes a binding license and its restrictions down a chain, recording the path', () => {
    const base = node('base', 'org/base', 'LicenseRef-llama-3.1-community', { restrictions: [userCount] })
    const tuned = node('tuned', 'jane/tuned', 'NOASSERTION', { bases: ['Org/Base'] })
    const quant = node('quant', 'bob/quant', 'NONE', { bases: ['jane/tuned'] })
    applyLineage([quant, tuned, base])
    expect(tuned.report.expression).toBe('LicenseRef-llama-3.1-community')
    expect(quant.report.expression).toBe('LicenseRef-llama-3.1-community')
    expect(tuned.report.restrictions).toEqual([expect.objectContaining({ kind: 'user-count', path: 'base/LICENSE', parameters: { threshold: 700000000, inheritedFrom: ['org/base'] } })])
    expect(quant.report.restrictions[0].parameters.inheritedFrom).toEqual(['jane/tuned', 'org/base'])
    expect(quant.report.lineage).toEqual([{ id: 'jane/tuned', dir: 'tuned', expression: 'LicenseRef-llama-3.1-community' }])
    expect(base.report.lineage).toBeUndefined()
  })

  it('flags a derivative that declares something more permissive than it inherits', () => {
    const base = node('base', 'org/base', 'LicenseRef-llama-3.1-community')
    const tuned = node('tuned', 'jane/tuned', 'MIT', { declared: 'MIT', bases: ['org/base'] })
    applyLineage([base, tuned])
    expect(tuned.report.expression).toBe('MIT AND LicenseRef-llama-3.1-community')
    expect(tuned.report.mismatches).toEqual([
      expect.objectContaining({ ruleId: 'lineage-permissive-declaration', severity: 'error', declared: 'MIT', found: 'LicenseRef-llama-3.1-community', path: 'tuned/README.md', position: pos }),
    ])
  })

  it('does not flag a derivative that declares what it inherits, nor inherit from a permissive base', () => {
    const llama = node('base', 'org/base', 'LicenseRef-llama-3.1-community')
    const same = node('same', 'a/same', 'LicenseRef-llama-3.1-community', { declared: 'LicenseRef-llama-3.1-community', bases: ['org/base'] })
    const apache = node('apache', 'org/apache', 'Apache-2.0')
    const onApache = node('ft', 'a/ft', 'CC-BY-NC-4.0', { declared: 'CC-BY-NC-4.0', bases: ['org/apache'] })
    applyLineage([llama, same, apache, onApache])
    expect(same.report.mismatches).toEqual([])
    expect(onApache.report.expression).toBe('CC-BY-NC-4.0')
    expect(onApache.report.mismatches).toEqual([])
  })

  it('uses the offline license of a base outside the tree for the permissiveness check only', () => {
    const tuned = node('tuned', 'jane/tuned', 'MIT', { declared: 'MIT' })
    tuned.baseModels = [{ id: 'meta-llama/Llama-3.1-8B', licenseId: 'LicenseRef-llama-3.1-community', evidence: [] }]
    applyLineage([tuned])
    expect(tuned.report.expression).toBe('MIT')
    expect(tuned.report.lineage).toEqual([{ id: 'meta-llama/Llama-3.1-8B', expression: 'LicenseRef-llama-3.1-community' }])
    expect(tuned.report.mismatches.map((m) => m.ruleId)).toEqual(['lineage-permissive-declaration'])
  })

  it('resolves a bare name only when it is unique, and cuts cycles', () => {
    const a = node('x/a', 'x/a', 'LicenseRef-llama-3.1-community', { bases: ['y/b'], keys: ['x/a', 'a'] })
    const b = node('y/b', 'y/b', 'NONE', { bases: ['x/a'], keys: ['y/b', 'b'] })
    const c = node('c', 'z/c', 'NONE', { bases: ['other/a'], keys: ['z/c'] })
    applyLineage([a, b, c])
    // a is settled first, so the link b → a closes the cycle and is the one cut.
    expect(b.report.diagnostics.map((d) => d.ruleId)).toEqual(['lineage-cycle'])
    expect(a.report.expression).toBe('LicenseRef-llama-3.1-community')
    expect(a.report.lineage).toEqual([{ id: 'y/b', dir: 'y/b', expression: 'NONE' }])
    expect(c.report.lineage).toEqual([{ id: 'other/a', dir: 'x/a', expression: 'LicenseRef-llama-3.1-community' }])
    const twin = node('w/a', 'w/a', 'MIT', { keys: ['w/a', 'a'] })
    const d = node('d', 'q/d', 'NONE', { bases: ['other/a'], keys: ['q/d'] })
    applyLineage([node('x/a', 'x/a', 'MIT', { keys: ['x/a', 'a'] }), twin, d])
    expect(d.report.lineage).toEqual([{ id: 'other/a' }])
  })
})
