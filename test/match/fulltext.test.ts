// Full-text matcher: small invented references built in memory, plus a few checks against the shipped corpus.
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { buildFullTextIndex } from '../../scripts/corpus/fulltext.js'
import { renderPlain, type SourceReference } from '../../scripts/corpus/fulltext-sources.js'
import { decodeFullTextIndex } from '../../src/corpus/fulltext.js'
import { bytesOf, decodeBase64, readUint32, toBase64 } from '../../src/corpus/fulltext-format.js'
import { matchFullText, matchFullTextWith, type FullTextResult } from '../../src/match/fulltext.js'
import type { LicenseFinding } from '../../src/schema/index.js'
import { createLineIndex, tokenize } from '../../src/text/index.js'

// Invented texts, written for this test.
const WIDGET_BODY = [
  'Permission is granted to anyone who receives this widget to use, study, copy and share it, in whole or in',
  'part, for any lawful purpose. Each copy that is shared must carry this notice unchanged.',
  '',
  'A person who changes the widget must say so plainly in the changed files and must not present the change as',
  'the work of the original authors.',
  '',
  'The widget comes without any promise that it works or suits a purpose; the authors answer for no loss that',
  'its use may cause, to the extent the law allows. This license ends for anyone who breaks its terms and starts',
  'again once the breach is cured within thirty days.',
].join('\n')
const WIDGET_1 = `WIDGET LICENSE\nVersion 1.0, March 2001\n\n${WIDGET_BODY}\n`
// a near-clone: another version, date and cure period
const WIDGET_2 = WIDGET_1.replace('Version 1.0, March 2001', 'Version 2.0, May 2009').replace('thirty days', 'sixty days')
const GADGET_HEADER = [
  'This file is part of a gadget. It may be copied and changed under the terms of the Gadget Public License,',
  'version 3, as published by the Gadget Guild. It comes with no warranty of any kind; see the Gadget Public',
  'License for the details of what it allows.',
].join('\n')
const WIDGET_EXCEPTION = [
  'As an extra permission, the holders of the widget allow you to link it with modules under other terms and',
  'to share the result under terms of your choice, provided each module keeps its own notice. Anyone who',
  'changes the widget may keep or remove this extra permission in the changed version.',
].join('\n')
const NOISE = 'amber basalt canyon dolphin ember falcon glacier harbor island jasmine kettle lantern meadow nectar orchard'

const sources: SourceReference[] = [
  { id: 'Widget-1.0', kind: 'license', name: 'Widget License 1.0', group: 'LicenseRef-widget', rendered: renderPlain(WIDGET_1) },
  { id: 'Widget-2.0', kind: 'license', name: 'Widget License 2.0', group: 'LicenseRef-widget', rendered: renderPlain(WIDGET_2) },
  { id: 'Gadget-3.0', kind: 'header', name: 'Gadget Public License 3.0', rendered: { text: GADGET_HEADER, spans: [] } },
  { id: 'Widget-exception', kind: 'exception', name: 'Widget linking exception', rendered: { text: WIDGET_EXCEPTION, spans: [] } },
]
const index = decodeFullTextIndex(buildFullTextIndex(sources))

const run = (text: string): FullTextResult => matchFullTextWith(index, text, tokenize(text), createLineIndex(text))
const ids = (r: FullTextResult) => r.matches.map((m) => m.licenseId)

function expectSlices(source: string, findings: LicenseFinding[]) {
  for (const f of findings) {
    for (const e of f.evidence) expect(source.slice(e.position.start.offset, e.position.end.offset)).toBe(e.text)
  }
}

describe('matchFullTextWith (invented references)', () => {
  it('matches a reference text exactly', () => {
    const r = run(WIDGET_1)
    expect(r.matches).toHaveLength(1)
    expect(r.matches[0]).toMatchObject({ licenseId: 'Widget-1.0', matcher: 'exact', confidence: 1 })
    expectSlices(WIDGET_1, r.matches)
  })

  it('matches a re-wrapped, commented copy without its title', () => {
    const text = '/*\n' + WIDGET_BODY.replace(/\n(?!\n)/g, ' ').replace(/(.{1,58})(\s|$)/g, ' * $1\n') + ' */\n'
    const r = run(text)
    expect(ids(r)).toEqual(['Widget-1.0'])
    expect(r.matches[0].matcher).toBe('dice')
    expect(r.matches[0].confidence).toBeGreaterThanOrEqual(0.95)
    expectSlices(text, r.matches)
  })

  it('tells a near-clone apart by its version and names the other as a candidate', () => {
    const text = WIDGET_2.replace('WIDGET LICENSE', 'The Widget License').replace('again once', 'once more when')
    const r = run(text)
    expect(ids(r)).toEqual(['Widget-2.0'])
    expect(r.matches[0].candidates?.map((c) => c.licenseId)).toEqual(['Widget-1.0'])
    // the version line of one with the body of the other: the number decides
    expect(ids(run(WIDGET_1.replace('thirty days', 'sixty days')))).toEqual(['Widget-1.0'])
  })

  it('names only the family when the words that tell its versions apart are gone', () => {
    const text = WIDGET_1.replace('Version 1.0, March 2001', 'Version 3').replace('thirty days', 'some days')
    const r = run(text)
    expect(ids(r)).toEqual(['LicenseRef-widget'])
    expect(r.matches[0].candidates?.map((c) => c.licenseId).sort()).toEqual(['Widget-1.0', 'Widget-2.0'])
  })

  it('finds a license inside a larger file, with evidence covering only the license', () => {
    const text = `# My project\n\nSome words about the project that are not a license at all.\n\n## License\n\n${WIDGET_1}\n## Thanks\n\nTo everyone who helped.\n`
    const r = run(text)
    expect(ids(r)).toEqual(['Widget-1.0'])
    const ev = r.matches[0].evidence[0]
    expect(ev.text.startsWith('WIDGET LICENSE')).toBe(true)
    expect(ev.text.endsWith('thirty days')).toBe(true)
    expectSlices(text, r.matches)
  })

  it('finds several licenses in one file, in source order', () => {
    const text = `// ${GADGET_HEADER.replace(/\n/g, '\n// ')}\n\nint main() { return 0; }\n\n${WIDGET_2}`
    const r = run(text)
    expect(ids(r)).toEqual(['Gadget-3.0', 'Widget-2.0'])
    expect(r.matches[0].matcher).toBe('header')
    expectSlices(text, r.matches)
  })

  it('makes one finding of a license followed by an exception', () => {
    const text = `${WIDGET_1}\n${WIDGET_EXCEPTION}\n`
    const r = run(text)
    expect(r.matches).toHaveLength(1)
    expect(r.matches[0]).toMatchObject({ licenseId: 'Widget-1.0', expression: 'Widget-1.0 WITH Widget-exception' })
    expect(r.matches[0].evidence).toHaveLength(2)
    expectSlices(text, r.matches)
  })

  it('reports an exception alone under its own id', () => {
    expect(ids(run(WIDGET_EXCEPTION))).toEqual(['Widget-exception'])
  })

  it('does not report a license with a clause inserted in the middle, only the nearest', () => {
    const words = `${NOISE} ${NOISE} ${NOISE} ${NOISE} ${NOISE}`
    const text = WIDGET_1.replace('the work of the original authors.', `the work of the original authors. ${words}`)
    const r = run(text)
    expect(r.matches).toEqual([])
    expect(r.nearest?.licenseId).toBe('Widget-1.0')
    expect(r.nearest!.confidence).toBeLessThan(0.95)
  })

  it('does not report a license whose wording was changed throughout', () => {
    const text = WIDGET_BODY.replace(/widget/g, 'gizmo').replace(/the authors/g, 'its makers').replace(/change/g, 'alteration')
    expect(run(text).matches).toEqual([])
  })

  it('keeps offsets in the original string with a BOM and CRLF line ends', () => {
    const text = '\uFEFF' + WIDGET_1.replace(/\n/g, '\r\n')
    const r = run(text)
    expect(ids(r)).toEqual(['Widget-1.0'])
    expect(r.matches[0].evidence[0].position.start.offset).toBe(1)
    expectSlices(text, r.matches)
  })

  it('returns nothing for empty or unrelated input', () => {
    for (const text of ['', 'x', 'hello world', NOISE]) expect(run(text)).toEqual({ matches: [] })
  })
})

describe('matchFullText (shipped corpus)', () => {
  const spdx = createRequire(import.meta.url)('spdx-license-list/full') as Record<string, { licenseText: string }>
  const real = (text: string) => matchFullText(text, tokenize(text), createLineIndex(text))

  it('identifies common license texts', () => {
    for (const id of ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'ISC', 'MPL-2.0']) expect(real(spdx[id].licenseText).matches[0]?.licenseId).toBe(id)
  })

  it('reports a bare GPL text as -only with -or-later as a candidate', () => {
    const r = real(spdx['GPL-2.0-only'].licenseText)
    expect(r.matches[0].licenseId).toBe('GPL-2.0-only')
    expect(r.matches[0].candidates?.map((c) => c.licenseId)).toContain('GPL-2.0-or-later')
  })

  it('reads an "any later version" source header as -or-later', () => {
    const header = [
      '/*',
      ' * This program is free software; you can redistribute it and/or modify it under the terms of the GNU',
      ' * General Public License as published by the Free Software Foundation; either version 2 of the License,',
      ' * or (at your option) any later version.',
      ' *',
      ' * This program is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY; without even',
      ' * the implied warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the GNU General Public',
      ' * License for more details.',
      ' */',
      'int main(void) { return 0; }',
    ].join('\n')
    const r = real(header)
    expect(r.matches.map((m) => [m.licenseId, m.matcher])).toEqual([['GPL-2.0-or-later', 'header']])
  })

  it('finds two different texts in a row', () => {
    const text = `${spdx.MIT.licenseText}\n\n---\n\n${spdx['BSD-2-Clause'].licenseText}`
    expect(real(text).matches.map((m) => m.licenseId)).toEqual(['MIT', 'BSD-2-Clause'])
  })

  // a bundle of notices, as bundlers write them: a short header per package, then its license text
  const bundle = (n: number) =>
    Array.from({ length: n }, (_, k) => {
      const id = ['MIT', 'ISC', 'MIT', 'BSD-2-Clause', 'MIT', 'BSD-3-Clause'][k % 6]
      return `## package-${k}\nLicense: ${id}\nBy: Someone Number ${k}\nRepository: https://example.org/p${k}\n\n${spdx[id].licenseText}\n\n-----\n`
    }).join('\n')

  it('finds every notice of a bundle, each once, including repeated copies of the same text', () => {
    const r = real(bundle(30))
    expect(r.matches.map((m) => m.licenseId)).toEqual(Array.from({ length: 30 }, (_, k) => ['MIT', 'ISC', 'MIT', 'BSD-2-Clause', 'MIT', 'BSD-3-Clause'][k % 6]))
    expect(r.matches.every((m) => m.evidence.length === 1 && m.evidence[0].text.length < 2000)).toBe(true)
  })

  // A long bundle completes inside the test timeout (a quadratic matcher would not) and every notice is found; the
  // time per notice is a figure for `npm run bench`, not an assertion here.
  it('matches every notice of a long bundle', () => {
    const r = real(bundle(160))
    expect(r.matches).toHaveLength(160)
  })
})

describe('corpus packing', () => {
  it('round-trips typed arrays through base64, natively and in plain JS', () => {
    const values = Uint32Array.from([0, 1, 0xffffffff, 0x12345678, 42])
    const text = toBase64(bytesOf(values))
    expect([...readUint32(text)]).toEqual([...values])
    for (const n of [0, 1, 2, 3, 4, 5]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 77 + 5) & 255)
      expect([...decodeBase64(toBase64(bytes))]).toEqual([...bytes])
    }
  })
})
