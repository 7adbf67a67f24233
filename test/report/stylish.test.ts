// toStylish: what a person needs to see is there, in order, with and without colour.
import { describe, expect, it } from 'vitest'
import { toStylish } from '../../src/report/stylish.js'
import { auditReport, fileReport } from './fixtures.js'

describe('toStylish: files', () => {
  const text = toStylish(fileReport)
  const lines = text.split('\n')

  it('shows the license with confidence, matcher, line range and nearest candidate', () => {
    expect(lines[0]).toBe('models/a b/LICENSE  license  →  LicenseRef-llama-3.1-community')
    expect(text).toMatch(/LicenseRef-llama-3\.1-community {2}0\.97 {2}dice {2}1:1–90:20 {2}nearest LicenseRef-llama-3-community 0\.90/)
  })

  it('puts declared and governing side by side', () => {
    expect(lines[1]).toMatch(/declared +MIT \(“mit”\) at 2:10–13 +governing {2}LicenseRef-llama-3\.1-community/)
  })

  it('lists restrictions and diagnostics with severity, reason, place and rule', () => {
    expect(text).toMatch(/warning +user-count +Rights end above 700 million monthly active users +30:5–60 +licit:user-threshold/)
    expect(text).toMatch(/info +Closest reference only at 0\.97 +licit:low-confidence/)
    expect(lines.at(-2)).toBe('  1 license · 1 restriction · 0 errors · 1 warning · 1 info')
  })

  it('separates several files with a blank line and says when no license was found', () => {
    const none = { ...fileReport, path: 'empty.txt', expression: 'NONE', declared: undefined, licenses: [], restrictions: [], diagnostics: [] }
    const two = toStylish([fileReport, none])
    expect(two).toContain('\n\nempty.txt  license  →  NONE\n')
    expect(two).toMatch(/licenses {2}no license found/)
  })
})

describe('toStylish: audits', () => {
  const text = toStylish(auditReport)

  it('has a header, one table row per package and the summary line', () => {
    expect(text.startsWith('licit audit /srv/models tree\n2 packages · 10 files (3 analyzed, 0 skipped) · 1.2 s\n')).toBe(true)
    expect(text).toMatch(/PACKAGE +VERSION +TYPE +DECLARED +GOVERNING +FINDINGS/)
    expect(text).toMatch(/jane\/tuned +1\.0 +model +MIT +MIT AND LicenseRef-llama-3\.1-community +1 error, 1 warning/)
    expect(text.trimEnd().endsWith('✖ 2 violations')).toBe(true)
  })

  it('shows mismatches, inherited restrictions with their path, violations and walk diagnostics', () => {
    expect(text).toMatch(/Mismatches\n +error +jane\/tuned@1\.0 +Declares MIT.* +jane__tuned\/README\.md:2:10 +licit:lineage-permissive-declaration/)
    expect(text).toContain('(inherited through org/base)')
    expect(text).toMatch(/Violations\n +error +org\/base: Rights end/)
    expect(text).toMatch(/Walk diagnostics\n +info +out +The symbolic link/)
  })

  it('says so when nothing violates the policy', () => {
    expect(toStylish({ ...auditReport, violations: [], summary: { ...auditReport.summary, violations: 0 } })).toMatch(/✔ no violations\n$/)
  })

  it('colours only when asked', () => {
    expect(text).not.toContain('\u001b[')
    expect(toStylish(auditReport, { color: true })).toContain('\u001b[31m')
  })
})
