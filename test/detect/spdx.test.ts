// No invented restrictions: the detectors run over every SPDX license text (npm spdx-license-list).
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { detectRestrictions } from '../../src/detect/index.js'
import { createLineIndex } from '../../src/text/index.js'

const require = createRequire(import.meta.url)
const spdx: Record<string, { licenseText?: string }> = require('spdx-license-list/full')
const kindsOf = (id: string) => {
  const text = spdx[id].licenseText ?? ''
  return [...new Set(detectRestrictions(text, createLineIndex(text)).map((f) => f.kind))].sort()
}

describe('SPDX texts', () => {
  it.each(['MIT', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC', '0BSD', 'Zlib', 'Unlicense', 'CC0-1.0', 'CC-BY-4.0', 'BSL-1.0', 'PostgreSQL', 'OpenMDW-1.0', 'Artistic-2.0', 'MIT-0', 'X11'])(
    'permissive %s yields nothing',
    (id) => {
      expect(kindsOf(id)).toEqual([])
    },
  )

  it.each(['GPL-2.0-only', 'GPL-3.0-only', 'AGPL-3.0-only', 'LGPL-2.1-only', 'LGPL-3.0-only', 'MPL-2.0', 'EPL-2.0', 'CDDL-1.0', 'CC-BY-SA-4.0'])(
    'copyleft %s yields flow-down only',
    (id) => {
      expect(kindsOf(id)).toEqual(['flow-down'])
    },
  )

  it.each(['CC-BY-NC-4.0', 'CC-BY-NC-ND-4.0', 'CC-BY-NC-3.0', 'PolyForm-Noncommercial-1.0.0'])('%s is non-commercial', (id) => {
    expect(kindsOf(id)).toContain('non-commercial')
  })

  it('CC-BY-NC-SA-4.0 is non-commercial and flows down', () => {
    expect(kindsOf('CC-BY-NC-SA-4.0')).toEqual(['flow-down', 'non-commercial'])
  })

  it('keeps the use-restriction and licensor-control kinds rare across the whole list', () => {
    const counts: Record<string, number> = {}
    for (const [id, v] of Object.entries(spdx)) if (v.licenseText) for (const k of kindsOf(id)) counts[k] = (counts[k] ?? 0) + 1
    // Measured: field-of-use 1 (Hippocratic), licensor-control 4 (APSL-1.x, OCLC, Unicode-TOU), naming-attribution
    // 9 (SugarCRM's "Powered by" logo and the quoted advertising acknowledgements of Apache-1.0, OpenSSL, ZPL-1.1
    // and kin — a required public credit string, like Falcon's public-statement sentence), revenue-threshold 1
    // (PolyForm Small Business); no user-count, output-training or territorial. A jump means a detector started
    // inventing restrictions.
    expect(counts['field-of-use'] ?? 0).toBeLessThanOrEqual(2)
    expect(counts['licensor-control'] ?? 0).toBeLessThanOrEqual(6)
    expect(counts['naming-attribution'] ?? 0).toBeLessThanOrEqual(10)
    expect(counts['revenue-threshold'] ?? 0).toBeLessThanOrEqual(1)
    expect(counts['user-count'] ?? 0).toBe(0)
    expect(counts['output-training'] ?? 0).toBe(0)
    expect(counts.territorial ?? 0).toBe(0)
  })
})
