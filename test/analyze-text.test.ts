// analyzeLicenseText: how tag, full-text and reference findings merge into one expression, which references
// inside a matched text count, and which references carry their license's restrictions.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeLicenseText, buildExpression } from '../src/analyze-text.js'
import type { LicenseFinding } from '../src/schema/index.js'

// third-party texts are read from the installed list at test time, never copied here
const spdx = createRequire(import.meta.url)('spdx-license-list/full') as Record<string, { licenseText: string }>
const text = (id: string) => spdx[id].licenseText
const ids = (source: string) => analyzeLicenseText(source).licenses.map((l) => l.licenseId).sort()
const carried = (source: string) => [...new Set(analyzeLicenseText(source).restrictions.map((r) => r.licenseId))]

/** Insert `sentence` as its own paragraph before the first paragraph that starts with `before`. */
const insert = (source: string, before: RegExp, sentence: string) => {
  const at = source.search(before)
  expect(at).toBeGreaterThan(0)
  return `${source.slice(0, at)}${sentence}\n\n${source.slice(at)}`
}

describe('references inside a matched license text', () => {
  it('keeps an added "Alternatively, … may be distributed under" statement as a choice', () => {
    const source = insert(text('BSD-3-Clause'), /THIS SOFTWARE IS PROVIDED/, 'Alternatively, this software may be distributed under the terms of the GNU General Public License version 2.')
    const a = analyzeLicenseText(source)
    expect(a.expression).toBe('BSD-3-Clause OR GPL-2.0-only')
    // a licensing statement carries the license's known restrictions (GPL: flow-down)
    expect(a.restrictions.some((r) => r.licenseId === 'GPL-2.0-only' && r.kind === 'flow-down')).toBe(true)
  })

  it('keeps an added plain licensing statement, AND-ed', () => {
    const source = insert(text('MIT'), /THE SOFTWARE IS PROVIDED/, 'The documentation in this package is also licensed under the Creative Commons Attribution 4.0 International License.')
    expect(analyzeLicenseText(source).expression).toBe('MIT AND CC-BY-4.0')
  })

  it('drops an added sentence that only talks about another license', () => {
    const source = insert(text('BSD-3-Clause'), /THIS SOFTWARE IS PROVIDED/, 'Note that the GNU General Public License version 2 is a different license.')
    expect(ids(source)).toEqual(['BSD-3-Clause'])
  })

  it("keeps a project's notice right before the text, though the text's appendix holds the same words", () => {
    const gpl = text('GPL-3.0-only')
    // the appendix's "how to apply" notice, read from the installed text, placed before it as a project would
    const notice = /This program is free software:[^]*?any later version\./.exec(gpl)![0]
    expect(analyzeLicenseText(`${notice}\n\n${gpl}`).licenses.map((l) => l.licenseId)).toContain('GPL-3.0-or-later')
  })

  it('drops a cut-off last sentence of the text that names another license', () => {
    const gpl = text('GPL-3.0-only')
    const last = gpl.search(/If\s+this\s+is\s+what\s+you\s+want\s+to\s+do/)
    expect(last).toBeGreaterThan(0)
    // whether or not the region reaches the last sentence, its mention of the Lesser GPL is the text's own
    expect(ids(gpl.slice(0, last) + '\n\n\n' + gpl.slice(last))).toEqual(['GPL-3.0-only'])
  })

  it.each([
    ['GPL-3.0-only'], // §13 names the GNU Affero GPL; the end names the Lesser GPL
    ['LGPL-2.1-only'], // names the ordinary GNU GPL, version 2
    ['MPL-2.0'], // its Secondary Licenses: GPL-2.0, LGPL-2.1, AGPL-3.0
    ['EPL-2.0'], // the same Secondary License list
    ['Apache-2.0'], // its appendix
  ])('a %s text is only itself: its own mentions of other licenses are not findings', (id) => {
    const a = analyzeLicenseText(text(id))
    expect(a.expression).toBe(id)
    expect(a.restrictions.every((r) => r.licenseId === undefined || r.licenseId === id)).toBe(true)
  })
})

describe('choices between findings', () => {
  it('ORs a notice that opens with "Alternatively" with the one before it', () => {
    const source = 'This file is licensed under the MIT license.\n\nAlternatively, you may use it under the terms of the Apache License, Version 2.0.\n'
    expect(analyzeLicenseText(source).expression).toBe('MIT OR Apache-2.0')
  })

  it('ORs a notice offering a license "instead"', () => {
    const source = 'This library is licensed under the MIT license.\n\nYou may instead use it under the terms of the Apache License, Version 2.0.\n'
    expect(analyzeLicenseText(source).expression).toBe('MIT OR Apache-2.0')
  })

  it('does not OR a later sentence whose choice is its own ("either … or")', () => {
    const source = 'The parser is licensed under the MIT license.\n\nThe fonts may be used under either the Apache License, Version 2.0 or the BSD 3-Clause license.\n'
    expect(analyzeLicenseText(source).expression).toBe('MIT AND (Apache-2.0 OR BSD-3-Clause)')
  })

  it('ANDs separate statements without a choice cue', () => {
    const source = 'The code is licensed under the MIT license.\n\nThe images are licensed under the Apache License, Version 2.0.\n'
    expect(analyzeLicenseText(source).expression).toBe('MIT AND Apache-2.0')
  })

  it('ORs a full text that opens with "Alternatively" with the notice before it', () => {
    const bsd = text('BSD-2-Clause').replace(/^[^]*?(Redistribution and use)/, 'Alternatively, $1')
    const source = `This program is free software; you can redistribute it under the terms of the GNU General Public License version 2.\n\n${bsd}`
    expect(analyzeLicenseText(source).expression).toBe('GPL-2.0-only OR BSD-2-Clause')
  })
})

describe('restrictions carried from referenced licenses', () => {
  it('a licensing statement in a notice carries them', () => {
    const a = analyzeLicenseText('This model is licensed under the Llama 3.1 Community License.\n')
    expect(a.expression).toBe('LicenseRef-llama-3.1-community')
    expect(a.restrictions.some((r) => r.licenseId === 'LicenseRef-llama-3.1-community' && r.kind === 'user-count')).toBe(true)
  })

  it('a passing mention next to a matched license text does not', () => {
    const source = `${text('MIT')}\n\nThe wording of the grant above was compared with the Llama 3.1 Community License.\n`
    expect(carried(source)).not.toContain('LicenseRef-llama-3.1-community')
  })

  it('a licensing statement next to a matched license text does', () => {
    const source = `${text('MIT')}\n\nThe model weights are subject to the Llama 3.1 Community License.\n`
    expect(carried(source)).toContain('LicenseRef-llama-3.1-community')
  })

  const shared = join(__dirname, '..', '..', 'shared', 'license-texts')
  it.skipIf(!existsSync(shared))('an acceptable use policy naming its license carries nothing from it', () => {
    const source = readFileSync(join(shared, 'llama-3.2-acceptable-use-policy.txt'), 'utf8')
    expect(ids(source)).not.toContain('LicenseRef-llama-3.2-community')
    expect(carried(source)).not.toContain('LicenseRef-llama-3.2-community')
  })
})

describe('NONE and NOASSERTION', () => {
  it('says NOASSERTION, with an info diagnostic, for a text that only points at a license file', () => {
    const a = analyzeLicenseText('Project page: https://github.com/someone/tool/blob/master/LICENSE.txt\n')
    expect(a.expression).toBe('NOASSERTION')
    expect(a.diagnostics).toMatchObject([{ ruleId: 'license-pointer', severity: 'info' }])
  })

  it('says NONE for a text with no license and no pointer', () => {
    expect(analyzeLicenseText('Copyright 2024 Jane Roe\n\nA tool that prints the weather.\n').expression).toBe('NONE')
  })
})

describe('buildExpression', () => {
  const f = (licenseId: string, expression?: string): LicenseFinding => ({ licenseId, ...(expression ? { expression } : {}), confidence: 1, matcher: 'reference', evidence: [] })

  it('ANDs distinct findings and parenthesizes a choice among others', () => {
    expect(buildExpression([f('MIT'), f('Apache-2.0', 'Apache-2.0 OR MIT'), f('MIT')])).toBe('MIT AND (Apache-2.0 OR MIT)')
  })

  it('ORs linked findings, flattening their own choices', () => {
    const a = f('MIT', 'MIT OR Apache-2.0')
    const b = f('GPL-2.0-only')
    const c = f('BSD-3-Clause')
    expect(buildExpression([a, b, c], new Map([[b, a]]))).toBe('(MIT OR Apache-2.0 OR GPL-2.0-only) AND BSD-3-Clause')
  })

  it('keeps WITH inside a choice', () => {
    const a = f('CDDL-1.1')
    const b = f('GPL-2.0-only', 'GPL-2.0-only WITH Classpath-exception-2.0')
    expect(buildExpression([a, b], new Map([[b, a]]))).toBe('CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0')
  })
})
