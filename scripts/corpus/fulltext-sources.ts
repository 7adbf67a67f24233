// Build-time list of every reference text the full-text matcher knows, read from ../shared and spdx-license-list.
//
// - SPDX licenses and exceptions from the XML templates (markup kept as spans); each `<standardLicenseHeader>`
//   becomes an extra reference of kind `header`. Deprecated ids are left out: their texts are those of their
//   successors (`GPL-2.0` = `GPL-2.0-only`) or a license plus an exception, which the matcher composes itself.
// - AI-model licenses and acceptable-use policies from ../shared/license-texts (canonical id: the SPDX id, else
//   `LicenseRef-<id>`).
// - Without ../shared, the plain SPDX texts of the `spdx-license-list` package (no markup, no exceptions).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import type { Rendered } from './fulltext-xml.js'
import { readSpdxXml } from './fulltext-xml.js'

export type ReferenceKind = 'license' | 'header' | 'exception' | 'policy'

export interface SourceReference {
  /** Canonical id reported on a match. */
  id: string
  kind: ReferenceKind
  /** The license's full name (SPDX `name`, manifest `name`): its distinctive words identify the text. */
  name: string
  /** Version family (groups.json) of an AI license, reported when only the family is certain. */
  group?: string
  /** Decisive phrases from licenses/<id>.yaml (`keyPhrases`), when that file exists. */
  keyPhrases?: string[]
  rendered: Rendered
}

interface ManifestEntry {
  id: string
  name: string
  family: string
  spdxId: string | null
  group: string | null
}

// A first line that reads like a title: short and not a sentence.
const TITLE_LINE = /^\s*(?:\S+[ \t]+){0,11}\S+\s*$/

/** Mark the first line of a plain text as its title when it looks like one. */
export function renderPlain(text: string): Rendered {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const first = /^\s*([^\n]*)/.exec(clean)
  const spans: Rendered['spans'] = []
  if (first && TITLE_LINE.test(first[1]) && !/[.:;,]\s*$/.test(first[1])) {
    const start = first[0].length - first[1].length
    spans.push({ kind: 'title', start, end: first[0].length })
  }
  return { text: clean, spans }
}

function readSpdx(shared: string): SourceReference[] {
  const out: SourceReference[] = []
  for (const folder of ['licenses', 'exceptions']) {
    const dir = join(shared, 'spdx', folder)
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.xml')).sort()) {
      const entry = readSpdxXml(readFileSync(join(dir, file), 'utf8'))
      if (!entry || entry.deprecated) continue
      out.push({ id: entry.id, kind: entry.kind, name: entry.name, rendered: entry.text })
      for (const header of entry.headers) out.push({ id: entry.id, kind: 'header', name: entry.name, rendered: header })
    }
  }
  return out
}

function readModelLicenses(shared: string): SourceReference[] {
  const dir = join(shared, 'license-texts')
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ManifestEntry[]
  const out: SourceReference[] = []
  for (const e of [...manifest].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const path = join(dir, `${e.id}.txt`)
    if (!existsSync(path)) continue
    out.push({
      id: e.spdxId ?? `LicenseRef-${e.id}`,
      kind: e.family === 'acceptable-use-policy' ? 'policy' : 'license',
      name: e.name,
      group: e.group ? `LicenseRef-${e.group}` : undefined,
      rendered: renderPlain(readFileSync(path, 'utf8')),
    })
  }
  return out
}

function readSpdxPackage(): SourceReference[] {
  const list = createRequire(import.meta.url)('spdx-license-list/full') as Record<string, { name: string; licenseText: string }>
  return Object.keys(list)
    .sort()
    .map((id) => ({ id, kind: 'license' as const, name: list[id].name, rendered: renderPlain(list[id].licenseText) }))
}

/**
 * `keyPhrases` of licenses/<id>.yaml (written by hand, next to the package), by canonical id; missing or
 * unreadable files simply contribute nothing.
 */
function readKeyPhrases(root: string | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>()
  const dir = root && join(root, 'licenses')
  if (!dir || !existsSync(dir)) return out
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    try {
      const meta = parseYaml(readFileSync(join(dir, file), 'utf8')) as { id?: string; spdxId?: string; keyPhrases?: unknown }
      const phrases = Array.isArray(meta?.keyPhrases) ? meta.keyPhrases.filter((p): p is string => typeof p === 'string') : []
      if (!phrases.length || typeof meta.id !== 'string') continue
      out.set(meta.spdxId ?? (/^[A-Z]/.test(meta.id) ? meta.id : `LicenseRef-${meta.id}`), phrases)
    } catch {
      // a broken metadata file is the licenses/ owner's to report; the corpus builds without its phrases
    }
  }
  return out
}

/**
 * Every reference text, in a fixed order (SPDX licenses, SPDX exceptions, AI licenses).
 *
 * @param shared - the ../shared folder.
 * @param root - the package root, for licenses/*.yaml key phrases (optional).
 */
export function readSourceReferences(shared: string, root?: string): SourceReference[] {
  const refs = existsSync(join(shared, 'spdx', 'licenses')) ? readSpdx(shared) : readSpdxPackage()
  if (existsSync(join(shared, 'license-texts', 'manifest.json'))) refs.push(...readModelLicenses(shared))
  const phrases = readKeyPhrases(root)
  for (const r of refs) if (r.kind !== 'header' && phrases.has(r.id)) r.keyPhrases = phrases.get(r.id)
  return refs
}
