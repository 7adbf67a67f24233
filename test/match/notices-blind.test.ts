// Blind round for license notices, source headers and multi-license statements: short inputs written for this
// test (not taken from any project), each with the SPDX expression ScanCode's conventions give it.
//
// Blind score (first run, before any fix): exact 68/75 (90.7%), lenient 68/75 — notices 23/25, headers 17/20,
// multi 10/10, AI 8/8, negatives 10/12. After the fixes: 73/75 (two `it.fails`). Rounds 2-9 were written after
// fixes (not blind); each round's first-run misses were fixed by general rules; all rounds: 172/178 (6 `it.fails`).
// `BLIND_REPORT=1 npx vitest run test/match/notices-blind.test.ts` prints the table and the misses.
import { describe, expect, it } from 'vitest'
import { analyzeLicenseText } from '../../src/analyze-text.js'
import { allLicenseGroups } from '../../src/corpus/licenses.js'

// version families come from licit's own compiled metadata, so the test runs the same without ../shared
const groups: Record<string, string[]> = Object.fromEntries(
  allLicenseGroups().map((g) => [g.canonicalId.replace(/^LicenseRef-/i, '').toLowerCase(), g.members.map((m) => m.replace(/^LicenseRef-/i, ''))]),
)

const norm = (id: string) => id.replace(/^LicenseRef-/i, '').toLowerCase()
const idSet = (expression: string) =>
  new Set(expression.split(/[()\s]+/).filter((t) => t && !/^(AND|OR|WITH)$/.test(t)).map(norm))
const fold = (id: string) => id.replace(/-(only|or-later)$/, '')

/** Exact: the id sets are equal (an expected group accepts any of its members); lenient also folds -only/-or-later. */
export function same(expected: string, got: string, lenient = false): boolean {
  const f = (s: Set<string>) => new Set([...s].map((id) => (lenient ? fold(id) : id)))
  const want = f(idSet(expected))
  const have = f(idSet(got))
  if (want.size !== have.size) return false
  for (const id of want) {
    if (have.has(id)) continue
    const members = (groups[id] ?? []).map((m) => m.toLowerCase())
    if (!members.some((m) => have.has(m))) return false
  }
  return true
}

// [input, expected expression, fails-because?]
type Case = [string, string, string?]

const NOTICES: Case[] = [
  ['## License\n\nThis project is MIT licensed — see LICENSE for the details.\n', 'MIT'],
  ['## License\n\nDistributed under the terms of the Apache License, Version 2.0. See `LICENSE`.\n', 'Apache-2.0'],
  ['License\n-------\nReleased into the public domain under the Unlicense.\n', 'Unlicense'],
  ['This library is free software, licensed under the ISC license.\n', 'ISC'],
  // "-style" reads as a look-alike (also "BSD-style", "GPL-like"); whether ScanCode names MIT here is uncertain
  ['The code here is available under an MIT-style license; the full terms are in COPYING.\n', 'MIT', '"-style" is read as a look-alike, not the license'],
  ['Published under the Expat license (see LICENSE).\n', 'MIT'],
  ['This package is distributed under the zlib license.\n', 'Zlib'],
  ['Distributed under the Boost Software License, Version 1.0. (See accompanying file LICENSE_1_0.txt)\n', 'BSL-1.0'],
  ['The photographs in this folder are licensed under a Creative Commons Attribution 4.0 International License.\n', 'CC-BY-4.0'],
  ['Text and figures: Creative Commons Attribution-NonCommercial-ShareAlike 3.0 Unported.\n', 'CC-BY-NC-SA-3.0'],
  ['Docs are licensed CC BY-ND 4.0.\n', 'CC-BY-ND-4.0'],
  ['To the extent possible under law, the authors have waived all copyright and related rights to this work (CC0 1.0 Universal).\n', 'CC0-1.0'],
  ['This work is licensed under https://creativecommons.org/licenses/by-nc-sa/4.0/deed.en\n', 'CC-BY-NC-SA-4.0'],
  ['License: http://www.apache.org/licenses/LICENSE-2.0.txt\n', 'Apache-2.0'],
  ['See https://opensource.org/licenses/BSD-2-Clause for the terms of use.\n', 'BSD-2-Clause'],
  ['Licensed under the terms found at <http://www.gnu.org/licenses/gpl-3.0.html>.\n', 'GPL-3.0-only'],
  ['See www.mozilla.org/en-US/MPL/2.0/ for the license.\n', 'MPL-2.0'],
  ['Licence: https://www.eclipse.org/legal/epl-2.0/\n', 'EPL-2.0'],
  ['Everything here is provided under the Do What The F*ck You Want To Public License (WTFPL).\n', 'WTFPL'],
  ['NOTICE\n\nThis product bundles software under the BSD 3-Clause license and is itself released under the Eclipse Public License 2.0.\n', 'BSD-3-Clause AND EPL-2.0'],
  ['This module is made available under the new BSD license.\n', 'BSD-3-Clause'],
  ['Licensed under the simplified BSD license (2-clause).\n', 'BSD-2-Clause'],
  ['The sources are covered by the Common Development and Distribution License (CDDL) Version 1.0.\n', 'CDDL-1.0'],
  ['Licensed under the Eclipse Public License v1.0, which accompanies this distribution.\n', 'EPL-1.0'],
  ['Redistribution under the Artistic License 2.0 is allowed.\n', 'Artistic-2.0'],
]

const HEADERS: Case[] = [
  ['/*\n * This program is free software; you can redistribute it and/or modify it under the terms of the GNU General\n * Public License as published by the Free Software Foundation; either version 2 of the License, or (at your\n * option) any later version.\n */\nint main(void) { return 0; }\n', 'GPL-2.0-or-later'],
  ['# This file is part of frobnicator.\n# You can redistribute it under the terms of the GNU General Public License\n# version 2 only, as published by the Free Software Foundation.\nimport os\n', 'GPL-2.0-only'],
  ['-- Licensed under the GNU Lesser General Public License v2.1 or later.\nlocal M = {}\n', 'LGPL-2.1-or-later'],
  [';; This file is free software under the GPLv3; see the file COPYING.\n(defun foo () nil)\n', 'GPL-3.0-only'],
  ["' Copyright (c) Someone\n' Licensed under the GPL v2+.\nModule Main\nEnd Module\n", 'GPL-2.0-or-later'],
  ['REM This script is licensed under the Apache License 2.0\nREM see LICENSE\n@echo off\n', 'Apache-2.0'],
  ['<!--\n  Licensed under the Mozilla Public License, v. 2.0. If a copy of the MPL was not distributed with this\n  file, you can obtain one at http://mozilla.org/MPL/2.0/.\n-->\n<html></html>\n', 'MPL-2.0'],
  ['/**\n * Part of Widgets. Widgets is licensed under the GNU Affero General Public License, version 3 or (at your\n * option) any later version.\n */\npublic class W {}\n', 'AGPL-3.0-or-later'],
  ['// SPDX-free header: Licensed under the Apache License, Version 2.0 (the "License"); you may not use this\n// file except in compliance with the License. You may obtain a copy at http://www.apache.org/licenses/LICENSE-2.0\nfunc main() {}\n', 'Apache-2.0'],
  ['/* This code is distributed under the GNU General Public License, version 2, with the Classpath exception. */\nclass A {}\n', 'GPL-2.0-only WITH Classpath-exception-2.0'],
  ['// This library is covered by the GPL version 3 or later with the GCC Runtime Library Exception, version 3.1.\n', 'GPL-3.0-or-later WITH GCC-exception-3.1'],
  ['# Licensed under the GNU GPL. See COPYING.\nprint(1)\n', 'GPL-1.0-or-later'],
  ['/* Released under the LGPL version 3 only. */\n', 'LGPL-3.0-only'],
  ['# Copyright 2020 X\n# Use of this source is governed by a BSD-style license that can be found in the LICENSE file.\n', 'BSD-3-Clause'],
  ['// Licensed under the MIT license. See LICENSE file in the project root.\nconst x = 1\n', 'MIT'],
  ['(* This file is distributed under the terms of the GNU Lesser General Public License, version 2.1, with the\n   OCaml static linking exception. *)\n', 'LGPL-2.1-only WITH OCaml-LGPL-linking-exception'],
  ['/*\n * This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0. If a copy of the MPL\n * was not distributed with this file, You can obtain one at https://mozilla.org/MPL/2.0/.\n */\n', 'MPL-2.0'],
  ['# This program is licensed under the GNU General Public License version 3.\n', 'GPL-3.0-only'],
  ['% Licensed under the ISC License.\n', 'ISC'],
  ['/* You may use this file under the terms of the Eclipse Public License 2.0 or the GNU General Public License,\n   version 2 with the GNU Classpath Exception. */\n', 'EPL-2.0 OR GPL-2.0-only WITH Classpath-exception-2.0'],
]

const MULTI: Case[] = [
  ['## License\n\nLicensed under either of Apache License, Version 2.0 or MIT license at your option.\n', 'Apache-2.0 OR MIT'],
  ['This crate is dual-licensed under MIT and Apache-2.0; you may choose either.\n', 'MIT OR Apache-2.0'],
  ['You may use this software under the terms of the GPL version 2 or the Mozilla Public License 1.1, at your option.\n', 'GPL-2.0-only OR MPL-1.1'],
  ['The code is licensed under the MIT license and the documentation under CC BY 4.0.\n', 'MIT AND CC-BY-4.0'],
  ['Tri-licensed: MPL 1.1, GPL 2.0 or later, or LGPL 2.1 or later.\n', 'MPL-1.1 OR GPL-2.0-or-later OR LGPL-2.1-or-later'],
  ['The library is released under the LGPL-2.1-or-later; the bundled tools are under the GPL-3.0-or-later.\n', 'LGPL-2.1-or-later AND GPL-3.0-or-later'],
  ['Available under the Unlicense or, if you prefer, the MIT license.\n', 'Unlicense OR MIT'],
  ['This file may be used under the BSD 2-Clause license or the GNU General Public License version 2.\n', 'BSD-2-Clause OR GPL-2.0-only'],
  ['Source code: Apache License 2.0. Model weights: Creative Commons Attribution-NonCommercial 4.0.\n', 'Apache-2.0 AND CC-BY-NC-4.0'],
  ['Licensed under the CDDL 1.0 or the GPL 2 with the Classpath exception.\n', 'CDDL-1.0 OR GPL-2.0-only WITH Classpath-exception-2.0'],
]

const AI: Case[] = [
  ['This model is released under the Gemma Terms of Use.\n', 'LicenseRef-gemma-terms-of-use'],
  ['Use of these weights is governed by the Llama 3.2 Community License Agreement.\n', 'LicenseRef-llama-3.2-community'],
  ['The model is licensed under the Qwen LICENSE AGREEMENT.\n', 'LicenseRef-qwen-license'],
  ['The model weights are subject to the DeepSeek License.\n', 'LicenseRef-deepseek-license-1.0'],
  ['Weights are distributed under the CreativeML OpenRAIL++-M license.\n', 'LicenseRef-creativeml-openrail-plusplus'],
  ['This checkpoint is licensed under the CreativeML OpenRAIL-M license.\n', 'LicenseRef-creativeml-openrail-m'],
  ['Licensed under the Llama 3.1 Community License, Copyright © Meta Platforms, Inc.\n', 'LicenseRef-llama-3.1-community'],
  ['The model is provided under the NVIDIA Open Model License.\n', 'LicenseRef-nvidia-open-model-license'],
]

const NEGATIVES: Case[] = [
  ['Unlike GPL projects, we do not ship sources for the firmware blobs.\n', 'NONE'],
  ['The algorithm was first described by MIT researchers in 2019.\n', 'NONE'],
  ['Our plugin API is compatible with the Apache license, so downstream users can combine them.\n', 'NONE'],
  ['## Changelog\n- Updated the BSD license year\n- Fixed a crash on startup\n', 'NONE', '"BSD license" is a full name; no guard reads a changelog verb'],
  ['Depends on apache-commons and log4j at runtime.\n', 'NONE'],
  ['Built with Llama\n', 'NONE'],
  ['We benchmarked against the GPL-compatible codecs listed on the wiki.\n', 'NONE'],
  ['Questions about licensing? Email legal@example.com.\n', 'NONE'],
  ['The Apache web server runs in front of our service.\n', 'NONE'],
  ['He studied at MIT and later joined the team.\n', 'NONE'],
  ['Which license should I pick, MIT or GPL? This post compares them.\n', 'NONE'],
  ['Copyright (c) 2021 Jane Doe. All rights reserved.\n', 'NONE'],
]

// Written after the first fixes (so not blind): more URL forms, names, exceptions and guards.
const ROUND2: Case[] = [
  ['Licensed under the GNU GPL v2.\n', 'GPL-2.0-only'],
  ['/* License: LGPLv2.1+ */\n', 'LGPL-2.1-or-later'],
  ['This is free software licensed under the GNU Library General Public License version 2 or later.\n', 'LGPL-2.0-or-later'],
  ['Licensed under the Apache License v2.0 with LLVM Exceptions.\n', 'Apache-2.0 WITH LLVM-exception'],
  ['The font is licensed under the SIL Open Font License, Version 1.1.\n', 'OFL-1.1'],
  ['This module is free software; you may redistribute it and/or modify it under the same terms as Perl itself.\n', 'Artistic-1.0-Perl OR GPL-1.0-or-later'],
  ['Licensed under the Universal Permissive License v 1.0 as shown at https://oss.oracle.com/licenses/upl.\n', 'UPL-1.0'],
  ['https://opensource.org/license/apache-2-0/\n', 'Apache-2.0'],
  ['Terms: https://opensource.org/license/lgpl-2-1\n', 'LGPL-2.1-only'],
  ['License: http://www.wtfpl.net/\n', 'WTFPL'],
  ['https://creativecommons.org/publicdomain/zero/1.0/\n', 'CC0-1.0'],
  ['This header is licensed under the zlib/libpng license.\n', 'Zlib'],
  ['Use of this source code is governed by an MIT-style license that can be found in the LICENSE file.\n', 'MIT'],
  ['Dual licensed under the MIT and GPL licenses.\n', 'MIT OR GPL-1.0-or-later'],
  ['The code is under the MIT License; the weights are subject to the DeepSeek License Agreement.\n', 'MIT AND LicenseRef-deepseek-license-1.0'],
  ['Install apache2 and mod_wsgi first.\n', 'NONE'],
  ['Link against libgpl2 only when building the demo.\n', 'NONE'],
  ['Our docs explain how to pick between MIT, BSD and Apache licenses for your project.\n', 'NONE', 'a list before "licenses" reads as licensing'],
  ['TODO: add a license (probably MIT).\n', 'NONE', 'the cue "license" is near; intent is not read'],
]

// Round 3 (after the round-2 fixes): package fields, doc tags, badges, long GNU notices, rarer names.
const ROUND3: Case[] = [
  ['MODULE_LICENSE("GPL v2");\n', 'GPL-2.0-only'],
  ['MODULE_LICENSE("Dual BSD/GPL");\n', 'BSD-3-Clause OR GPL-1.0-or-later'],
  ['# Released under the terms of the GNU GPL v2.0.\n', 'GPL-2.0-only'],
  ['Full terms: http://www.gnu.org/copyleft/gpl.html\n', 'GPL-1.0-or-later'],
  ['Licensed under the GPL version 3; see http://www.gnu.org/licenses/gpl.html.\n', 'GPL-3.0-only'],
  ['License: GPL-2+\n', 'GPL-2.0-or-later'],
  [' * @license http://www.opensource.org/licenses/mit-license.php MIT License\n', 'MIT'],
  ['[![License](https://img.shields.io/badge/License-Apache_2.0-blue.svg)](https://opensource.org/licenses/Apache-2.0)\n', 'Apache-2.0'],
  ['You may redistribute it under the terms of the GNU General Public License as published by the Free Software Foundation; version 2 of the License.\n', 'GPL-2.0-only'],
  ['You may redistribute it under the terms of the GNU General Public License as published by the Free Software Foundation.\n', 'GPL-1.0-or-later'],
  ['This Source Code Form is "Incompatible With Secondary Licenses", as defined by the Mozilla Public License, v. 2.0.\n', 'MPL-2.0-no-copyleft-exception'],
  ['Permission is granted to copy this document under the terms of the GNU Free Documentation License, Version 1.2; with no Invariant Sections.\n', 'GFDL-1.2-only'],
  ['Licensed under the GPLv3 with the Autoconf exception.\n', 'GPL-3.0-only WITH Autoconf-exception-3.0'],
  ['This software is free and unencumbered software released into the public domain.\n', 'Unlicense'],
  ['Distributed under the MIT/X11 license.\n', 'MIT'],
  ['Licensed under the CeCILL v2.1 license.\n', 'CECILL-2.1'],
  ['Subject to the terms of the Intel Simplified Software License.\n', 'Intel-ISSL'],
  ['You can redistribute it under the terms of the Do What The Fuck You Want To Public License, Version 2.\n', 'WTFPL'],
  ['Made available under the BSD Zero Clause License.\n', '0BSD'],
  ['Licensed under the University of Illinois/NCSA Open Source License.\n', 'NCSA'],
  ['Licensed under the Educational Community License, Version 2.0.\n', 'ECL-2.0', 'the full-text engine matches the ECL-1.0 header and its version wins over the notice'],
]

// Round 4 (after round 3): choices stated across a sentence, copyright lines that go on to license, joined ids.
const ROUND4: Case[] = [
  ['Copyright (c) 2021 Jane Doe. Licensed under MIT. Portions licensed under BSD-2-Clause.\n', 'MIT AND BSD-2-Clause'],
  ['/* (c) 2019 Foo Corp, released under the Apache License 2.0 */\n', 'Apache-2.0'],
  ['# Copyright 2020 The Apache Software Foundation\nprint(1)\n', 'NONE'],
  ['The JavaScript is MIT-licensed; the stylesheets are licensed under the SIL OFL 1.1.\n', 'MIT AND OFL-1.1'],
  ['Run `npm install --save mit-license-checker` first.\n', 'NONE'],
  ['This software is available under a choice of one of two licenses. You may choose to be licensed under the terms of the GNU General Public License (GPL) Version 2, available from the file COPYING in the main directory, or the OpenIB.org BSD license below.\n', 'GPL-2.0-only OR Linux-OpenIB'],
  ['Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or http://www.apache.org/licenses/LICENSE-2.0> or the MIT license <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your option.\n', 'Apache-2.0 OR MIT'],
  ['This project is released under the Apache 2.0 license. The model checkpoints are released under CC BY-NC 4.0.\n', 'Apache-2.0 AND CC-BY-NC-4.0'],
  ['Our fine-tune is released under Apache 2.0, but the base model remains subject to the Llama 2 Community License.\n', 'Apache-2.0 AND LicenseRef-llama-2-community'],
  ['This model was fine-tuned from meta-llama/Llama-3.1-8B.\n', 'NONE'],
  ['We compared our model to Llama 2 and Mistral 7B.\n', 'NONE'],
  ['The BSD sockets API is used for networking.\n', 'NONE'],
  ['The tests are public domain; everything else is ISC.\n', 'ISC', 'a bare "ISC" after "is" has no licensing cue'],
]

// Round 5 (after round 4): GNU notices with version choices, exceptions by name, URL forms.
const ROUND5: Case[] = [
  ['You can redistribute it under the GNU GPL version 2 or (at your option) version 3.\n', 'GPL-2.0-only OR GPL-3.0-only'],
  ['This code is licenced under the GPL.\n', 'GPL-1.0-or-later'],
  ['Licensed under the GNU General Public License v3.0 or later, with the Font exception.\n', 'GPL-3.0-or-later WITH Font-exception-2.0'],
  ['This file is distributed under the University of Illinois Open Source License. See LICENSE.TXT for details.\n', 'NCSA'],
  ['Released under https://www.mozilla.org/MPL/1.1/\n', 'MPL-1.1'],
  ['Creative Commons license: https://creativecommons.org/licenses/by-nc/2.5/legalcode\n', 'CC-BY-NC-2.5'],
  ['License: https://github.com/owner/repo/blob/main/LICENSE\n', 'NOASSERTION'],
  ['Written in GNU C with GCC extensions.\n', 'NONE'],
  ['Mozilla Firefox and Apache Tomcat are supported.\n', 'NONE'],
]

// Round 6 (after round 5): AI model notices.
const ROUND6: Case[] = [
  ['Use of this model is subject to the Llama 4 Community License Agreement.\n', 'LicenseRef-llama-4-community'],
  ['License: llama3.1\n', 'LicenseRef-llama-3.1-community'],
  ['This repository is licensed under the MIT License. The use of DeepSeek-V2 Base/Chat models is subject to the Model License.\n', 'MIT'],
  ['This model is released under the BigCode OpenRAIL-M v1 license agreement.\n', 'LicenseRef-bigcode-openrail-m-v1'],
  ['This model is released under the OpenMDW License Agreement, version 1.0.\n', 'OpenMDW-1.0'],
  ['Licensed under the FLUX.1 [dev] Non-Commercial License.\n', 'LicenseRef-flux-1-dev-non-commercial'],
  ['We fine-tuned Qwen2.5-7B-Instruct on our dataset.\n', 'NONE'],
  // not AI: an unversioned name takes the version of its family's page next to it
  ['This file is under the CDDL; a copy is at https://oss.oracle.com/licenses/CDDL+GPL-1.1 for reference.\n', 'CDDL-1.1'],
  ['Covered by the MPL (see https://mozilla.org/MPL/2.0/).\n', 'MPL-2.0'],
  ['Powered by DeepSeek.\n', 'NONE'],
]

// Round 7 (after round 6): multi-license wording.
const ROUND7: Case[] = [
  ['Version: MPL 1.1/GPL 2.0/LGPL 2.1\nThe contents of this file are subject to the Mozilla Public License Version 1.1. Alternatively, the contents may be used under the terms of either the GNU General Public License Version 2 or later (the "GPL"), or the GNU Lesser General Public License Version 2.1 or later (the "LGPL").\n', 'MPL-1.1 OR GPL-2.0-or-later OR LGPL-2.1-or-later'],
  ['License: MPL 1.1/GPL 2.0/LGPL 2.1\n', 'MPL-1.1 OR GPL-2.0-only OR LGPL-2.1-only'],
  ['Choose the license that suits you: Apache-2.0, MIT or BSD-3-Clause.\n', 'Apache-2.0 OR MIT OR BSD-3-Clause'],
  ['Licensed under either the GPLv3 or the AGPLv3, at your choice.\n', 'GPL-3.0-only OR AGPL-3.0-only'],
  ['The source is GPL-3.0-or-later; the documentation is GFDL-1.3-or-later.\n', 'GPL-3.0-or-later AND GFDL-1.3-or-later'],
  ['Licensed under GPLv2 with the OpenSSL exception.\n', 'GPL-2.0-only'],
  ['This file is under the Apache License, Version 2.0, or the MIT license, or the Boost Software License.\n', 'Apache-2.0 OR MIT OR BSL-1.0'],
  ['Licensed under the MIT and Apache 2.0 licenses, at your option.\n', 'MIT OR Apache-2.0'],
  ['Available under MIT, Apache-2.0, whichever you prefer.\n', 'MIT OR Apache-2.0'],
]

// Round 8 (after round 7): one wrapped notice in many comment styles (line starts that look like sentence ends).
const WRAPPED = ['You may share and change this program under the terms of the GNU General Public License as', 'published by the Free Software Foundation; either version 2 of the License, or', '(at your option) any later version.']
const STYLES: [string, (line: string) => string, string?, string?][] = [
  ['C block', (l) => ` * ${l}`, '/*', ' */'],
  ['hash', (l) => `# ${l}`],
  ['SQL/Lua', (l) => `-- ${l}`],
  ['Lisp', (l) => `;; ${l}`],
  ['VB', (l) => `' ${l}`],
  ['REM', (l) => `REM ${l}`],
  ['m4', (l) => `dnl ${l}`],
  ['TeX', (l) => `% ${l}`],
  ['Fortran', (l) => `! ${l}`],
  ['OCaml', (l) => `   ${l}`, '(*', '*)'],
  ['XML', (l) => `  ${l}`, '<!--', '-->'],
  ['Vim', (l) => `" ${l}`],
  ['batch', (l) => `:: ${l}`],
  ['reST', (l) => `.. ${l}`],
]
const ROUND8: Case[] = STYLES.map(([, f, open, close]) => [
  [open, ...WRAPPED.map(f), close, 'run()'].filter((x) => x !== undefined).join('\n') + '\n',
  'GPL-2.0-or-later',
])

// Round 9 (after round 8): license page addresses.
const ROUND9: Case[] = [
  ['License text: http://www.gnu.org/licenses/lgpl-3.0.en.html\n', 'LGPL-3.0-only'],
  ['See https://www.gnu.org/licenses/agpl-3.0.en.html\n', 'AGPL-3.0-only'],
  ['Terms: http://www.opensource.org/licenses/isc-license.txt\n', 'ISC'],
  ['Licence: http://www.eclipse.org/org/documents/epl-v10.php\n', 'EPL-1.0'],
  ['https://creativecommons.org/licenses/by-sa/4.0/deed.de\n', 'CC-BY-SA-4.0'],
  ['https://spdx.org/licenses/GPL-3.0-or-later.html\n', 'GPL-3.0-or-later'],
  ['http://www.php.net/license/3_01.txt\n', 'PHP-3.01'],
  ['https://github.com/foo/bar\n', 'NONE'],
  // not a URL: an abbreviation does not take a version across other words
  ['We removed the GPL dependency in v2.0.\n', 'NONE'],
  ['This code is released under the LGPL, v. 2.1.\n', 'LGPL-2.1-only'],
]

const ALL: [string, Case[]][] = [
  ['notices', NOTICES],
  ['headers', HEADERS],
  ['multi', MULTI],
  ['ai', AI],
  ['negatives', NEGATIVES],
  ['round 2', ROUND2],
  ['round 3', ROUND3],
  ['round 4', ROUND4],
  ['round 5', ROUND5],
  ['round 6', ROUND6],
  ['round 7', ROUND7],
  ['round 8', ROUND8],
  ['round 9', ROUND9],
]

const expressionOf = (source: string) => analyzeLicenseText(source).expression

describe('notices, headers and multi-license statements (blind round)', () => {
  for (const [name, cases] of ALL) {
    describe(name, () => {
      for (const [source, expected, cause] of cases) {
        const title = `${JSON.stringify(source.slice(0, 70))} → ${expected}`
        // ids as the scorer compares them, and a choice stays a choice (OR) while a conjunction stays one
        const run = () => expect(expressionOf(source), source).toSatisfy((got: string) => same(expected, got) && got.includes(' OR ') === expected.includes(' OR '))
        if (cause) it.fails(`${title} (${cause})`, run)
        else it(title, run)
      }
    })
  }
})

// `BLIND_REPORT=1 npx vitest run test/match/notices-blind.test.ts` prints the score table and the misses
if (process.env.BLIND_REPORT) {
  let total = 0
  let exact = 0
  let lenient = 0
  for (const [name, cases] of ALL) {
    let e = 0
    let l = 0
    for (const [source, expected] of cases) {
      const got = expressionOf(source)
      if (same(expected, got)) e++
      else console.log(`MISS [${name}] ${JSON.stringify(source.slice(0, 90))}\n   want ${expected}\n   got  ${got}`)
      if (same(expected, got, true)) l++
    }
    console.log(`${name}: exact ${e}/${cases.length}, lenient ${l}/${cases.length}`)
    total += cases.length
    exact += e
    lenient += l
  }
  console.log(`ALL: exact ${exact}/${total}, lenient ${lenient}/${total}`)
}
