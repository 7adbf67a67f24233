// Corpus part `licenses.json`: validates every licenses/<id>.yaml, adds canonical ids, the groups and the Hub id table.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { LicenseMetaSchema, type LicenseMeta } from '../../src/schema/license-meta.js'
import { nameKey, urlKey, type CompiledLicense, type HubEntry, type LicenseGroup, type LicensesCorpus } from '../../src/corpus/licenses.js'
import type { Openness } from '../../src/schema/license-meta.js'
import type { BuildContext } from './build.js'

const require = createRequire(import.meta.url)
const spdxIds: string[] = require('spdx-license-ids')
const spdxDeprecated: string[] = require('spdx-license-ids/deprecated.json')

/** Hub ids that stand for a family rather than one license (the Hub table calls them "family"). */
const HUB_FAMILIES: Record<string, string> = {
  bsd: 'bsd',
  cc: 'cc',
  gpl: 'gpl',
  lgpl: 'lgpl',
  gfdl: 'gfdl',
  openrail: 'openrail',
}

/** Hub ids that carry no license of their own: the card must say more (`license_name`, `license_link`). */
const HUB_NO_LICENSE = new Set(['other', 'unknown'])

/**
 * Hub ids that are not spelled like their SPDX id. GNU ids without a suffix mean "-only" on the Hub
 * (the same convention licensee and ScanCode follow); the rest differ only in spelling.
 */
const HUB_TO_SPDX: Record<string, string> = {
  'agpl-3.0': 'AGPL-3.0-only',
  'gpl-2.0': 'GPL-2.0-only',
  'gpl-3.0': 'GPL-3.0-only',
  'lgpl-2.1': 'LGPL-2.1-only',
  'lgpl-3.0': 'LGPL-3.0-only',
  'c-uda': 'C-UDA-1.0',
  'lgpl-lr': 'LGPLLR',
  'odc-by': 'ODC-By-1.0',
  odbl: 'ODbL-1.0',
  pddl: 'PDDL-1.0',
}

/** Read and validate every YAML file; collect all problems and throw once. */
export function loadLicenseFiles(dir: string): LicenseMeta[] {
  const problems: string[] = []
  const out: LicenseMeta[] = []
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
  for (const file of files) {
    let raw: unknown
    try {
      raw = parseYaml(readFileSync(join(dir, file), 'utf8'))
    } catch (error) {
      problems.push(`licenses/${file}: YAML parse error: ${(error as Error).message}`)
      continue
    }
    const result = LicenseMetaSchema.safeParse(raw)
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push(`licenses/${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`)
      }
      continue
    }
    const meta = result.data
    if (`${meta.id}.yaml` !== file) problems.push(`licenses/${file}: id "${meta.id}" does not match the file name`)
    out.push(meta)
  }
  problems.push(...crossCheck(out))
  if (problems.length) {
    throw new Error(`licenses/ has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`)
  }
  return out
}

/** Checks that need the whole set: unique Hub ids per group, known SPDX ids, known policy references. */
function crossCheck(metas: LicenseMeta[]): string[] {
  const problems: string[] = []
  const ids = new Set(metas.map((m) => m.id))
  const spdx = new Set([...spdxIds, ...spdxDeprecated])
  const hubOwners = new Map<string, LicenseMeta[]>()
  for (const m of metas) {
    if (m.spdxId && !spdx.has(m.spdxId)) problems.push(`licenses/${m.id}.yaml: spdxId "${m.spdxId}" is not an SPDX id`)
    for (const p of m.incorporates) {
      if (!ids.has(p)) problems.push(`licenses/${m.id}.yaml: incorporates unknown "${p}"`)
    }
    for (const r of m.restrictions) {
      const policy = r.parameters.policy
      if (typeof policy === 'string' && !ids.has(policy)) {
        problems.push(`licenses/${m.id}.yaml: restriction ${r.kind} names unknown policy "${policy}"`)
      }
    }
    for (const h of m.hfHubIds) hubOwners.set(h, [...(hubOwners.get(h) ?? []), m])
  }
  // Names and URLs must point at one license each, or lookups would depend on file order.
  for (const [what, keysOf, keyOf] of [
    ['alias', (m: LicenseMeta) => m.aliases, nameKey],
    ['url', (m: LicenseMeta) => m.urls, urlKey],
    ['model pattern', (m: LicenseMeta) => m.models, (p: string) => p.toLowerCase()],
  ] as const) {
    const owner = new Map<string, string>()
    for (const m of metas) {
      for (const raw of keysOf(m)) {
        const key = keyOf(raw)
        const prev = owner.get(key)
        if (prev && prev !== m.id) problems.push(`${what} "${raw}" is claimed by both ${prev} and ${m.id}`)
        owner.set(key, m.id)
      }
    }
  }
  for (const [hub, owners] of hubOwners) {
    const groups = new Set(owners.map((o) => o.group))
    if (owners.length > 1 && (groups.size !== 1 || groups.has(undefined))) {
      problems.push(`hub id "${hub}" is claimed by ${owners.map((o) => o.id).join(', ')} outside one group`)
    }
  }
  return problems
}

/** `spdxId ?? 'LicenseRef-' + id`. */
export function canonicalIdFor(meta: Pick<LicenseMeta, 'id' | 'spdxId'>): string {
  return meta.spdxId ?? `LicenseRef-${meta.id}`
}

/** The `license:` identifiers listed in the Hub's table (backquoted second column). */
export function readHubIds(markdown: string): string[] {
  const ids: string[] = []
  for (const line of markdown.split('\n')) {
    const cells = line.split('|')
    if (cells.length < 3) continue
    const m = /^\s*`([^`]+)`\s*$/.exec(cells[2])
    if (m) ids.push(m[1])
  }
  return ids
}

/** Map every Hub id to a canonical id: YAML `hfHubIds` first, then SPDX spelling, then family markers. */
export function buildHubTable(hubIds: string[], licenses: CompiledLicense[]): Record<string, HubEntry> {
  const byHub = new Map<string, CompiledLicense[]>()
  for (const l of licenses) for (const h of l.hfHubIds) byHub.set(h.toLowerCase(), [...(byHub.get(h.toLowerCase()) ?? []), l])
  const spdxLower = new Map(spdxIds.map((id) => [id.toLowerCase(), id]))
  const table: Record<string, HubEntry> = {}
  const all = [...new Set([...hubIds, ...byHub.keys()])].sort()
  for (const hub of all) {
    const key = hub.toLowerCase()
    const owners = byHub.get(key)
    if (owners?.length === 1) table[hub] = { canonicalId: owners[0].canonicalId }
    else if (owners && owners.length > 1) table[hub] = { canonicalId: `LicenseRef-${owners[0].group}` }
    else if (HUB_NO_LICENSE.has(key)) table[hub] = { canonicalId: null }
    else if (HUB_FAMILIES[key]) table[hub] = { canonicalId: 'NOASSERTION', family: HUB_FAMILIES[key] }
    else if (HUB_TO_SPDX[key]) table[hub] = { canonicalId: HUB_TO_SPDX[key] }
    else if (spdxLower.has(key)) table[hub] = { canonicalId: spdxLower.get(key)! }
    else throw new Error(`Hub license id "${hub}" maps to nothing: add it to a licenses/*.yaml hfHubIds`)
  }
  return table
}

/** Build `corpus/licenses.json`. */
export async function buildLicenses(ctx: BuildContext): Promise<Record<string, string>> {
  const metas = loadLicenseFiles(join(ctx.root, 'licenses'))
  const licenses: CompiledLicense[] = metas.map((m) => ({ ...m, canonicalId: canonicalIdFor(m) }))
  const byId = new Map(licenses.map((l) => [l.id, l]))

  const groupsPath = join(ctx.shared, 'license-texts', 'groups.json')
  const groupsJson = z.record(z.string(), z.array(z.string())).parse(JSON.parse(readFileSync(groupsPath, 'utf8')))
  const groups: LicenseGroup[] = Object.keys(groupsJson)
    .sort()
    .map((g) => {
      const metasOf = groupsJson[g].map((id) => byId.get(id)).filter((m): m is CompiledLicense => m !== undefined)
      const aliases = metasOf.flatMap((m) => m.groupAliases ?? [])
      // Without a written alias, the members' display name minus its version note ("(SDXL 1.0)") names the family.
      const name = aliases[0] ?? metasOf[0]?.name.replace(/\s*\([^)]*\)\s*$/, '') ?? g
      return {
        id: g,
        canonicalId: `LicenseRef-${g}`,
        name,
        aliases,
        members: groupsJson[g].map((id) => byId.get(id)?.canonicalId ?? `LicenseRef-${id}`),
      }
    })
  const problems: string[] = []
  const licenseNames = new Map(licenses.flatMap((l) => l.aliases.map((a) => [nameKey(a), l.id] as const)))
  for (const l of licenses) {
    if (l.groupAliases?.length && !l.group) problems.push(`licenses/${l.id}.yaml: groupAliases without a group`)
    for (const a of l.groupAliases ?? []) {
      const clash = licenseNames.get(nameKey(a))
      if (clash) problems.push(`licenses/${l.id}.yaml: group alias "${a}" is also an alias of ${clash}`)
    }
  }
  for (const l of licenses) {
    if (l.group && !groupsJson[l.group]) problems.push(`licenses/${l.id}.yaml: unknown group "${l.group}"`)
    if (l.group && groupsJson[l.group] && !groupsJson[l.group].includes(l.id)) {
      problems.push(`licenses/${l.id}.yaml: not a member of group "${l.group}" in groups.json`)
    }
  }
  if (problems.length) throw new Error(`licenses/ has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`)

  const hubPath = join(ctx.shared, 'huggingface', 'repositories-licenses.md')
  const hubIds = existsSync(hubPath) ? readHubIds(readFileSync(hubPath, 'utf8')) : []
  const hub = buildHubTable(hubIds, licenses)

  const spdx = buildSpdxTable(licenses)
  const corpus: LicensesCorpus = { format: 1, licenses, groups, hub, spdx }
  return { 'licenses.json': JSON.stringify(corpus) + '\n' }
}

/**
 * Openness of SPDX licenses that have no YAML file, by family. Checked in order; the first match wins.
 * Example: `LGPL-2.1-only` hits the weak-copyleft row before `GPL` could claim it as copyleft.
 */
const SPDX_OPENNESS: [RegExp, Openness][] = [
  [/^(CC0|Unlicense|PDDL|CC-PDDC|SAX-PD|libselinux)(-|$)/i, 'public-domain'],
  [/^CC-BY-\d/i, 'permissive'],
  [/^CC-BY-(NC|SA-NC)(-|$)/i, 'non-commercial'],
  [/^CC-BY-ND(-|$)/i, 'open-restricted'],
  [/^CC-BY-SA(-|$)/i, 'copyleft'],
  [/^(LGPL|LGPLLR|MPL|EPL|CDDL|CPL|MS-RL|APSL|CECILL-C|ErlPL|IPL|SPL|NPL|Motosoto|OSET-PL|LPL|CATOSL|RPSL|QPL|Nokia)(-|$)/i, 'weak-copyleft'],
  [/^(GPL|AGPL|OSL|EUPL|RPL|Sleepycat|ODbL|CDLA-Sharing|CECILL|GFDL|OGL-UK|copyleft-next|SSPL|Parity|OCCT-PL|Watcom)(-|$)/i, 'copyleft'],
  [/(^|-)NC(-|$)|NonCommercial/, 'non-commercial'],
  // Common permissive families, including ones OSI never reviewed (MIT-0 variants, HPND, X11).
  [/^(MIT|BSD|X11|Apache|AFL|Artistic|curl|libpng|Zlib|PostgreSQL|NCSA|Python|PSF|HPND|ICU|Unicode|W3C|OFL|BSL|Beerware|FSFAP|FSFUL|blessing|TCL|Ruby|UPL|Xnet|JSON|Fair|NTP|PHP)(-|$)/i, 'permissive'],
]

/** `[id, name, openness]` for every current SPDX license id (names from spdx-license-list). */
function buildSpdxTable(licenses: CompiledLicense[]): [string, string, Openness | null][] {
  const list: Record<string, { name: string; osiApproved: boolean }> = require('spdx-license-list')
  const authored = new Map(licenses.filter((l) => l.spdxId).map((l) => [l.spdxId!, l]))
  return [...new Set([...spdxIds, ...spdxDeprecated])].sort().map((id) => {
    const meta = authored.get(id)
    if (meta) return [id, meta.name, meta.openness]
    const row = SPDX_OPENNESS.find(([re]) => re.test(id))
    const openness = row ? row[1] : list[id]?.osiApproved ? 'permissive' : null
    return [id, list[id]?.name ?? id, openness]
  })
}
