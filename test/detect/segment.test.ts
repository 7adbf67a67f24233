import { describe, expect, it } from 'vitest'
import { MAX_SEGMENT, segmentText } from '../../src/detect/segment.js'

const texts = (source: string) => segmentText(source).map((s) => s.text)

describe('segmentText', () => {
  it('splits sentences and keeps offsets into the source', () => {
    const source = 'First sentence here. Second one follows!\n\nA new paragraph.'
    const segs = segmentText(source)
    expect(segs.map((s) => s.text)).toEqual(['First sentence here.', 'Second one follows!', 'A new paragraph.'])
    for (const s of segs) expect(source.slice(s.start, s.end)).toBe(s.text)
  })

  it('joins hard-wrapped lines and does not split after abbreviations or versions', () => {
    expect(texts('Use of the Model under\nU.S. law, e.g. Section 3.1 of the Act, is allowed.')).toEqual([
      'Use of the Model under\nU.S. law, e.g. Section 3.1 of the Act, is allowed.',
    ])
  })

  it('starts a clause at each list item and marks it', () => {
    const segs = segmentText('You agree not to use it to:\n- spam people;\n- build weapons.')
    expect(segs.map((s) => [s.text, s.item])).toEqual([
      ['You agree not to use it to:', false],
      ['- spam people;', true],
      ['- build weapons.', true],
    ])
  })

  it('keeps a list marker with its clause ("1. Violate ...", "a. Distribution")', () => {
    expect(texts('1. Violate the law.')).toEqual(['1. Violate the law.'])
    expect(texts('Terms follow. a. Distribution. You may share it.')).toEqual(['Terms follow.', 'a. Distribution.', 'You may share it.'])
  })

  it('cuts before inline list markers', () => {
    expect(texts('You agree not to use it: 1. In any unlawful way; 2. For spam.')).toEqual([
      'You agree not to use it:',
      '1. In any unlawful way;',
      '2. For spam.',
    ])
  })

  it('does not take "Attachment A." or "Section 3." for an inline list marker', () => {
    expect(texts('Follow the rules in Attachment A. You must also read Section 3. The rest is optional.')).toEqual([
      'Follow the rules in Attachment A.',
      'You must also read Section 3.',
      'The rest is optional.',
    ])
  })

  it('treats short title lines as headings, but not wrapped prose', () => {
    const segs = segmentText('Prohibited Uses\nYou agree not to use it.\n\nGoogle reserves the right to update this Gemma Prohibited\nUse Policy from time to time.')
    expect(segs.map((s) => [s.text, s.heading])).toEqual([
      ['Prohibited Uses', true],
      ['You agree not to use it.', false],
      ['Google reserves the right to update this Gemma Prohibited\nUse Policy from time to time.', false],
    ])
  })

  it('does not take a wrapped "(b)" for a new list item', () => {
    expect(texts('any modifications to a Model and\n(b) any other model derived from it.')).toHaveLength(1)
  })

  it('bounds clause length, preferring a cut after a semicolon', () => {
    const long = `${'word '.repeat(200)}; ${'more '.repeat(400)}`
    const segs = segmentText(long)
    expect(Math.max(...segs.map((s) => s.text.length))).toBeLessThanOrEqual(MAX_SEGMENT)
    expect(segs[0].text.endsWith(';')).toBe(true)
  })

  it('handles empty input, CRLF and lone CR', () => {
    expect(segmentText('')).toEqual([])
    expect(texts('One.\r\n\r\nTwo.\rThree.')).toEqual(['One.', 'Two.', 'Three.'])
  })
})
