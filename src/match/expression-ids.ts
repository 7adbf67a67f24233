// SPDX id tables: case-insensitive lookup of license and exception ids, deprecated ids and their successors,
// and the `correctLicenseId` suggestion helper for ids written loosely ("apache2", "GPLv3", "mit license").
import licenseIds from 'spdx-license-ids/index.json' with { type: 'json' }
import deprecatedIds from 'spdx-license-ids/deprecated.json' with { type: 'json' }
import exceptionIds from 'spdx-exceptions/index.json' with { type: 'json' }

/** What a license id stands for once deprecations are resolved: a license (maybe "or later"), maybe with an exception. */
export interface ResolvedId {
  license: string
  exception?: string
}

// GNU licenses whose bare deprecated id means "-only" and whose `+` means "-or-later" (SPDX 3.0 renamed them).
const GNU_VERSIONED = /^(A?GPL|LGPL|GFDL)-\d\.\d$/

// Successors of the other deprecated ids, from the `<obsoletedBy>` elements of the SPDX XML (checked by a test).
// Ids without a successor (Net-SNMP) stay as they are: they are still valid SPDX.
const SUCCESSORS: Readonly<Record<string, ResolvedId>> = {
  'BSD-2-Clause-FreeBSD': { license: 'BSD-2-Clause' },
  'BSD-2-Clause-NetBSD': { license: 'BSD-2-Clause' },
  Nunit: { license: 'zlib-acknowledgement' },
  'StandardML-NJ': { license: 'SMLNJ' },
  'bzip2-1.0.5': { license: 'bzip2-1.0.6' },
  'eCos-2.0': { license: 'GPL-2.0-or-later', exception: 'eCos-exception-2.0' },
  wxWindows: { license: 'GPL-2.0-or-later', exception: 'WxWindows-exception-3.1' },
  'GPL-2.0-with-GCC-exception': { license: 'GPL-2.0-only', exception: 'GCC-exception-2.0' },
  'GPL-2.0-with-autoconf-exception': { license: 'GPL-2.0-only', exception: 'Autoconf-exception-2.0' },
  'GPL-2.0-with-bison-exception': { license: 'GPL-2.0-only', exception: 'Bison-exception-2.2' },
  'GPL-2.0-with-classpath-exception': { license: 'GPL-2.0-only', exception: 'Classpath-exception-2.0' },
  'GPL-2.0-with-font-exception': { license: 'GPL-2.0-only', exception: 'Font-exception-2.0' },
  'GPL-3.0-with-GCC-exception': { license: 'GPL-3.0-only', exception: 'GCC-exception-3.1' },
  'GPL-3.0-with-autoconf-exception': { license: 'GPL-3.0-only', exception: 'Autoconf-exception-3.0' },
}

const LICENSES = new Map<string, string>()
const DEPRECATED = new Set<string>(deprecatedIds as string[])
const EXCEPTIONS = new Map<string, string>()
for (const id of [...(licenseIds as string[]), ...(deprecatedIds as string[])]) LICENSES.set(id.toLowerCase(), id)
for (const id of exceptionIds as string[]) EXCEPTIONS.set(id.toLowerCase(), id)

/** Every SPDX exception id. */
export function allExceptionIds(): string[] {
  return [...EXCEPTIONS.values()]
}

/** Every SPDX license id, current and deprecated. */
export function allLicenseIds(): string[] {
  return [...LICENSES.values()]
}

/** The SPDX license id spelled `raw` in any letter case (current or deprecated), if there is one. */
export function lookupLicenseId(raw: string): string | undefined {
  return LICENSES.get(raw.toLowerCase())
}

/** The SPDX exception id spelled `raw` in any letter case, if there is one. */
export function lookupExceptionId(raw: string): string | undefined {
  return EXCEPTIONS.get(raw.toLowerCase())
}

/** Whether `id` (exact case) is a deprecated SPDX license id. */
export function isDeprecatedId(id: string): boolean {
  return DEPRECATED.has(id)
}

/**
 * Resolve an exact-case SPDX id, with its `+` flag, to the current id: `GPL-2.0` → `GPL-2.0-only`,
 * `GPL-2.0` + `+` → `GPL-2.0-or-later`, `GPL-2.0-only` + `+` → `GPL-2.0-or-later`, `eCos-2.0` → `GPL-2.0-or-later
 * WITH eCos-exception-2.0`. Other ids with `+` keep it (`MPL-1.1+` is valid SPDX).
 */
export function resolveLicenseId(id: string, plus = false): ResolvedId {
  const successor = SUCCESSORS[id]
  if (successor) {
    if (plus && successor.license.endsWith('-only')) return { ...successor, license: successor.license.replace(/-only$/, '-or-later') }
    return successor
  }
  if (GNU_VERSIONED.test(id)) return { license: `${id}-${plus ? 'or-later' : 'only'}` }
  const gnu = /^(.*)-(only|or-later)$/.exec(id)
  if (gnu && GNU_VERSIONED.test(gnu[1])) return { license: plus ? `${gnu[1]}-or-later` : id }
  return { license: plus ? `${id}+` : id }
}

// Loose spellings squashed to a key: lower case, "license"/"the"/"version"/"gnu" dropped, separators removed.
// "Apache License, Version 2.0" → "apache2.0", "GPLv3+" → "gpl3+", "The MIT License" → "mit".
function squash(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/\b(?:the|gnu|licen[cs]e[ds]?|version|ver)\b/g, ' ')
    .replace(/(^|[^a-z])v(?=\d)/g, '$1')
    .replace(/([a-z])v(?=\d)/g, '$1')
    .replace(/[^a-z0-9.+]+/g, '')
    .replace(/\.$/, '')
}

// Common spellings that squashing alone does not reach (keys are squashed). Facts about names, not texts.
const LOOSE_ALIASES: Readonly<Record<string, string>> = {
  apache: 'Apache-2.0',
  asl2: 'Apache-2.0',
  'asl2.0': 'Apache-2.0',
  apachesoftware2: 'Apache-2.0',
  'apachesoftware2.0': 'Apache-2.0',
  'apachepublic2.0': 'Apache-2.0',
  expat: 'MIT',
  mitx11: 'MIT',
  newbsd: 'BSD-3-Clause',
  modifiedbsd: 'BSD-3-Clause',
  revisedbsd: 'BSD-3-Clause',
  bsd3: 'BSD-3-Clause',
  '3clausebsd': 'BSD-3-Clause',
  simplifiedbsd: 'BSD-2-Clause',
  freebsd: 'BSD-2-Clause',
  bsd2: 'BSD-2-Clause',
  '2clausebsd': 'BSD-2-Clause',
  originalbsd: 'BSD-4-Clause',
  bsd4: 'BSD-4-Clause',
  '4clausebsd': 'BSD-4-Clause',
  boost: 'BSL-1.0',
  boostsoftware: 'BSL-1.0',
  unlicense: 'Unlicense',
  publicdomaincc0: 'CC0-1.0',
  cc0: 'CC0-1.0',
  wtfpl: 'WTFPL',
  zlib: 'Zlib',
  mpl2: 'MPL-2.0',
  epl2: 'EPL-2.0',
  'gpl+': 'GPL-1.0-or-later',
  'lgpl+': 'LGPL-2.0-or-later',
  agpl3: 'AGPL-3.0-only',
  'agpl3+': 'AGPL-3.0-or-later',
}

let squashed: Map<string, string> | undefined

function squashIndex(): Map<string, string> {
  if (squashed) return squashed
  squashed = new Map()
  const add = (key: string, value: string) => {
    if (!squashed!.has(key)) squashed!.set(key, value)
  }
  for (const [key, value] of Object.entries(LOOSE_ALIASES)) add(key, value)
  for (const id of [...(licenseIds as string[]), ...(deprecatedIds as string[])]) {
    for (const plus of [false, true]) {
      const resolved = resolveLicenseId(id, plus)
      if (resolved.exception) continue
      const key = squash(id) + (plus ? '+' : '')
      add(key, resolved.license)
      // "apache2" for "Apache-2.0", "gpl3" for "GPL-3.0": trailing ".0" is often left out
      add(key.replace(/\.0(?=\+?$)/, ''), resolved.license)
    }
  }
  return squashed
}

/**
 * Suggest the SPDX id a loosely written license id most likely means, from its spelling alone (no corpus). Deprecated ids resolve to their
 * successors; nothing is guessed for names that could mean several licenses ("BSD", "GPL" without a version).
 *
 * @param raw - a license name or id as someone wrote it.
 * @returns the canonical SPDX id, or `undefined` when there is no confident suggestion.
 * @example
 * correctLicenseId('apache2') // 'Apache-2.0'
 * correctLicenseId('GPLv3') // 'GPL-3.0-only'
 * correctLicenseId('mit license') // 'MIT'
 */
export function correctLicenseIdSpelling(raw: string): string | undefined {
  const text = raw.trim()
  if (!text || text.length > 200) return undefined
  const exact = lookupLicenseId(text.replace(/\+$/, ''))
  if (exact) {
    const resolved = resolveLicenseId(exact, text.endsWith('+'))
    if (!resolved.exception) return resolved.license
  }
  const key = squash(text)
  if (!key) return undefined
  return squashIndex().get(key)
}
