import { describe, expect, it } from 'vitest'
import { matchReferences } from '../../src/match/reference.js'
import { urlKey } from '../../src/match/reference-rules.js'
import { isVersionWord, nameWords, versionKey } from '../../src/match/reference-words.js'
import { createLineIndex, tokenize } from '../../src/text/index.js'

const run = (source: string) => matchReferences(source, tokenize(source), createLineIndex(source))
const ids = (source: string) => [...new Set(run(source).map((f) => f.licenseId))].sort()

describe('matchReferences', () => {
  const valid: [string, string[]][] = [
    ['Licensed under the Apache License, Version 2.0 (the "License");', ['Apache-2.0']],
    ['This project is released under the MIT license.', ['MIT']],
    ['## License\n\nMIT\n', ['MIT']],
    ['This model is licensed under the Llama 3.1 Community License.', ['LicenseRef-llama-3.1-community']],
    ['Use of the weights is governed by the Llama 3.2 Community License Agreement.', ['LicenseRef-llama-3.2-community']],
    ['Covered by the Meta Llama 3 Community License Agreement.', ['LicenseRef-llama-3-community']],
    ['It ships under the Llama 2 Community License.', ['LicenseRef-llama-2-community']],
    [
      'This program is free software; you can redistribute it under the terms of the GNU General Public License as\n' +
        ' * published by the Free Software Foundation; either version 2 of the License, or (at your option) any later\n' +
        ' * version. See the GNU General Public License for more details.',
      ['GPL-2.0-or-later'],
    ],
    ['It is distributed under the GNU General Public License version 2.', ['GPL-2.0-only']],
    ['You may use it under the terms of version 3 of the GNU Lesser General Public License.', ['LGPL-3.0-only']],
    ['Released under the GNU GPL.', ['GPL-1.0-or-later']],
    ['Available under the GNU Lesser General Public License, version 2.1.', ['LGPL-2.1-only']],
    ['GNU Affero General Public License v3 or later', ['AGPL-3.0-or-later']],
    ['License: GPLv2+', ['GPL-2.0-or-later']],
    ['License: LGPLv3+', ['LGPL-3.0-or-later']],
    ['Shared under CC BY-NC-SA 4.0.', ['CC-BY-NC-SA-4.0']],
    ['Shared under CC BY-NC 4.0.', ['CC-BY-NC-4.0']],
    ['Creative Commons Attribution-NonCommercial-ShareAlike 3.0 Unported License', ['CC-BY-NC-SA-3.0']],
    ['This data is licensed under a Creative Commons Attribution 4.0 International License.', ['CC-BY-4.0']],
    ['see https://creativecommons.org/licenses/by-nc-sa/3.0/', ['CC-BY-NC-SA-3.0']],
    ['obtain a copy at http://www.apache.org/licenses/LICENSE-2.0.txt', ['Apache-2.0']],
    ['Details: opensource.org/licenses/MIT', ['MIT']],
    ['See <https://www.gnu.org/licenses/gpl-3.0.html>.', ['GPL-3.0-only']],
    ['[license](https://llama.meta.com/llama3_1/license/)', ['LicenseRef-llama-3.1-community']],
    ['Terms: https://ai.google.dev/gemma/terms', ['LicenseRef-gemma-terms-of-use']],
    ['This model is subject to the Gemma Terms of Use.', ['LicenseRef-gemma-terms-of-use']],
    ['Licensed under the Qwen LICENSE AGREEMENT.', ['LicenseRef-qwen']],
    ['Licensed under the Qwen RESEARCH LICENSE AGREEMENT.', ['LicenseRef-qwen-research']],
    ['Licensed under the Tongyi Qianwen LICENSE AGREEMENT.', ['LicenseRef-tongyi-qianwen']],
    ['made available under the terms of the Eclipse Public License v1.0', ['EPL-1.0']],
    ['subject to the terms of the Mozilla Public License, v. 2.0.', ['MPL-2.0']],
    ['Available via Academic Free License >= 2.1 OR the modified BSD license.', ['AFL-2.1', 'BSD-3-Clause']],
    ['Dual licensed under the MIT or Apache-2.0 licenses.', ['Apache-2.0', 'MIT']],
    ['triple-licensed under CPL/GPL/LGPL', ['CPL-1.0', 'GPL-1.0-or-later', 'LGPL-2.0-or-later']],
    ['This file is licensed under the TMate Open Source License', ['TMate']],
    ['under the terms of the Clarified Artistic License.', ['ClArtistic']],
    ['see LICENSES/MPL-2.0.txt', ['MPL-2.0']],
  ]
  it.each(valid)('finds %j', (source, expected) => {
    expect(ids(source)).toEqual(expected)
  })

  const invalid: string[] = [
    'Researchers at MIT built this tool.',
    'This script is compatible with the BSD install script.',
    'The library itself is GPL-compatible.',
    'This license is compatible with the GNU GPL.',
    'Llama 3.1 is a large language model.',
    'See the license for details.',
    '# This comes from X11R5 (mit/util/scripts/install.sh).',
    'We used Apache Spark to preprocess the data.',
    'We evaluate version 2 of the model.',
    'Permissive licenses such as MIT and BSD are common.',
    'SPDX-License-Identifier: MIT',
    'The code is licensed. MIT researchers wrote it.',
    'DeepSeek is licensed under terms of its own.',
    'Documentation: https://example.com/licenses/mit',
  ]
  it.each(invalid)('finds nothing in %j', (source) => {
    expect(run(source)).toEqual([])
  })

  it('tells near-clone versions apart', () => {
    expect(ids('the Llama 3.3 Community License')).toEqual(['LicenseRef-llama-3.3-community'])
    expect(ids('the Llama 3.1 Community License')).toEqual(['LicenseRef-llama-3.1-community'])
    expect(ids('released under CC BY-NC-ND 4.0')).toEqual(['CC-BY-NC-ND-4.0'])
    expect(ids('the GNU General Public License, version 3')).toEqual(['GPL-3.0-only'])
  })

  it('gives a choice the OR expression on each of its findings', () => {
    const findings = run('Dual licensed under the MIT or Apache-2.0 licenses.')
    expect(findings.map((f) => f.expression)).toEqual(['MIT OR Apache-2.0', 'MIT OR Apache-2.0'])
    const versions = run('GNU Lesser General Public License as published by the Free Software Foundation; either version 2.1 of the License, or (at your option) version 3.')
    expect(versions.map((f) => f.licenseId)).toEqual(['LGPL-2.1-only', 'LGPL-3.0-only'])
    expect(versions[0].expression).toBe('LGPL-2.1-only OR LGPL-3.0-only')
  })

  it('attaches an exception to the license it follows', () => {
    const [llvm] = run('Part of the project, under the Apache License v2.0 with LLVM Exceptions.')
    expect(llvm).toMatchObject({ licenseId: 'Apache-2.0', expression: 'Apache-2.0 WITH LLVM-exception' })
    const classpath = run('Use it under the GNU General Public License, version 2, with the Classpath exception.')
    expect(classpath.map((f) => f.expression)).toEqual(['GPL-2.0-only WITH Classpath-exception-2.0'])
    // an exception with no license before it says nothing by itself
    expect(run('The Classpath exception is explained below.')).toEqual([])
  })

  it('keeps an unversioned member of a choice list, as the versioned mention of its family', () => {
    const source = 'License: MPL/GPL/LGPL tri-license\n\nThe MPL text is in MPL-1.1.txt.'
    const expressions = new Set(run(source).map((f) => f.expression ?? f.licenseId))
    expect(expressions).toEqual(new Set(['MPL-1.1 OR GPL-1.0-or-later OR LGPL-2.0-or-later']))
    // a name side by side with the next, with no connector or separator, is not listed with it ("%doc" is no license)
    expect(ids('License: MPL/GPL/LGPL\n%doc MPL-1.1.txt')).not.toContain('DOC')
    // a lone unversioned mention still yields to the versioned one
    expect(ids('This program is licensed under the GNU GPL version 2. See the GPL for details.')).toEqual(['GPL-2.0-only'])
  })

  it('attaches an exception named after an unversioned mention to the versioned statement', () => {
    const source = 'This file is licensed under the GNU General Public License version 2.\n\nGPL Classpath Exception:\nThe author designates this file as subject to the "Classpath" exception.'
    expect(run(source).map((f) => f.expression ?? f.licenseId)).toEqual(['GPL-2.0-only WITH Classpath-exception-2.0'])
  })

  it('reads a name that stands for a license with its exception', () => {
    // the wxWindows Library Licence is the Library GPL 2.0 or later with the wxWindows exception
    expect(run('// Licence:     wxWindows licence')).toMatchObject([{ licenseId: 'LGPL-2.0-or-later', expression: 'LGPL-2.0-or-later WITH WxWindows-exception-3.1' }])
    expect(run('released under the wxWindows Library Licence')[0].expression).toBe('LGPL-2.0-or-later WITH WxWindows-exception-3.1')
  })

  it('reads license files named after their license', () => {
    expect(ids('See LICENSE.RUBY for the rest.')).toEqual(['Ruby'])
    expect(ids('([LICENSE-MIT](LICENSE-MIT))')).toEqual(['MIT'])
    expect(ids('See LICENSE.txt and COPYING.md')).toEqual([])
  })

  it('lets a Debian license-text path yield to the statement it illustrates', () => {
    const source = 'Libraries are under GNU LGPL 2 or later. The text of the LGPL is in /usr/share/common-licenses/LGPL-2 and version 3 in /usr/share/common-licenses/LGPL-3.'
    expect(ids(source)).toEqual(['LGPL-2.0-or-later'])
    expect(ids('The full text is in /usr/share/common-licenses/GPL-2.')).toEqual(['GPL-2.0-only'])
  })

  it('reads one choice stated twice as one expression', () => {
    const source = 'Use either the GNU General Public License Version 2 only ("GPL") or the Common Development and Distribution License ("CDDL").\n\nYou may elect the CDDL or the GPL Version 2 license.'
    const expressions = new Set(run(source).map((f) => f.expression))
    expect([...expressions]).toEqual(['GPL-2.0-only OR CDDL-1.0'])
  })

  it('rates exact names above unversioned and bare mentions', () => {
    const [exact] = run('the Apache License, Version 2.0')
    const [vague] = run('released under the GNU GPL')
    expect(exact.confidence).toBeGreaterThanOrEqual(0.9)
    expect(vague.confidence).toBeLessThan(0.8)
    expect(exact.matcher).toBe('reference')
  })

  it('quotes evidence that slices back to the source', () => {
    const source = '/*\n * Licensed under the Apache License,\n * Version 2.0. See http://www.apache.org/licenses/LICENSE-2.0\n */'
    for (const f of run(source)) {
      for (const e of f.evidence) {
        expect(source.slice(e.position.start.offset, e.position.end.offset)).toBe(e.text)
      }
    }
    expect(run(source)[0].evidence[0].text).toBe('Apache License,\n * Version 2.0')
  })

  // Large and adversarial inputs complete inside the test timeout (a quadratic scan would not); no timed assertion,
  // since machines are noisy: the figures live in `npm run bench`.
  it('reads large inputs', () => {
    const chunk = 'Some words about the MIT campus, GPL-compatible code, version 2 and http://example.com/a/b. '
    const source = chunk.repeat(20_000) + 'Licensed under the MIT license.'
    const found = matchReferences(source, tokenize(source), createLineIndex(source))
    expect(found.map((f) => f.licenseId)).toEqual(['MIT'])
  })

  it('reads long lists of mentions', () => {
    for (const chunk of ['GNU General Public License or ', 'MIT or ', 'the Classpath exception and ']) {
      const source = chunk.repeat(30_000) + 'license'
      expect(Array.isArray(matchReferences(source, tokenize(source), createLineIndex(source))), chunk).toBe(true)
    }
  })
})

describe('reference words and keys', () => {
  it('splits names at hyphens and glued versions', () => {
    expect(nameWords('GPLv2')).toEqual(['gpl', 'v2'])
    expect(nameWords('Attribution-NonCommercial-ShareAlike')).toEqual(['attribution', 'non', 'commercial', 'share', 'alike'])
    expect(nameWords('CC0 X11 apache2')).toEqual(['cc0', 'x11', 'apache', '2'])
    expect(nameWords('CreativeML Open RAIL++-M')).toEqual(['creativeml', 'open', 'rail', '++', 'm'])
  })

  it('knows versions from other numbers', () => {
    for (const v of ['2', '2.0', 'v2.1', '1.3c', '1.02']) expect(isVersionWord(v)).toBe(true)
    for (const v of ['2024', '3d', '11b', 'x11', '86']) expect(isVersionWord(v)).toBe(false)
    expect(versionKey('v2.0')).toBe(versionKey('2'))
  })

  it('normalizes URLs', () => {
    expect(urlKey('https://www.apache.org/licenses/LICENSE-2.0.txt')).toBe('apache.org/licenses/license-2.0')
    expect(urlKey('http://creativecommons.org/licenses/by/4.0/legalcode')).toBe('creativecommons.org/licenses/by/4.0')
    expect(urlKey('https://opensource.org/license/MIT/')).toBe('opensource.org/licenses/mit')
    expect(urlKey('https://www.gnu.org/licenses/license-list.html#GPL')).toBe('gnu.org/licenses/license-list#gpl')
  })
})
