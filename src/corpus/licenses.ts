// Runtime access to the license metadata compiled from licenses/ into corpus/licenses.json (indexed once, lazily).
import type { LicenseMeta, Openness } from '../schema/index.js'
import { readCorpusJson } from './load.js'

/** A Hub `license:` id and what it denotes. */
export interface HubEntry {
  /** Canonical id; `NOASSERTION` for a family id (`bsd`, `gpl`), `null` for `other` / `unknown`. */
  canonicalId: string | null
  /** The family a family id names (`bsd`, `cc`, `gpl`, `lgpl`, `gfdl`, `openrail`). */
  family?: string
}

/** A version family from groups.json: `LicenseRef-<group>` and the canonical ids of its members. */
export interface LicenseGroup {
  id: string
  canonicalId: string
  /** Display name of the family ("Gemma Terms of Use"). */
  name: string
  /** Names that denote the whole family (from `groupAliases` in licenses/). */
  aliases: string[]
  members: string[]
}

/** One compiled license entry: authored metadata plus its canonical id. */
export type CompiledLicense = LicenseMeta & { canonicalId: string }

/** Shape of `corpus/licenses.json`. */
export interface LicensesCorpus {
  format: 1
  licenses: CompiledLicense[]
  groups: LicenseGroup[]
  hub: Record<string, HubEntry>
  /** Every SPDX license id: `[id, name, openness | null]` (metadata for ids without a YAML file). */
  spdx: [string, string, Openness | null][]
}

interface Index {
  corpus: LicensesCorpus
  byKey: Map<string, CompiledLicense>
  byName: Map<string, CompiledLicense>
  byUrl: Map<string, CompiledLicense>
  hub: Map<string, HubEntry>
  groups: Map<string, LicenseGroup>
  groupByName: Map<string, LicenseGroup>
  groupOfMember: Map<string, LicenseGroup>
  spdx: Map<string, { id: string; name: string; openness: Openness | null }>
  models: { regex: RegExp; pattern: string; licenseId: string; versionId?: string; specificity: number }[]
}

let index: Index | undefined

/** Lower-case and drop everything but letters and digits: "Tongyi Qianwen License" → "tongyiqianwenlicense". */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}+]+/gu, '')
}

/** Drop scheme, `www.`, query, fragment and trailing slashes; lower-case. */
export function urlKey(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]{0,20}:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/(\.html?|\.md|\.txt)$/, '')
    .replace(/\/+$/, '')
}

/** `meta-llama/Llama-3.1-*` → a case-insensitive anchored regex; `*` spans any run of characters. */
function globToRegex(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${body}$`, 'i')
}

function build(): Index {
  const corpus = readCorpusJson<LicensesCorpus>('licenses.json')
  const idx: Index = {
    corpus,
    byKey: new Map(),
    byName: new Map(),
    byUrl: new Map(),
    hub: new Map(),
    groups: new Map(),
    groupByName: new Map(),
    groupOfMember: new Map(),
    spdx: new Map(),
    models: [],
  }
  for (const l of corpus.licenses) {
    idx.byKey.set(l.canonicalId.toLowerCase(), l)
    idx.byKey.set(l.id.toLowerCase(), l)
    idx.byKey.set(`licenseref-${l.id.toLowerCase()}`, l)
  }
  // Names: explicit aliases win over display names, which win over ids, whatever the file order. A display
  // name or Hub id shared by several versions ("Gemma Terms of Use", `gemma`) names the group, not a member.
  for (const pass of ['alias', 'name', 'id'] as const) {
    const owners = new Map<string, Set<CompiledLicense>>()
    for (const l of corpus.licenses) {
      const keys = pass === 'alias' ? l.aliases : pass === 'name' ? [l.name] : [l.id, ...l.hfHubIds]
      for (const k of keys) {
        const key = nameKey(k)
        if (key) owners.set(key, (owners.get(key) ?? new Set()).add(l))
      }
    }
    for (const [key, set] of owners) {
      if (set.size === 1 && !idx.byName.has(key)) idx.byName.set(key, [...set][0])
    }
  }
  for (const l of corpus.licenses) {
    for (const u of l.urls) {
      const key = urlKey(u)
      if (!idx.byUrl.has(key)) idx.byUrl.set(key, l)
    }
    // Gemma-style entries: every version of the group governs the models, so report the group.
    const underGroup = l.modelsUnderGroup && l.group ? `LicenseRef-${l.group}` : undefined
    for (const pattern of l.models) {
      idx.models.push({
        regex: globToRegex(pattern),
        pattern,
        licenseId: underGroup ?? l.canonicalId,
        versionId: underGroup ? l.canonicalId : undefined,
        specificity: pattern.replace(/\*/g, '').length,
      })
    }
  }
  idx.models.sort((a, b) => b.specificity - a.specificity || a.pattern.localeCompare(b.pattern))
  for (const [k, v] of Object.entries(corpus.hub)) idx.hub.set(k.toLowerCase(), v)
  for (const g of corpus.groups) {
    idx.groups.set(g.canonicalId.toLowerCase(), g)
    idx.groups.set(g.id.toLowerCase(), g)
    for (const n of [g.id, g.name, ...g.aliases]) if (!idx.groupByName.has(nameKey(n))) idx.groupByName.set(nameKey(n), g)
    for (const m of g.members) idx.groupOfMember.set(m.toLowerCase(), g)
  }
  for (const [id, name, openness] of corpus.spdx) idx.spdx.set(id.toLowerCase(), { id, name, openness })
  return idx
}

function getIndex(): Index {
  return (index ??= build())
}

/**
 * Every license with a `licenses/<id>.yaml` file, sorted by id.
 * @example allLicenseMeta().length // → 120
 */
export function allLicenseMeta(): CompiledLicense[] {
  return getIndex().corpus.licenses
}

/**
 * Look a license up by canonical id (`LicenseRef-llama-3.1-community`, `CC-BY-NC-4.0`) or bare id
 * (`llama-3.1-community`), case-insensitively.
 * @returns the metadata, or `undefined` when no YAML file describes it (plain SPDX ids often have none).
 * @example getLicenseMeta('licenseref-llama-3.1-community')?.name // → 'Llama 3.1 Community License Agreement'
 */
export function getLicenseMeta(canonicalIdOrId: string): CompiledLicense | undefined {
  return getIndex().byKey.get(canonicalIdOrId.trim().toLowerCase())
}

/**
 * The canonical id of an entry: its SPDX id, else `LicenseRef-<id>`.
 * @example canonicalIdOf({id: 'qwen'}) // → 'LicenseRef-qwen'
 */
export function canonicalIdOf(meta: Pick<LicenseMeta, 'id' | 'spdxId'>): string {
  return meta.spdxId ?? `LicenseRef-${meta.id}`
}

/**
 * Human name of a canonical id: the YAML name, the group's name, or the SPDX list name.
 * @example licenseName('MIT') // → 'MIT License'
 */
export function licenseName(canonicalId: string): string | undefined {
  const meta = getLicenseMeta(canonicalId)
  if (meta) return meta.name
  const idx = getIndex()
  const group = idx.groups.get(canonicalId.toLowerCase())
  if (group) return group.name
  return idx.spdx.get(canonicalId.toLowerCase())?.name
}

/**
 * How open a license is (see `OpennessSchema`). Entries without a YAML file take the build's
 * family heuristic for SPDX ids (GPL → copyleft, MPL → weak-copyleft, OSI-approved → permissive);
 * a group takes its least open member.
 * @returns `undefined` for unknown ids.
 * @example opennessOf('GPL-3.0-only') // → 'copyleft'
 */
export function opennessOf(canonicalId: string): Openness | undefined {
  const meta = getLicenseMeta(canonicalId)
  if (meta) return meta.openness
  const idx = getIndex()
  const group = idx.groups.get(canonicalId.toLowerCase())
  if (group) {
    const order = OPENNESS_ORDER
    let worst: Openness | undefined
    for (const m of group.members) {
      const o = getLicenseMeta(m)?.openness
      if (o && (!worst || order.indexOf(o) > order.indexOf(worst))) worst = o
    }
    return worst
  }
  const spdx = idx.spdx.get(canonicalId.toLowerCase().replace(/\+$/, ''))
  return spdx?.openness ?? undefined
}

const OPENNESS_ORDER: Openness[] = [
  'public-domain',
  'permissive',
  'weak-copyleft',
  'copyleft',
  'open-restricted',
  'non-commercial',
  'research-only',
  'proprietary',
]

/**
 * Map a Hugging Face `license:` value to a canonical id (case-insensitive).
 * @returns `{canonicalId}`; `{canonicalId: 'NOASSERTION', family}` for a family id such as `bsd`;
 *   `{canonicalId: null}` for `other`/`unknown`; `undefined` when the value is not a Hub id.
 * @example findByHubId('llama3.1') // → {canonicalId: 'LicenseRef-llama-3.1-community'}
 */
export function findByHubId(hubId: string): HubEntry | undefined {
  return getIndex().hub.get(hubId.trim().toLowerCase())
}

/**
 * Find a license by a name or alias (`license_name` on the Hub, "Tongyi Qianwen LICENSE AGREEMENT"),
 * ignoring case, spaces and punctuation.
 * @example findByName('tongyi-qianwen-research')?.id // → 'tongyi-qianwen-research'
 */
export function findByName(name: string): CompiledLicense | undefined {
  const key = nameKey(name)
  return key ? getIndex().byName.get(key) : undefined
}

/**
 * Find a version family by a name that denotes the whole family ("Gemma Terms of Use",
 * `nvidia-open-model-license`, `openrail++`), ignoring case, spaces and punctuation. Use it after
 * {@link findByName}, which deliberately leaves such names unresolved.
 * @example findGroupByName('Tencent Hunyuan Community License')?.canonicalId // → 'LicenseRef-tencent-hunyuan-community'
 */
export function findGroupByName(name: string): LicenseGroup | undefined {
  const key = nameKey(name)
  return key ? getIndex().groupByName.get(key) : undefined
}

/**
 * Find a license by a reference URL; scheme, `www.`, query, fragment, `.md`/`.txt`/`.html` and trailing
 * slashes are ignored. Hugging Face `blob`/`raw`/`resolve` links to the same file are treated alike.
 * @example findByUrl('https://ai.google.dev/gemma/terms')?.group // → 'gemma-terms-of-use'
 */
export function findByUrl(url: string): CompiledLicense | undefined {
  const idx = getIndex()
  const key = urlKey(url)
  const hit = idx.byUrl.get(key)
  if (hit) return hit
  // huggingface.co/<repo>/raw/main/LICENSE and /resolve/main/LICENSE name the same file as /blob/main/LICENSE
  const blob = key.replace(/^(huggingface\.co\/[^/]+\/[^/]+)\/(?:raw|resolve)\//, '$1/blob/')
  const viaBlob = blob !== key ? idx.byUrl.get(blob) : undefined
  if (viaBlob) return viaBlob
  // A LICENSE file inside a known base-model repository carries that repository's license.
  const repo = /^huggingface\.co\/([^/]+\/[^/]+)\/(?:blob|raw|resolve)\/[^/]+\/license[^/]*$/.exec(key)
  const fromRepo = repo ? resolveModelRepo(repo[1]) : undefined
  return fromRepo ? getLicenseMeta(fromRepo.versionId ?? fromRepo.licenseId) : undefined
}

/** What {@link resolveModelRepo} found for a repository. */
export interface ModelRepoLicense {
  /** Canonical id; the group id when any version of the group governs (`LicenseRef-gemma-terms-of-use`). */
  licenseId: string
  /** The glob from `licenses/<id>.yaml` that matched. */
  pattern: string
  /** The version that carries the pattern, when `licenseId` is a group. */
  versionId?: string
}

/**
 * The license a well-known Hugging Face repository is published under, from the `models` globs
 * (case-insensitive; a `https://huggingface.co/` prefix is ignored). The most specific pattern (most literal
 * characters) wins, so `Qwen/Qwen2.5-72B*` beats `Qwen/Qwen2.5-*`.
 * @example resolveModelRepo('meta-llama/Llama-3.1-8B-Instruct') // → {licenseId: 'LicenseRef-llama-3.1-community', pattern: 'meta-llama/Llama-3.1-*'}
 */
export function resolveModelRepo(repoId: string): ModelRepoLicense | undefined {
  const id = repoId
    .trim()
    .replace(/^https?:\/\/(www\.)?huggingface\.co\//i, '')
    .replace(/\/+$/, '')
  for (const m of getIndex().models) {
    if (m.regex.test(id)) return m.versionId ? { licenseId: m.licenseId, pattern: m.pattern, versionId: m.versionId } : { licenseId: m.licenseId, pattern: m.pattern }
  }
  return undefined
}

/**
 * The group (version family) a license belongs to, e.g. any Gemma version → `LicenseRef-gemma-terms-of-use`.
 * @example groupOf('LicenseRef-qwen')?.canonicalId // → 'LicenseRef-qwen-license'
 */
export function groupOf(canonicalId: string): LicenseGroup | undefined {
  return getIndex().groupOfMember.get(canonicalId.trim().toLowerCase())
}

/**
 * Canonical ids of a group's members; `[]` when the id is not a group.
 * @example groupMembers('LicenseRef-openmdw') // → ['OpenMDW-1.0', 'LicenseRef-openmdw-1.1']
 */
export function groupMembers(groupCanonicalId: string): string[] {
  return getIndex().groups.get(groupCanonicalId.trim().toLowerCase())?.members ?? []
}

/** Whether a canonical id names a group rather than one license. */
export function isGroupId(canonicalId: string): boolean {
  return getIndex().groups.has(canonicalId.trim().toLowerCase()) && !getLicenseMeta(canonicalId)
}

/** All groups from groups.json. */
export function allLicenseGroups(): LicenseGroup[] {
  return getIndex().corpus.groups
}
