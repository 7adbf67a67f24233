// Turns a declared license value (card `license:`, `license_name`, a manifest field) into canonical ids.
import { findByHubId, findByName, findByUrl } from './corpus/licenses.js'
import { canonicalOf } from './lineage.js'
import { correctLicenseId, parseLicenseExpression } from './match/expression.js'

/** What a declared value resolved to. */
export interface ResolvedValue {
  /** Canonical SPDX expression, or `NOASSERTION` when the value names a family or nothing known. */
  expression: string
  /** Canonical ids in the expression (empty for NOASSERTION). */
  ids: string[]
  /** How it was resolved; `unknown` when it was not. */
  how: 'hub' | 'spdx' | 'name' | 'url' | 'unknown' | 'other'
  /** A corrected id when the value looks like a misspelled one (`Apache 2` → `Apache-2.0`). */
  suggestion?: string
  /** Why it did not resolve, when it did not. */
  reason?: string
  /** The family a Hub family id names (`bsd`, `cc`), when the value is one. */
  family?: string
}

const NOASSERTION = 'NOASSERTION'

/**
 * Resolve a Hugging Face `license:` value: the Hub table (`llama3.1`, `openrail++`, `gemma`), then an SPDX
 * expression, then a license name or alias.
 *
 * @param raw - the value as written.
 * @returns `how: 'other'` for `other` / `unknown` (the caller then reads `license_name` / `license_link`).
 * @example
 * resolveHubLicense('llama3.1').expression // 'LicenseRef-llama-3.1-community'
 */
export function resolveHubLicense(raw: string): ResolvedValue {
  const value = raw.trim()
  const hub = findByHubId(value)
  if (hub) {
    if (hub.canonicalId === null) return { expression: NOASSERTION, ids: [], how: 'other' }
    if (hub.canonicalId === NOASSERTION) return { expression: NOASSERTION, ids: [], how: 'hub', family: hub.family, reason: `\`${value}\` names a license family, not one license` }
    return { expression: hub.canonicalId, ids: [hub.canonicalId], how: 'hub' }
  }
  return resolveLicenseName(value)
}

/**
 * Resolve a license written as an SPDX expression or a name (`license_name`, a classifier, free text).
 *
 * @example
 * resolveLicenseName('tongyi-qianwen-research').ids // ['LicenseRef-tongyi-qianwen-research']
 */
export function resolveLicenseName(raw: string): ResolvedValue {
  const value = raw.trim()
  const parsed = parseExpression(value)
  if (parsed.ok) return { expression: parsed.expression, ids: parsed.ids, how: 'spdx' }
  const named = findByName(value)
  if (named) return { expression: named.canonicalId, ids: [named.canonicalId], how: 'name' }
  const hub = findByHubId(value)
  if (hub?.canonicalId && hub.canonicalId !== NOASSERTION) return { expression: hub.canonicalId, ids: [hub.canonicalId], how: 'hub' }
  // A license id or version group written bare (`nvidia-open-model-license`, `qwen-research-license`).
  const bare = /^[A-Za-z0-9][A-Za-z0-9.+-]{1,80}$/.test(value) ? canonicalOf(value) : undefined
  if (bare) return { expression: bare, ids: [bare], how: 'name' }
  const suggestion = parsed.suggestion ?? correctId(value)
  if (suggestion && suggestion !== value) {
    const again = parseExpression(suggestion)
    if (again.ok) return { expression: again.expression, ids: again.ids, how: 'spdx', suggestion: again.expression }
  }
  return { expression: NOASSERTION, ids: [], how: 'unknown', reason: parsed.reason, suggestion }
}

/**
 * Resolve a license URL (`license_link`, a `{type, url}` manifest entry).
 * @example resolveLicenseUrl('https://ai.google.dev/gemma/terms')?.ids // ['LicenseRef-gemma-terms-of-use-…']
 */
export function resolveLicenseUrl(url: string): ResolvedValue | undefined {
  if (!/^(?:https?:\/\/|www\.)/i.test(url.trim())) return undefined
  const hit = findByUrl(url)
  return hit ? { expression: hit.canonicalId, ids: [hit.canonicalId], how: 'url' } : undefined
}

type Parsed = { ok: true; expression: string; ids: string[] } | { ok: false; reason: string; suggestion?: string }

/** Strict SPDX parse through match/expression (which never throws). */
export function parseExpression(value: string): Parsed {
  return parseLicenseExpression(value)
}

/** A corrected SPDX id for a misspelled one (`GPLv3` → `GPL-3.0-only`), when there is one. */
export function correctId(value: string): string | undefined {
  return correctLicenseId(value)
}
