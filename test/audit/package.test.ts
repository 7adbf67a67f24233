// Package reports: package.json fields, declared-versus-text mismatches, the governing expression.
import { describe, expect, it } from 'vitest'
import { displayName, finalizePackage, findMismatches, readManifestFields, type PackageState } from '../../src/audit/package.js'
import type { FileReport } from '../../src/schema/index.js'

const file = (path: string, expression: string, extra: Partial<FileReport> = {}): FileReport => ({
  schemaVersion: 1,
  path,
  kind: 'license',
  expression,
  licenses: [],
  restrictions: [],
  diagnostics: [],
  counts: { licenses: 0, restrictions: 0, errors: 0, warnings: 0, infos: 0, fatal: 0 },
  ...extra,
})

describe('readManifestFields', () => {
  it('reads name, version and license with evidence into the JSON text', () => {
    const text = '{\n  "name": "x",\n  "version": "1.0.0",\n  "license": "(MIT OR Apache-2.0)"\n}'
    const f = readManifestFields(text)
    expect(f).toMatchObject({ name: 'x', version: '1.0.0', declared: { expression: 'MIT OR Apache-2.0', raw: '(MIT OR Apache-2.0)' } })
    const ev = f.declared?.evidence[0]
    expect(ev && text.slice(ev.position.start.offset, ev.position.end.offset)).toBe(ev?.text)
    expect(ev?.position.start.line).toBe(4)
  })

  it('reads legacy license arrays as a choice, and non-SPDX values as NOASSERTION', () => {
    expect(readManifestFields('{"licenses":[{"type":"MIT"},{"type":"Apache-2.0"}]}').declared?.expression).toBe('MIT OR Apache-2.0')
    expect(readManifestFields('{"license":"SEE LICENSE IN LICENSE.txt"}').declared?.expression).toBe('NOASSERTION')
    expect(readManifestFields('{"license":"UNLICENSED"}').declared?.expression).toBe('NOASSERTION')
    expect(readManifestFields('{"name":"y"}').declared?.expression).toBe('NONE')
  })

  it('reports broken JSON instead of throwing', () => {
    expect(readManifestFields('{"name": ').error).toBeTruthy()
    expect(readManifestFields('[1]').error).toBe('not an object')
  })
})

describe('findMismatches', () => {
  const declared = { expression: 'MIT', evidence: [], path: 'node_modules/p/package.json' }
  it('calls a text that names none of the declared licenses a contradiction', () => {
    const out = findMismatches(declared, [file('node_modules/p/LICENSE', 'Apache-2.0')])
    expect(out).toEqual([expect.objectContaining({ ruleId: 'declared-mismatch', severity: 'error', declared: 'MIT', found: 'Apache-2.0', reason: 'package.json declares MIT but node_modules/p/LICENSE is Apache-2.0' })])
  })
  it('calls extra licenses in a text incomplete, and agreeing texts fine', () => {
    expect(findMismatches(declared, [file('LICENSE', 'MIT AND BSD-3-Clause')]).map((m) => m.ruleId)).toEqual(['declared-incomplete'])
    expect(findMismatches(declared, [file('LICENSE', 'MIT'), file('NOTICE', 'NONE')])).toEqual([])
  })
  it('treats -only / -or-later variants and low-confidence candidates as agreeing', () => {
    expect(findMismatches({ ...declared, expression: 'GPL-2.0-or-later' }, [file('COPYING', 'GPL-2.0-only')])).toEqual([])
    const fuzzy = file('LICENSE', 'X11', { licenses: [{ licenseId: 'X11', confidence: 0.8, matcher: 'dice', evidence: [], candidates: [{ licenseId: 'MIT', confidence: 0.78 }] }] })
    expect(findMismatches(declared, [fuzzy])).toEqual([])
  })
  it('notes a license text when nothing is declared', () => {
    expect(findMismatches({ ...declared, expression: 'NONE' }, [file('LICENSE', 'ISC')]).map((m) => [m.ruleId, m.severity])).toEqual([['license-undeclared', 'info']])
    expect(findMismatches({ ...declared, expression: 'NOASSERTION' }, [file('LICENSE', 'ISC')])).toEqual([])
  })
})

describe('finalizePackage', () => {
  const state = (files: FileReport[], type: PackageState['type'] = 'npm'): PackageState => ({ dir: 'pkg', type, name: 'pkg', keys: new Set(), files, diagnostics: [] })
  it('governs by the declaration plus texts that name something else', () => {
    const s = state([file('pkg/LICENSE', 'Apache-2.0')])
    s.manifestDeclared = { expression: 'MIT', evidence: [], path: 'pkg/package.json' }
    const r = finalizePackage(s)
    expect(r.expression).toBe('MIT AND Apache-2.0')
    expect(r.licenses).toEqual(['MIT', 'Apache-2.0'])
    expect(r.mismatches.map((m) => m.ruleId)).toEqual(['declared-mismatch'])
  })
  it('falls back to README and notices when there is neither declaration nor license text', () => {
    const r = finalizePackage(state([file('pkg/README.md', 'ISC', { kind: 'text' }), file('pkg/sub/NOTICE', 'Zlib')], 'folder'))
    expect(r.expression).toBe('ISC')
  })
  it("does not hold a model's code license against its card", () => {
    const card = file('pkg/README.md', 'LicenseRef-llama-3.1-community', { kind: 'model-card', declared: { expression: 'LicenseRef-llama-3.1-community', evidence: [] } })
    const r = finalizePackage(state([card, file('pkg/LICENSE-CODE', 'MIT'), file('pkg/LICENSE', 'Apache-2.0')], 'model'))
    expect(r.expression).toBe('LicenseRef-llama-3.1-community AND Apache-2.0 AND MIT')
    expect(r.mismatches.map((m) => `${m.ruleId} ${m.path}`)).toEqual(['declared-mismatch pkg/LICENSE'])
  })
  it('lets each file of a LICENSES/ folder add to the declaration, never contradict it', () => {
    const s = state([file('pkg/LICENSES/MIT.txt', 'MIT'), file('pkg/LICENSES/CC0-1.0.txt', 'CC0-1.0')], 'folder')
    s.manifestDeclared = { expression: 'MIT', evidence: [], path: 'pkg/package.json' }
    expect(finalizePackage(s).mismatches.map((m) => `${m.ruleId} ${m.severity} ${m.path}`)).toEqual(['declared-incomplete warning pkg/LICENSES/CC0-1.0.txt'])
  })
})

describe('displayName', () => {
  it('turns the hub mirror convention org__name into org/name', () => {
    expect(displayName('meta-llama__Llama-3.1-8B')).toBe('meta-llama/Llama-3.1-8B')
    expect(displayName('plain')).toBe('plain')
  })
})
