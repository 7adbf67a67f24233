import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { correctLicenseId, parseLicenseExpression } from '../../src/match/expression.js'
import { isDeprecatedId, resolveLicenseId } from '../../src/match/expression-ids.js'

describe('parseLicenseExpression', () => {
  const valid: [string, string, string[]][] = [
    ['MIT', 'MIT', ['MIT']],
    ['mit', 'MIT', ['MIT']],
    ['apache-2.0 or mit', 'Apache-2.0 OR MIT', ['Apache-2.0', 'MIT']],
    ['GPL-2.0', 'GPL-2.0-only', ['GPL-2.0-only']],
    ['GPL-2.0+', 'GPL-2.0-or-later', ['GPL-2.0-or-later']],
    ['GPL-2.0-or-later', 'GPL-2.0-or-later', ['GPL-2.0-or-later']],
    ['GPL-2.0-only+', 'GPL-2.0-or-later', ['GPL-2.0-or-later']],
    ['LGPL-2.1', 'LGPL-2.1-only', ['LGPL-2.1-only']],
    ['GPL-2.0+ or X11', 'GPL-2.0-or-later OR X11', ['GPL-2.0-or-later', 'X11']],
    ['gpl-2.0 with classpath-exception-2.0', 'GPL-2.0-only WITH Classpath-exception-2.0', ['GPL-2.0-only']],
    ['GPL-2.0-with-classpath-exception', 'GPL-2.0-only WITH Classpath-exception-2.0', ['GPL-2.0-only']],
    ['StandardML-NJ', 'SMLNJ', ['SMLNJ']],
    ['(MIT OR Apache-2.0) AND BSD-3-Clause', '(MIT OR Apache-2.0) AND BSD-3-Clause', ['MIT', 'Apache-2.0', 'BSD-3-Clause']],
    ['MIT OR Apache-2.0 AND Zlib', 'MIT OR (Apache-2.0 AND Zlib)', ['MIT', 'Apache-2.0', 'Zlib']],
    ['((MIT))', 'MIT', ['MIT']],
    ['MPL-1.1+', 'MPL-1.1+', ['MPL-1.1']],
    ['licenseref-my-terms', 'LicenseRef-my-terms', ['LicenseRef-my-terms']],
    ['DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2', 'DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2', ['DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2']],
    ['  MIT\n  AND\tISC ', 'MIT AND ISC', ['MIT', 'ISC']],
    ['NOASSERTION', 'NOASSERTION', []],
  ]
  it.each(valid)('accepts %j as %j', (input, expression, ids) => {
    expect(parseLicenseExpression(input)).toEqual({ ok: true, expression, ids })
  })

  const invalid: [string, string | undefined][] = [
    ['', undefined],
    ['Apache 2.0', 'Apache-2.0'],
    ['MIT License', 'MIT'],
    ['GNU GPL v2 or later', 'GPL-2.0-or-later'],
    ['GPLv2 / MIT', 'GPL-2.0-only OR MIT'],
    ['MIT, Apache 2', 'MIT AND Apache-2.0'],
    ['MIT AND', undefined],
    ['MIT WITH MIT', undefined],
    ['my own license', undefined],
    ['x'.repeat(5000), undefined],
  ]
  it.each(invalid)('rejects %j (suggesting %j) without throwing', (input, suggestion) => {
    const result = parseLicenseExpression(input)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.reason.length).toBeGreaterThan(0)
    expect(result.suggestion).toBe(suggestion)
  })

  it('quotes the input in the reason', () => {
    const result = parseLicenseExpression('Foo-1.0 OR MIT')
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('"Foo-1.0 OR MIT"') })
  })

  it('never throws on odd input', () => {
    for (const input of ['(', ')', 'AND', '+', 'MIT+(', 'WITH', '\u0000', 'DocumentRef-x', 'MIT OR OR ISC']) {
      expect(() => parseLicenseExpression(input)).not.toThrow()
      expect(parseLicenseExpression(input).ok).toBe(false)
    }
  })
})

describe('correctLicenseId', () => {
  const cases: [string, string | undefined][] = [
    ['apache2', 'Apache-2.0'],
    ['Apache License, Version 2.0', 'Apache-2.0'],
    ['GPLv3', 'GPL-3.0-only'],
    ['GNU GPL v3+', 'GPL-3.0-or-later'],
    ['LGPLv2.1+', 'LGPL-2.1-or-later'],
    ['mit license', 'MIT'],
    ['The MIT License', 'MIT'],
    ['new BSD', 'BSD-3-Clause'],
    ['BSD 2-Clause', 'BSD-2-Clause'],
    ['cc-by-sa-4.0', 'CC-BY-SA-4.0'],
    ['GNU Lesser General Public License v2.1 or later', 'LGPL-2.1-or-later'],
    ['Creative Commons Attribution 4.0 International', 'CC-BY-4.0'],
    ['Llama 3.1 Community License', 'LicenseRef-llama-3.1-community'],
    ['MIT-licensed parser for Apache logs', undefined],
    ['BSD', undefined],
    ['GPL', undefined],
    ['proprietary', undefined],
  ]
  it.each(cases)('%j → %j', (raw, expected) => {
    expect(correctLicenseId(raw)).toBe(expected)
  })
})

// The successor table is written by hand from the SPDX XML; check it against the XML when the data is present.
const xmlDir = join(__dirname, '../../../shared/spdx/licenses')
describe.skipIf(!existsSync(xmlDir))('deprecated ids', () => {
  it('resolve to the successors the SPDX XML names', () => {
    let checked = 0
    for (const file of readdirSync(xmlDir)) {
      const xml = readFileSync(join(xmlDir, file), 'utf8')
      const id = /licenseId="([^"]+)"/.exec(xml)?.[1]
      if (!id || !/deprecatedVersion=/.test(xml) || id.endsWith('+')) continue
      expect(isDeprecatedId(id)).toBe(true)
      const plain = /<obsoletedBy>([^<]+)<\/obsoletedBy>/.exec(xml)?.[1]
      if (!plain) continue
      const resolved = resolveLicenseId(id)
      const printed = resolved.exception ? `${resolved.license} WITH ${resolved.exception}` : resolved.license
      // the XML names the old "GPL-2.0" in some successors; ours are current ids
      expect(printed).toBe(parseLicenseExpression(plain).ok ? (parseLicenseExpression(plain) as { expression: string }).expression : plain)
      checked++
    }
    expect(checked).toBeGreaterThan(20)
  })
})
