// The sentence around a reference inside a full text: does it grant a license, offer a choice, or is it the
// matched license's own words?
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { addedStatement, mentionSentence, verbatimShare, withGroups } from '../../src/match/reference-inside.js'
import { tokenize } from '../../src/text/index.js'

const spdx = createRequire(import.meta.url)('spdx-license-list/full') as Record<string, { licenseText: string }>
const sentenceOf = (source: string, mention: string) => {
  const start = source.indexOf(mention)
  return mentionSentence(source, tokenize(source), start, start + mention.length)
}

describe('mentionSentence', () => {
  it('reads the sentence around a mention and its cues', () => {
    const source = 'First sentence here. Alternatively, this software may be distributed under the GNU GPL version 2. Last one.'
    const s = sentenceOf(source, 'GNU GPL version 2')
    expect(source.slice(s.start, s.start + 13)).toBe('Alternatively')
    expect(s).toMatchObject({ statement: true, alternative: true, leadAlternative: true })
  })

  it('stops at a paragraph break inside a comment block', () => {
    const source = '/*\n * Licensed under the MIT license\n *\n * See the GNU GPL for details\n */'
    const s = sentenceOf(source, 'GNU GPL')
    expect(source.slice(s.start, s.start + 3)).toBe('See')
    expect(s.statement).toBe(false)
  })

  it('reads "dual-licensed" as a choice cue', () => {
    expect(sentenceOf('This code is dual-licensed under MIT and Apache-2.0.', 'MIT').alternative).toBe(true)
  })
})

describe('verbatimShare and addedStatement', () => {
  it('finds GPL-3.0 §13 to be GPL-3.0 text, and a written-in sentence not', () => {
    const gpl = spdx['GPL-3.0-only'].licenseText
    const tokens = tokenize(gpl)
    const start = gpl.indexOf('GNU Affero General Public License')
    const s = mentionSentence(gpl, tokens, start, start + 33)
    expect(verbatimShare(tokens, s.first, s.last, ['GPL-3.0-only'])).toBeGreaterThan(0.9)
    expect(addedStatement(s, tokens, ['GPL-3.0-only'])).toBe(false)
    const added = 'Alternatively, this file may be distributed under the terms of the Mozilla Public License 2.0.'
    const t = tokenize(added)
    const a = mentionSentence(added, t, added.indexOf('Mozilla'), added.length - 1)
    expect(verbatimShare(t, a.first, a.last, ['GPL-3.0-only'])).toBeLessThan(0.6)
    expect(addedStatement(a, t, ['GPL-3.0-only'])).toBe(true)
  })

  it('has no share in a license it does not know', () => {
    const t = tokenize('licensed under the terms of this license')
    expect(verbatimShare(t, 0, t.length - 1, ['LicenseRef-nothing-like-this'])).toBe(0)
  })
})

describe('withGroups', () => {
  it('adds the group of an AI license that belongs to one', () => {
    expect(withGroups(['LicenseRef-gemma-terms-of-use-2024-02-21'])).toContain('LicenseRef-gemma-terms-of-use')
    expect(withGroups(['MIT'])).toEqual(['MIT'])
  })
})
