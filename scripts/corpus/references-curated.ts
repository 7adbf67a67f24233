// Curated facts for the reference rules: abbreviations and common spellings of license names, which family an
// unversioned mention means, and license pages that no other source lists. Names and URLs only, no text.

// Family stems that are one family under two names (SPDX names LGPL-2.0 "Library", later ones "Lesser").
export const FAMILY_ALIASES: Readonly<Record<string, string>> = {
  'gnu library general public license': 'gnu lesser general public license',
  'affero general public license': 'gnu affero general public license',
}

// What an unversioned mention of a family means. As in ScanCode, the first version, "or later" where the
// family has that form ("GNU GPL" → GPL-1.0-or-later, "LGPL" → LGPL-2.0-or-later, "MPL" → MPL-1.0). Exceptions
// by a member id: AGPL starts at 3.0 (the FSF published no earlier one); "the Apache License" means 2.0 in
// practice (1.0 and 1.1 are rarely used and always versioned when they are).
export const UNVERSIONED: Readonly<Record<string, string>> = {
  'AGPL-3.0-only': 'AGPL-3.0-or-later',
  'Apache-2.0': 'Apache-2.0',
}

// Curated spellings: [phrase, target, weak?, confidence?]. `fam:<id>` = the family of that id, `id:<id>` = the id,
// `exc:<id>` = an exception.
export type Curated = [string, string, boolean?, number?]
export const CURATED: Curated[] = [
  ['gpl', 'fam:GPL-2.0-only', true],
  ['gnu gpl', 'fam:GPL-2.0-only'],
  ['general public license', 'fam:GPL-2.0-only'],
  ['gnu public license', 'fam:GPL-2.0-only'],
  ['lgpl', 'fam:LGPL-2.1-only', true],
  ['gnu lgpl', 'fam:LGPL-2.1-only'],
  ['lesser general public license', 'fam:LGPL-2.1-only'],
  ['library general public license', 'fam:LGPL-2.1-only'],
  ['gnu library or lesser general public license', 'fam:LGPL-2.1-only'],
  ['lesser gpl', 'fam:LGPL-2.1-only'],
  ['gnu lesser gpl', 'fam:LGPL-2.1-only'],
  ['library gpl', 'fam:LGPL-2.1-only'],
  ['gnu library gpl', 'fam:LGPL-2.1-only'],
  ['agpl', 'fam:AGPL-3.0-only', true],
  ['gnu agpl', 'fam:AGPL-3.0-only'],
  ['affero gpl', 'fam:AGPL-3.0-only'],
  ['gnu affero gpl', 'fam:AGPL-3.0-only'],
  ['gfdl', 'fam:GFDL-1.3-only', true],
  ['gnu fdl', 'fam:GFDL-1.3-only'],
  ['free documentation license', 'fam:GFDL-1.3-only'],
  ['mpl', 'fam:MPL-2.0', true],
  ['epl', 'fam:EPL-2.0', true],
  ['cddl', 'fam:CDDL-1.0', true],
  ['cpl', 'fam:CPL-1.0', true],
  ['afl', 'fam:AFL-3.0', true],
  ['osl', 'fam:OSL-3.0', true],
  ['eupl', 'fam:EUPL-1.2', true],
  ['lppl', 'fam:LPPL-1.3c', true],
  ['apache', 'fam:Apache-2.0', true],
  ['asl', 'fam:Apache-2.0', true],
  ['apache software license', 'fam:Apache-2.0'],
  ['apache public license', 'fam:Apache-2.0'],
  ['expat license', 'id:MIT'],
  ['bsd', 'id:BSD-3-Clause', true, 0.5],
  ['bsd license', 'id:BSD-3-Clause', false, 0.5],
  ['new bsd', 'id:BSD-3-Clause'],
  ['new bsd license', 'id:BSD-3-Clause'],
  ['modified bsd', 'id:BSD-3-Clause'],
  ['modified bsd license', 'id:BSD-3-Clause'],
  ['revised bsd', 'id:BSD-3-Clause'],
  ['revised bsd license', 'id:BSD-3-Clause'],
  ['3 clause bsd', 'id:BSD-3-Clause'],
  ['three clause bsd', 'id:BSD-3-Clause'],
  ['bsd 3 clause', 'id:BSD-3-Clause'],
  ['bsd 3 clause license', 'id:BSD-3-Clause'],
  ['simplified bsd', 'id:BSD-2-Clause'],
  ['simplified bsd license', 'id:BSD-2-Clause'],
  ['freebsd license', 'id:BSD-2-Clause'],
  ['2 clause bsd', 'id:BSD-2-Clause'],
  ['two clause bsd', 'id:BSD-2-Clause'],
  ['bsd 2 clause', 'id:BSD-2-Clause'],
  ['bsd 2 clause license', 'id:BSD-2-Clause'],
  ['original bsd', 'id:BSD-4-Clause'],
  ['original bsd license', 'id:BSD-4-Clause'],
  ['4 clause bsd', 'id:BSD-4-Clause'],
  ['bsd 4 clause', 'id:BSD-4-Clause'],
  ['boost license', 'id:BSL-1.0'],
  // the wxWindows Library Licence is the GNU Library GPL 2.0 or later plus its exception (so its own text says);
  // the deprecated SPDX id `wxWindows` keeps the successor SPDX lists for it
  ['wxwindows license', 'id:LGPL-2.0-or-later WITH WxWindows-exception-3.1'],
  ['wxwindows library license', 'id:LGPL-2.0-or-later WITH WxWindows-exception-3.1'],
  ['ofl', 'fam:OFL-1.1', true],
  ['sil ofl', 'fam:OFL-1.1'],
  ['cc0', 'id:CC0-1.0', true],
  ['cc0 1.0', 'id:CC0-1.0'],
  ['cc0 1.0 universal', 'id:CC0-1.0'],
  // Go's and Chromium's one-line header: ScanCode reads the "BSD-style license … in the LICENSE file" as BSD-3-Clause
  ['bsd style license that can be found in the license file', 'id:BSD-3-Clause'],
  // exceptions often named by what they allow rather than by their SPDX name
  // the Unlicense's opening sentence, often quoted alone as the whole notice
  ['free and unencumbered software released into the public domain', 'id:Unlicense'],
  // "MIT/X11": the MIT license under the X Consortium's other name
  ['mit x11', 'id:MIT'],
  ['mit x11 license', 'id:MIT'],
  ['cecill', 'fam:CECILL-2.1', true],
  ['cecill license', 'fam:CECILL-2.1'],
  ['intel simplified software license', 'id:Intel-ISSL'],
  // LLVM's old header names NCSA without "NCSA"
  ['university of illinois open source license', 'id:NCSA'],
  // the Linux kernel's dual-license notices name the BSD half this way
  ['openib.org bsd license', 'id:Linux-OpenIB'],
  ['do what the fuck you want to public license', 'id:WTFPL'],
  // Angular's one-line header, the MIT counterpart of the one above
  ['mit style license that can be found in the license file', 'id:MIT'],
  // OSI's name for the Zlib license
  ['zlib libpng license', 'id:Zlib'],
  // Perl's own terms: the choice of the Artistic License (Perl's version) or the GPL, any version
  ['same terms as perl itself', 'id:Artistic-1.0-Perl OR GPL-1.0-or-later'],
  ['same terms as perl', 'id:Artistic-1.0-Perl OR GPL-1.0-or-later'],
  ['ocaml static linking exception', 'exc:OCaml-LGPL-linking-exception'],
  ['gcc runtime exception', 'exc:GCC-exception-3.1'],
  ['cc zero', 'id:CC0-1.0'],
]

// Well-known license pages that neither the SPDX crossRefs nor the manifest list (facts about where they live).
export const CURATED_URLS: [string, string][] = [
  ['https://ai.meta.com/llama/license', 'LicenseRef-llama-2-community'],
  ['https://ai.meta.com/resources/models-and-libraries/llama-downloads', 'LicenseRef-llama-2-community'],
  ['https://llama.meta.com/llama3/license', 'LicenseRef-llama-3-community'],
  ['https://llama.meta.com/llama3_1/license', 'LicenseRef-llama-3.1-community'],
  ['https://www.llama.com/llama3_1/license', 'LicenseRef-llama-3.1-community'],
  ['https://llama.meta.com/llama3_2/license', 'LicenseRef-llama-3.2-community'],
  ['https://www.llama.com/llama3_2/license', 'LicenseRef-llama-3.2-community'],
  ['https://www.llama.com/llama3_3/license', 'LicenseRef-llama-3.3-community'],
  ['https://www.llama.com/llama4/license', 'LicenseRef-llama-4-community'],
  ['https://ai.google.dev/gemma/terms', 'LicenseRef-gemma-terms-of-use'],
  ['https://www.apache.org/licenses/LICENSE-2.0', 'Apache-2.0'],
  ['https://opensource.org/licenses/mit-license', 'MIT'],
  ['https://www.mozilla.org/MPL/2.0', 'MPL-2.0'],
  ['https://www.mozilla.org/MPL/1.1', 'MPL-1.1'],
  // OSI's and Eclipse's older page addresses
  ['http://www.opensource.org/licenses/isc-license', 'ISC'],
  ['http://www.opensource.org/licenses/apache2.0', 'Apache-2.0'],
  ['http://www.opensource.org/licenses/cpl1.0', 'CPL-1.0'],
  ['http://www.opensource.org/licenses/eclipse-1.0', 'EPL-1.0'],
  ['http://www.eclipse.org/org/documents/epl-v10', 'EPL-1.0'],
  ['http://www.eclipse.org/org/documents/edl-v10', 'BSD-3-Clause'],
  // GlassFish's dual CDDL/GPL pages: the CDDL version is in the address
  ['https://glassfish.dev.java.net/public/CDDL+GPL_1_1.html', 'CDDL-1.1'],
  ['https://glassfish.java.net/public/CDDL+GPL_1_1.html', 'CDDL-1.1'],
  ['https://oss.oracle.com/licenses/CDDL+GPL-1.1', 'CDDL-1.1'],
  ['https://glassfish.dev.java.net/public/CDDL+GPL.html', 'CDDL-1.0'],
  ['https://www.mozilla.org/MPL/1.0', 'MPL-1.0'],
  ['https://www.eclipse.org/legal/epl-v10', 'EPL-1.0'],
  ['http://www.wtfpl.net', 'WTFPL'],
  // unversioned GNU pages: the family's unversioned meaning (ScanCode: "GNU GPL" → GPL-1.0-or-later)
  ['https://www.gnu.org/copyleft/gpl', 'GPL-1.0-or-later'],
  ['https://www.gnu.org/licenses/gpl', 'GPL-1.0-or-later'],
  ['https://www.gnu.org/copyleft/lesser', 'LGPL-2.0-or-later'],
  ['https://www.gnu.org/licenses/lgpl', 'LGPL-2.0-or-later'],
]
