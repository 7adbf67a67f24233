// Which names are license-relevant, and reading one file into a report without throwing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { analyzeFile, detach, isCardName, isLicenseRelevantName, isLicenseTextName, isTextCandidate } from '../../src/audit/files.js'

describe('file names', () => {
  it.each(['LICENSE', 'LICENCE.md', 'license.txt', 'COPYING', 'COPYING.LESSER', 'LICENSE-MIT', 'LICENSE.APACHE2', 'MODEL_LICENSE', 'LICENSE-MODEL', 'Llama2_LICENSE.txt', 'UNLICENSE'])('%s is a license text', (name) => {
    expect(isLicenseTextName(name)).toBe(true)
    expect(isLicenseRelevantName(name)).toBe(true)
  })
  it.each(['NOTICE', 'THIRD_PARTY_NOTICES.txt', 'COPYRIGHT', 'PATENTS', 'USE_POLICY.md', 'ACCEPTABLE_USE_POLICY', 'Terms_of_Use.md', 'README.md', 'readme', 'MODEL_CARD.md', 'README.markdown'])('%s is license-relevant but not a license text', (name) => {
    expect(isLicenseTextName(name)).toBe(false)
    expect(isLicenseRelevantName(name)).toBe(true)
  })
  it.each(['license.js', 'licenses.json', 'LICENSE.png', 'check-license.ts', 'index.js', 'notes.md', 'README.js'])('%s is not license-relevant', (name) => {
    expect(isLicenseRelevantName(name)).toBe(false)
  })
  it('recognizes cards and text candidates', () => {
    expect(isCardName('README.md')).toBe(true)
    expect(isCardName('model-card.md')).toBe(true)
    expect(isCardName('LICENSE')).toBe(false)
    expect(isTextCandidate('main.c')).toBe(true)
    expect(isTextCandidate('model.safetensors')).toBe(false)
  })
})

describe('analyzeFile', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'licit-files-'))
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))

  it('classifies a file, keeping the path relative and merging decoding diagnostics', async () => {
    const abs = join(tmp, 'LICENSE')
    writeFileSync(abs, Buffer.concat([Buffer.from('SPDX-License-Identifier: MIT\n\u00a9 M'), Buffer.from([0xfc]), Buffer.from('ller\n')]))
    const r = await analyzeFile(abs, 'pkg/LICENSE', 1000)
    expect(r.skipped).toBe(false)
    expect(r.report).toMatchObject({ path: 'pkg/LICENSE', expression: 'MIT' })
    expect(r.report.diagnostics[0]).toMatchObject({ ruleId: 'encoding-fallback' })
    expect(r.report.counts.infos).toBeGreaterThanOrEqual(1)
    expect(r.text?.includes('Müller')).toBe(true)
  })

  it('turns a missing file into a fatal diagnostic instead of throwing', async () => {
    const r = await analyzeFile(join(tmp, 'gone'), 'gone', 1000)
    expect(r.skipped).toBe(true)
    expect(r.report.diagnostics).toEqual([expect.objectContaining({ ruleId: 'unreadable-file', fatal: true, reason: expect.stringContaining('ENOENT') })])
    expect(r.report.counts).toMatchObject({ warnings: 1, fatal: 1 })
  })

  it('detaches reports from the text they quote', () => {
    const source = 'x'.repeat(100) + 'quoted words here'
    const report = { evidence: { text: source.slice(100) } }
    const copy = detach(report)
    expect(copy).toEqual(report)
    expect(copy).not.toBe(report)
  })
})
