// Policy: config loading and the violations of a package.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { evaluatePolicy, loadPolicy, mergePolicy } from '../../src/audit/policy.js'
import { LicitError } from '../../src/errors.js'
import type { PackageReport } from '../../src/schema/index.js'

const pkg = (expression: string, extra: Partial<PackageReport> = {}): PackageReport => ({
  name: 'p',
  version: '1.0.0',
  dir: 'node_modules/p',
  type: 'npm',
  expression,
  licenses: [],
  restrictions: [],
  mismatches: [],
  diagnostics: [],
  files: [],
  ...extra,
})

const restriction = (kind: 'non-commercial' | 'user-count', severity: 'error' | 'warning' | 'info') => ({
  ruleId: 'r',
  source: 'licit',
  severity,
  reason: `a ${kind} clause`,
  kind,
  parameters: {},
  evidence: [],
  path: 'node_modules/p/LICENSE',
})

describe('evaluatePolicy', () => {
  it('denies a license only when no choice avoids it', () => {
    expect(evaluatePolicy(pkg('GPL-3.0-only'), { deny: ['gpl-3.0-only'] })).toEqual([expect.objectContaining({ ruleId: 'policy-deny', licenseId: 'GPL-3.0-only', package: 'node_modules/p' })])
    expect(evaluatePolicy(pkg('MIT OR GPL-3.0-only'), { deny: ['GPL-3.0-only'] })).toEqual([])
    expect(evaluatePolicy(pkg('MIT AND GPL-3.0-only'), { deny: ['GPL-3.0-only'] })).toHaveLength(1)
  })

  it('allows only what the allow list can satisfy, and never an unidentified license', () => {
    expect(evaluatePolicy(pkg('MIT OR GPL-3.0-only'), { allow: ['MIT'] })).toEqual([])
    expect(evaluatePolicy(pkg('Apache-2.0'), { allow: ['MIT'] }).map((v) => v.ruleId)).toEqual(['policy-not-allowed'])
    expect(evaluatePolicy(pkg('NOASSERTION'), { allow: ['MIT'] }).map((v) => v.reason)).toEqual([expect.stringContaining('no identifiable license')])
    expect(evaluatePolicy(pkg('GPL-2.0-only WITH Classpath-exception-2.0'), { allow: ['GPL-2.0-only WITH Classpath-exception-2.0'] })).toEqual([])
  })

  it('fails on listed restriction kinds whatever their severity, and on anything at or above the severity', () => {
    const p = pkg('LicenseRef-x', { restrictions: [restriction('user-count', 'info'), restriction('non-commercial', 'warning')] })
    expect(evaluatePolicy(p, {})).toEqual([])
    expect(evaluatePolicy(p, { failOn: ['user-count'] })).toEqual([expect.objectContaining({ ruleId: 'policy-fail-on', kind: 'user-count', severity: 'error', path: 'node_modules/p/LICENSE' })])
    expect(evaluatePolicy(p, { severity: 'warning' }).map((v) => v.kind)).toEqual(['non-commercial'])
    const mismatch = { ruleId: 'declared-mismatch', source: 'licit', severity: 'error' as const, reason: 'package.json declares MIT but LICENSE is ISC', declared: 'MIT', found: 'ISC' }
    expect(evaluatePolicy(pkg('MIT AND ISC', { mismatches: [mismatch] }), {}).map((v) => v.reason)).toEqual(['p@1.0.0: package.json declares MIT but LICENSE is ISC'])
    expect(evaluatePolicy(pkg('MIT AND ISC', { mismatches: [mismatch] }), { severity: 'off' })).toEqual([])
  })
})

describe('loadPolicy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'licit-policy-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reads .licitrc.json from the root when present, and nothing otherwise', async () => {
    expect(await loadPolicy(dir, undefined)).toEqual({})
    writeFileSync(join(dir, '.licitrc.json'), '{"deny": ["AGPL-3.0-only"], "failOn": ["output-training"]}')
    expect(await loadPolicy(dir, undefined)).toEqual({ deny: ['AGPL-3.0-only'], failOn: ['output-training'] })
    expect(await loadPolicy(dir, false)).toEqual({})
  })

  it('rejects a missing explicit config, bad JSON and unknown fields with coded errors', async () => {
    await expect(loadPolicy(dir, join(dir, 'nope.json'))).rejects.toMatchObject({ code: 'E_CONFIG_NOT_FOUND' })
    writeFileSync(join(dir, 'bad.json'), '{deny: [}')
    await expect(loadPolicy(dir, join(dir, 'bad.json'))).rejects.toBeInstanceOf(LicitError)
    writeFileSync(join(dir, 'odd.json'), '{"failOn": ["everything"], "colour": 1}')
    const error = await loadPolicy(dir, join(dir, 'odd.json')).catch((e) => e)
    expect(error).toMatchObject({ code: 'E_CONFIG_INVALID' })
    expect(error.message).toMatch(/failOn/)
  })

  it('lets options win field by field', () => {
    expect(mergePolicy({ deny: ['A'], failOn: ['user-count'] }, { deny: ['B'], allow: undefined })).toEqual({ deny: ['B'], failOn: ['user-count'] })
  })
})
