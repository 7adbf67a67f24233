// Readers for the reference rules' sources: SPDX license and exception XML (names, crossRefs, deprecation) and
// licenses/*.yaml (validated with the schema; unreadable files are skipped with a warning).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { LicenseMetaSchema, type LicenseMeta } from '../../src/schema/license-meta.js'

export interface SpdxEntry {
  id: string
  name: string
  deprecated: boolean
  crossRefs: string[]
}

export interface AiEntry {
  id: string
  name: string
  spdxId?: string | null
  url?: string | null
  group?: string | null
}

const decode = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

export function readSpdx(dir: string): SpdxEntry[] {
  if (!existsSync(dir)) return []
  const out: SpdxEntry[] = []
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.xml')).sort()) {
    const xml = readFileSync(join(dir, file), 'utf8')
    const head = /<license\s([^>]*)>/.exec(xml)?.[1] ?? ''
    const id = /licenseId="([^"]+)"/.exec(head)?.[1]
    const name = /\sname="([^"]+)"/.exec(' ' + head)?.[1]
    if (!id || !name) continue
    const crossRefs = [...xml.matchAll(/<crossRef>\s*([^<\s]+)\s*<\/crossRef>/g)].map((m) => decode(m[1]))
    out.push({ id, name: decode(name), deprecated: /deprecatedVersion=/.test(head), crossRefs })
  }
  return out
}

/** Exception names: `<exception licenseId name>` of the SPDX exceptions XML (deprecated ones skipped). */
export function readExceptions(dir: string): { id: string; name: string }[] {
  if (!existsSync(dir)) return []
  const out: { id: string; name: string }[] = []
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.xml')).sort()) {
    const head = /<exception\s([^>]*)>/.exec(readFileSync(join(dir, file), 'utf8'))?.[1] ?? ''
    const id = /licenseId="([^"]+)"/.exec(head)?.[1]
    const name = /\sname="([^"]+)"/.exec(' ' + head)?.[1]
    if (id && name && !/deprecatedVersion=/.test(head)) out.push({ id, name: decode(name) })
  }
  return out
}

export function readYamlLicenses(dir: string): LicenseMeta[] {
  if (!existsSync(dir)) return []
  const out: LicenseMeta[] = []
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    try {
      const parsed = LicenseMetaSchema.safeParse(parseYaml(readFileSync(join(dir, file), 'utf8')))
      if (parsed.success) out.push(parsed.data)
      else console.warn(`references: skipping licenses/${file} (invalid)`)
    } catch {
      console.warn(`references: skipping licenses/${file} (unreadable)`)
    }
  }
  return out
}
