import { describe, expect, it } from 'vitest'
import { findSpdxTags, matchSpdxTags } from '../../src/match/spdx-id.js'
import { createLineIndex } from '../../src/text/index.js'

const run = (source: string) => matchSpdxTags(source, createLineIndex(source))

describe('matchSpdxTags', () => {
  const valid: [string, string, string | undefined][] = [
    ['SPDX-License-Identifier: MIT\n', 'MIT', undefined],
    ['// SPDX-License-Identifier: GPL-2.0+\nint x;', 'GPL-2.0-or-later', undefined],
    ['/* SPDX-License-Identifier: LGPL-2.1 */', 'LGPL-2.1-only', undefined],
    ['<!-- SPDX-License-Identifier: CC-BY-4.0 -->', 'CC-BY-4.0', undefined],
    ['# spdx-license-identifier: apache-2.0', 'Apache-2.0', undefined],
    [' * SPDX-License-Identifier:     GPL-2.0+ or X11\n', 'GPL-2.0-or-later', 'GPL-2.0-or-later OR X11'],
    ['(* SPDX-License-Identifier: (MIT OR Apache-2.0) AND Zlib *)', 'MIT', '(MIT OR Apache-2.0) AND Zlib'],
    ['-- SPDX-License-Identifier: GPL-2.0-only WITH Linux-syscall-note', 'GPL-2.0-only', 'GPL-2.0-only WITH Linux-syscall-note'],
    ['x = "SPDX-License-Identifier: BSD-3-Clause";', 'BSD-3-Clause', undefined],
    ['SPDX-License-Identifier: LicenseRef-acme-eula\r\n', 'LicenseRef-acme-eula', undefined],
    ['{{/* SPDX-License-Identifier: MPL-2.0. */}}', 'MPL-2.0', undefined],
  ]
  it.each(valid)('reads %j as %s', (source, licenseId, expression) => {
    const { findings, diagnostics } = run(source)
    expect(diagnostics).toEqual([])
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ licenseId, matcher: 'spdx-tag', confidence: 1 })
    expect(findings[0].expression).toBe(expression)
    for (const e of findings[0].evidence) expect(source.slice(e.position.start.offset, e.position.end.offset)).toBe(e.text)
    expect(findings[0].evidence[0].text).toMatch(/^SPDX-License-Identifier/i)
  })

  it('finds several tags, also in the middle of a file', () => {
    const source = 'int a;\n/* SPDX-License-Identifier: MIT */\nint b;\n# SPDX-License-Identifier: ISC\n'
    const { findings } = run(source)
    expect(findings.map((f) => f.licenseId)).toEqual(['MIT', 'ISC'])
    expect(findings[1].evidence[0].position.start).toEqual({ line: 4, column: 3, offset: 51 })
  })

  const invalid: [string, number, number, number, number, string | undefined][] = [
    // source, line, column, endLine, endColumn, salvaged license
    ['// SPDX-License-Identifier: Apache 2.0\n', 1, 29, 1, 39, 'Apache-2.0'],
    ['x\n# SPDX-License-Identifier: GPL-2.0 and/or MIT license\n', 2, 28, 2, 54, 'GPL-2.0-only'],
    ['/* SPDX-License-Identifier: my own terms */', 1, 29, 1, 41, undefined],
    ['SPDX-License-Identifier:\n', 1, 25, 1, 25, undefined],
  ]
  it.each(invalid)('warns on %j', (source, line, column, endLine, endColumn, salvaged) => {
    const { findings, diagnostics } = run(source)
    expect(diagnostics).toHaveLength(1)
    const [d] = diagnostics
    expect(d).toMatchObject({ ruleId: 'invalid-spdx-expression', severity: 'warning' })
    expect(d.position).toMatchObject({ start: { line, column }, end: { line: endLine, column: endColumn } })
    if (salvaged) {
      expect(d.reason).toContain(source.slice(d.position!.start.offset, d.position!.end.offset))
      expect(findings[0]).toMatchObject({ licenseId: salvaged, matcher: 'spdx-tag' })
      expect(findings[0].confidence).toBeLessThan(1)
    } else {
      expect(findings).toEqual([])
    }
  })

  it('does not warn about a tag named in prose', () => {
    expect(run('Add an SPDX-License-Identifier: line to every file.')).toEqual({ findings: [], diagnostics: [] })
    // a valid value still counts
    expect(run('It says SPDX-License-Identifier: MIT').findings).toHaveLength(1)
  })

  it('ignores NONE and NOASSERTION values', () => {
    expect(run('SPDX-License-Identifier: NOASSERTION')).toEqual({ findings: [], diagnostics: [] })
  })

  it('finds nothing in text without a tag', () => {
    expect(run('Licensed under the MIT license.')).toEqual({ findings: [], diagnostics: [] })
  })
})

describe('findSpdxTags', () => {
  it('returns value spans that slice back to the value', () => {
    const source = 'a\n  * SPDX-License-Identifier: MIT OR ISC */\n'
    const [tag] = findSpdxTags(source)
    expect(source.slice(tag.valueStart, tag.valueEnd)).toBe('MIT OR ISC')
    expect(tag.value).toBe('MIT OR ISC')
  })

  // The next two complete inside the test timeout; a backtracking regex would not. No timed assertion: machines are
  // noisy, and figures live in `npm run bench`.
  it('reports every one of many broken tags', () => {
    const source = 'SPDX-License-Identifier: Apache 2 OR\n'.repeat(5000)
    const { diagnostics } = matchSpdxTags(source, createLineIndex(source))
    expect(diagnostics).toHaveLength(5000)
  })

  it('reads a long line without a terminator', () => {
    const source = 'SPDX-License-Identifier: ' + 'MIT '.repeat(200_000)
    expect(findSpdxTags(source).length).toBeGreaterThan(0)
  })
})
