// License knowledge the audit needs: are two ids the same license, how open is one, does it bind derivatives.
import { getLicenseMeta, groupOf, groupMembers, opennessOf } from '../corpus/licenses.js'
import type { Openness } from '../schema/index.js'

/** Most to least permissive; an index in this list is a license's rank. */
const ORDER: readonly Openness[] = ['public-domain', 'permissive', 'weak-copyleft', 'copyleft', 'open-restricted', 'non-commercial', 'research-only', 'proprietary']

// "GPL-2.0", "GPL-2.0-only", "GPL-2.0-or-later" and "GPL-2.0+" name one text: a bare LICENSE file cannot tell
// "only" from "or later" (the notice that says so lives in source headers), so a declaration of either agrees.
const VARIANT = /(-only|-or-later|\+)$/i

const bare = (id: string) => id.trim().toLowerCase().replace(VARIANT, '')

/**
 * Whether `a` and `b` name the same license for a declared-versus-text comparison: equal ids (ignoring case and
 * the -only/-or-later variants), or one is the family (group) of the other, or both belong to the same family
 * (a card declaring `llama3` beside a Llama 3.1 LICENSE text is a version slip, not a contradiction).
 */
export function sameLicense(a: string, b: string): boolean {
  if (bare(a) === bare(b)) return true
  if (!a.startsWith('LicenseRef-') && !b.startsWith('LicenseRef-')) return false
  const ga = safe(() => groupOf(a)?.canonicalId.toLowerCase())
  const gb = safe(() => groupOf(b)?.canonicalId.toLowerCase())
  const la = a.toLowerCase()
  const lb = b.toLowerCase()
  return (ga !== undefined && (ga === lb || ga === gb)) || (gb !== undefined && gb === la)
}

/** How open a license is, as a rank (0 = public domain … 7 = proprietary); `undefined` when unknown. */
export function opennessRank(id: string): number | undefined {
  const o = safe(() => opennessOf(id))
  return o ? ORDER.indexOf(o) : undefined
}

/** The openness name of a license, when known. */
export function openness(id: string): Openness | undefined {
  return safe(() => opennessOf(id))
}

/**
 * Whether a license keeps binding fine-tunes, quantizations and merges of what it covers. Known licenses say so
 * in their metadata (a family binds when any member does); otherwise judge by openness: permissive and
 * public-domain terms do not, everything more restrictive — and anything unknown — is assumed to (the safe side).
 */
export function bindsDerivatives(id: string): boolean {
  const meta = safe(() => getLicenseMeta(id))
  if (meta) return meta.bindsDerivatives
  const members = safe(() => groupMembers(id)) ?? []
  if (members.length) return members.some((m) => safe(() => getLicenseMeta(m))?.bindsDerivatives ?? false)
  const rank = opennessRank(id)
  return rank === undefined || rank > ORDER.indexOf('weak-copyleft')
}

// The corpus is derived data; when it is missing (a broken install) license knowledge degrades to "unknown"
// instead of failing a whole audit.
function safe<T>(f: () => T): T | undefined {
  try {
    return f()
  } catch {
    return undefined
  }
}
