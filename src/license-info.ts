// describeLicense(): what licit knows about one license id — name, family, openness and authored restriction facts.
import { getLicenseMeta, groupMembers, groupOf, isGroupId, licenseName, opennessOf } from './corpus/licenses.js'
import type { Openness, RestrictionFact } from './schema/index.js'

export interface LicenseInfo {
  /** Canonical id (SPDX id or `LicenseRef-…`). */
  licenseId: string
  name?: string
  family?: string
  /** Canonical id of the version family this license belongs to, if any. */
  group?: string
  /** Members, when `licenseId` names a family rather than one text. */
  members?: string[]
  openness?: Openness
  /** Whether fine-tunes, quantizations and merges stay under this license. */
  bindsDerivatives?: boolean
  /** Policies incorporated by reference (canonical ids). */
  incorporates: string[]
  urls: string[]
  /** Restriction facts authored for this license (what a file that only references it carries). */
  restrictions: RestrictionFact[]
}

/**
 * Describe a license by id (SPDX id, `LicenseRef-<id>`, bare AI-license id or family id; case-insensitive).
 *
 * @param id - the license id to look up.
 * @returns what licit knows, or `undefined` for an id it does not know.
 * @example
 * describeLicense('LicenseRef-llama-3.1-community')?.openness // 'open-restricted'
 */
export function describeLicense(id: string): LicenseInfo | undefined {
  if (typeof id !== 'string') throw new TypeError(`Expected \`id\` to be a string, got \`${typeof id}\``)
  const meta = getLicenseMeta(id)
  if (meta) {
    return {
      licenseId: meta.canonicalId,
      name: meta.name,
      family: meta.family,
      group: groupOf(meta.canonicalId)?.canonicalId,
      openness: meta.openness,
      bindsDerivatives: meta.bindsDerivatives,
      incorporates: meta.incorporates.map((p) => getLicenseMeta(p)?.canonicalId ?? `LicenseRef-${p}`),
      urls: meta.urls,
      restrictions: meta.restrictions,
    }
  }
  const canonical = id.startsWith('LicenseRef-') ? id : `LicenseRef-${id}`
  if (isGroupId(canonical)) {
    return { licenseId: canonical, name: licenseName(canonical), members: groupMembers(canonical), openness: opennessOf(canonical), incorporates: [], urls: [], restrictions: [] }
  }
  const name = licenseName(id)
  if (!name) return undefined
  return { licenseId: id, name, openness: opennessOf(id), incorporates: [], urls: [], restrictions: [] }
}
