// Pointers to a license file: URLs to a project's LICENSE and license files named in prose.
import { describe, expect, it } from 'vitest'
import { findLicensePointers } from '../../src/match/reference-pointer.js'
import { loadReferenceIndex } from '../../src/match/reference-rules.js'

const pointers = (source: string) => findLicensePointers(source, loadReferenceIndex().urls).map((p) => source.slice(p.start, p.end))

describe('findLicensePointers', () => {
  it.each([
    ['https://github.com/someone/tool/blob/master/LICENSE', 'https://github.com/someone/tool/blob/master/LICENSE'],
    ['see http://tool.example.org/license.', 'http://tool.example.org/license'],
    ['https://example.com/repo/raw/main/COPYING.txt', 'https://example.com/repo/raw/main/COPYING.txt'],
    ['Details are in the LICENSE file at the top.', 'LICENSE file'],
    ['See COPYING for the terms.', 'See COPYING'],
  ])('finds the pointer in %j', (source, expected) => {
    expect(pointers(source)).toContain(expected)
  })

  it.each([
    'https://www.apache.org/licenses/LICENSE-2.0', // a known license page is a reference, not a pointer
    'https://example.com/docs/getting-started',
    'Remember to add a license file to your project.',
    'The licensee may copy the software.',
  ])('finds none in %j', (source) => {
    expect(pointers(source)).toEqual([])
  })
})
