// Base-model lineage, offline: which license a `base_model` id (or a "based on Llama 2" statement) carries over.
import { getLicenseMeta, groupMembers, groupOf, isGroupId, opennessOf, resolveModelRepo } from './corpus/licenses.js'
import type { Evidence } from './schema/index.js'

/** How a base model's license was found, most to least certain. */
export type LineageSource = 'repo' | 'name' | 'tag' | 'statement'

export interface BaseResolution {
  /** Canonical license id, when one could be found offline. */
  licenseId?: string
  source?: LineageSource
  /** The glob (`meta-llama/Llama-3.1-*`) or name fragment (`Llama-3.1`) that decided it. */
  matched?: string
  confidence: number
}

const CONFIDENCE: Record<LineageSource, number> = { repo: 0.95, name: 0.8, statement: 0.8, tag: 0.6 }

// Llama major versions whose community licenses exist; minor versions only for 3.x.
const LLAMA_VERSIONS: Record<string, string> = {
  '2': 'llama-2-community',
  '3': 'llama-3-community',
  '3.1': 'llama-3.1-community',
  '3.2': 'llama-3.2-community',
  '3.3': 'llama-3.3-community',
  '4': 'llama-4-community',
}

// Families whose every published checkpoint shares one license, so the name alone is enough. Mixed families
// (Qwen, DeepSeek, Mistral, Phi: license varies by size or release) are deliberately absent: for those only the
// repository globs of licenses/ decide, and an unknown repo stays unresolved rather than guessed.
// Each test runs on the lower-cased model name (owner dropped). Example: "meta-llama-3.1-8b-bnb-4bit".
const NOT_META_LLAMA = /tinyllama|open[-_]?llama|llamafile|llama[-_.]?cpp|llava|chinese[-_]llama/
// Example matches: "llama-3.1-8b" → 3.1, "llama3_2" → 3.2, "llama-2-7b-hf" → 2, "llama3-8b" → 3.
const LLAMA = /(?:^|[^a-z])(?:meta[-_ ]?)?llama[-_ ]?([234])(?:[._]([1-3]))?(?![0-9])/
// Community shorthand at the start of a name. Example matches: "l3.1-dark-reasoning" → 3.1, "l3-8b-stheno" → 3.
const LLAMA_SHORT = /^l([34])(?:\.([1-3]))?(?=[-_])/
const CODE_LLAMA = /(?:^|[^a-z])code[-_ ]?llama/
// Google health models carry the Health AI Developer Foundations terms, not the Gemma terms.
const HAI_DEF = /(?:^|[^a-z])(?:med|tx)gemma/
const GEMMA = /gemma/

/**
 * Infer a license from a model name alone (owner ignored), for families licensed as one.
 *
 * @param name - a Hub id (`unsloth/Meta-Llama-3.1-8B-bnb-4bit`), a repo name, a tag or a phrase ("Llama 2").
 * @returns the canonical license id and the fragment that decided it, or `undefined`.
 * @example
 * inferLicenseFromName('unsloth/Meta-Llama-3.1-8B-bnb-4bit') // {licenseId: 'LicenseRef-llama-3.1-community', matched: 'Llama-3.1'}
 */
export function inferLicenseFromName(name: string): { licenseId: string; matched: string } | undefined {
  const repo = name.trim().split('/').pop() ?? ''
  const lower = repo.toLowerCase()
  if (!lower) return undefined
  if (CODE_LLAMA.test(lower)) return found('llama-2-community', lower, CODE_LLAMA, repo)
  if (!NOT_META_LLAMA.test(lower)) {
    const m = LLAMA.exec(lower) ?? LLAMA_SHORT.exec(lower)
    if (m) {
      const version = m[2] && m[1] === '3' ? `3.${m[2]}` : m[1]
      const id = LLAMA_VERSIONS[version]
      if (id) return found(id, lower, m, repo)
    }
  }
  if (HAI_DEF.test(lower)) return found('health-ai-developer-foundations-terms-of-use', lower, HAI_DEF, repo)
  if (GEMMA.test(lower)) return found('gemma-terms-of-use', lower, GEMMA, repo)
  return undefined
}

function found(id: string, lower: string, how: RegExp | RegExpExecArray, original: string) {
  const m = how instanceof RegExp ? how.exec(lower) : how
  let start = m ? m.index : 0
  const end = Math.min(original.length, m ? m.index + m[0].length : lower.length)
  // The match may open on the separator before the name ("-llama-3"); quote from the first letter or digit.
  while (start < end && !/[a-z0-9]/i.test(original[start])) start++
  const licenseId = canonicalOf(id)
  return licenseId ? { licenseId, matched: original.slice(start, end) } : undefined
}

/** Canonical id of a license or group id from licenses/ (`llama-3.1-community` → `LicenseRef-llama-3.1-community`). */
export function canonicalOf(id: string): string | undefined {
  const meta = getLicenseMeta(id)
  if (meta) return meta.canonicalId
  const ref = id.startsWith('LicenseRef-') ? id : `LicenseRef-${id}`
  return isGroupId(ref) ? ref : undefined
}

/**
 * Resolve a `base_model` id offline: the repository globs of licenses/ first, then the model name for
 * single-license families, then the card's family tags (`llama 3.1`, `gemma3`).
 *
 * @param id - the Hub id as written in the card.
 * @param tags - the card's `tags` (only short family tags are used; default none).
 * @example
 * resolveBaseModel('meta-llama/Llama-3.2-3B-Instruct').licenseId // 'LicenseRef-llama-3.2-community'
 */
export function resolveBaseModel(id: string, tags: readonly string[] = []): BaseResolution {
  const repo = resolveModelRepo(id)
  if (repo) return { licenseId: repo.licenseId, source: 'repo', matched: repo.pattern, confidence: CONFIDENCE.repo }
  const byName = inferLicenseFromName(id)
  if (byName) return { licenseId: byName.licenseId, source: 'name', matched: byName.matched, confidence: CONFIDENCE.name }
  for (const tag of tags) {
    // A family tag is short and starts with the family name ("llama 3.1", "gemma3"), unlike "llama-cpp".
    if (tag.length > 16 || !/^(?:meta[-_ ]?)?(?:llama|gemma|code[-_ ]?llama|medgemma)/i.test(tag)) continue
    const byTag = inferLicenseFromName(tag)
    if (byTag) return { licenseId: byTag.licenseId, source: 'tag', matched: tag, confidence: CONFIDENCE.tag }
  }
  return { confidence: 0 }
}

/** Whether derivatives (fine-tunes, quantizations, merges) stay under this license (any member, for a group). */
export function bindsDerivatives(licenseId: string): boolean {
  const meta = getLicenseMeta(licenseId)
  if (meta) return meta.bindsDerivatives
  return groupMembers(licenseId).some((m) => getLicenseMeta(m)?.bindsDerivatives === true)
}

/**
 * Whether two canonical ids name the same license, allowing for a group and one of its members
 * (`LicenseRef-gemma-terms-of-use` vs `LicenseRef-gemma-terms-of-use-2025-03-24`).
 */
export function sameLicense(a: string, b: string): boolean {
  if (a.toLowerCase() === b.toLowerCase()) return true
  const ga = groupOf(a)?.canonicalId ?? (isGroupId(a) ? a : undefined)
  const gb = groupOf(b)?.canonicalId ?? (isGroupId(b) ? b : undefined)
  return ga !== undefined && gb !== undefined && ga.toLowerCase() === gb.toLowerCase()
}

/** The more specific of two ids naming the same license: a group member beats its group. */
export function moreSpecific(a: string, b: string): string {
  return isGroupId(a) && !isGroupId(b) ? b : a
}

export interface LineageStatement {
  licenseId: string
  /** `[start, end)` in the text given. */
  start: number
  end: number
  /** The sentence says the license applies as well as another ("also subject to", "both licenses"). */
  alongside: boolean
}

// Words saying a second license applies too. Example matches: "also subject to", "under both licenses".
const ALONGSIDE = /\b(?:also|both|additionally|in addition|as well)\b/i
/** A sentence is read at most this far either side of a statement. */
const SENTENCE_WINDOW = 300

/** The sentence holding `[start, end)`: from the previous `. ` / blank line to the next one, within a window. */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - SENTENCE_WINDOW), start)
  const after = text.slice(end, end + SENTENCE_WINDOW)
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n\n'))
  const stop = after.search(/[.!?](?:\s|$)|\n\n/)
  return before.slice(cut + 1) + text.slice(start, end) + (stop < 0 ? after : after.slice(0, stop))
}

// A card stating its lineage in words. Example matches: "based on Llama 2", "subject to the Meta Llama 3.1",
// "fine-tuned from Gemma 2". The family name must follow the verb within a few words.
const STATEMENT =
  /\b(?:based on|derived from|built (?:on|upon)|fine-?tuned (?:from|on)|a fine-?tune of|derivative of|subject to)[ \t\r\n]{1,5}(?:the[ \t\r\n]{1,5})?(?:(?:meta|google)(?:'s|’s)?[ \t\r\n]{1,5})?((?:code[ -]?)?llama[ -]?\d(?:\.\d)?|(?:med|tx)?gemma(?:[ -]?\d(?:\.\d)?)?)/gi

/**
 * Find explicit lineage statements ("As this model is based on Llama 2, it is also subject to ...").
 *
 * @param text - a license section or a whole body.
 * @returns one entry per statement whose family maps to a license; offsets into `text`.
 */
export function findLineageStatements(text: string): LineageStatement[] {
  const out: LineageStatement[] = []
  STATEMENT.lastIndex = 0
  for (let m = STATEMENT.exec(text); m; m = STATEMENT.exec(text)) {
    const hit = inferLicenseFromName(m[1].replace(/\s+/g, '-'))
    if (!hit) continue
    out.push({ licenseId: hit.licenseId, start: m.index, end: m.index + m[0].length, alongside: ALONGSIDE.test(sentenceAround(text, m.index, m.index + m[0].length)) })
  }
  return out
}

/** Confidence of a lineage source (for findings). */
export function lineageConfidence(source: LineageSource): number {
  return CONFIDENCE[source]
}

/** A license that applies to the weights, with where it came from. */
export interface GoverningInput {
  licenseId: string
  evidence: Evidence[]
  /** Short label for messages: `base_model meta-llama/Llama-3.1-8B`, `license section`, ... */
  from: string
  /** The card says this license applies in addition to the declared one ("also subject to", "both licenses"). */
  alongside?: boolean
}

export interface Conflict {
  /** The declared id that does not govern (or governs only in part). */
  declared: string
  /** The inherited license it conflicts with. */
  inherited: GoverningInput
  /** `dropped`: the declaration does not bind the weights; `partial`: both bind (declaration is stricter). */
  outcome: 'dropped' | 'partial'
  /** Declared openness is lower (more permissive) than what governs: the shape license laundering takes. */
  laundering: boolean
}

export interface Governing {
  /** The governing SPDX expression (canonical ids), or undefined when nothing is known. */
  expression?: string
  ids: GoverningInput[]
  conflicts: Conflict[]
}

/**
 * Combine what a card declares with what it inherits. An inherited license that binds derivatives governs
 * whatever the card says; a declaration of the same license (or a group member) is kept; a stricter
 * declaration binds too (both apply); a more permissive one is dropped and reported as a conflict.
 *
 * @param declared - the declared expression and its ids (`undefined` when the card declares nothing usable).
 * @param inherited - licenses carried over from base models, lineage statements and gated terms.
 */
export function combineGoverning(
  declared: { expression: string; ids: GoverningInput[] } | undefined,
  inherited: GoverningInput[],
): Governing {
  // A policy that a declared or inherited license incorporates is part of that license, not a second one.
  const inh = dedupeInputs(inherited, declared?.ids ?? [])
  if (!declared || declared.ids.length === 0) {
    return { expression: inh.length ? andOf(inh.map((i) => i.licenseId)) : undefined, ids: inh, conflicts: [] }
  }
  if (inh.length === 0) return { expression: declared.expression, ids: declared.ids, conflicts: [] }
  const used = new Set<GoverningInput>()
  const kept: GoverningInput[] = []
  const conflicts: Conflict[] = []
  let changed = false
  for (const d of declared.ids) {
    const same = inh.find((i) => sameLicense(i.licenseId, d.licenseId))
    if (same) {
      used.add(same)
      const id = moreSpecific(d.licenseId, same.licenseId)
      if (id !== d.licenseId) changed = true
      kept.push({ ...d, licenseId: id, evidence: [...d.evidence, ...same.evidence] })
      continue
    }
    changed = true
    const rd = opennessRank(d.licenseId)
    // The strictest inherited license decides whether the declaration adds terms or tries to loosen them.
    let worst = inh[0]
    for (const i of inh) if (opennessRank(i.licenseId) > opennessRank(worst.licenseId)) worst = i
    const sibling = inh.find((i) => sameFamily(i.licenseId, d.licenseId))
    // Both bind when the declaration is stricter than each inherited license, or the card itself says the
    // inherited one applies as well ("also subject to ... licensed under both").
    const both = inh.every((i) => i.alongside || (rd >= 0 && opennessRank(i.licenseId) >= 0 && rd > opennessRank(i.licenseId)))
    if (!sibling && both) {
      kept.push(d)
      conflicts.push({ declared: d.licenseId, inherited: inh.find((i) => i.alongside) ?? worst, outcome: 'partial', laundering: false })
    } else {
      const against = sibling ?? worst
      const ra = opennessRank(against.licenseId)
      conflicts.push({ declared: d.licenseId, inherited: against, outcome: 'dropped', laundering: rd >= 0 && ra >= 0 && rd < ra })
    }
  }
  const ids = [...kept, ...inh.filter((i) => !used.has(i))]
  const expression = changed || ids.length !== kept.length ? andOf(ids.map((i) => i.licenseId)) : declared.expression
  return { expression, ids, conflicts }
}

/**
 * Merge inputs naming the same license (keeping the more specific id) and drop policies that another input,
 * or one of `alsoPresent`, incorporates (a Llama license and its acceptable-use policy count once).
 */
export function dedupeInputs(inputs: GoverningInput[], alsoPresent: GoverningInput[] = []): GoverningInput[] {
  const out: GoverningInput[] = []
  for (const i of inputs) {
    const k = out.findIndex((o) => sameLicense(o.licenseId, i.licenseId))
    if (k < 0) out.push({ ...i, evidence: [...i.evidence] })
    else out[k] = { ...out[k], licenseId: moreSpecific(out[k].licenseId, i.licenseId), evidence: [...out[k].evidence, ...i.evidence] }
  }
  const incorporated = new Set<string>()
  for (const o of [...out, ...alsoPresent]) {
    for (const p of getLicenseMeta(o.licenseId)?.incorporates ?? []) incorporated.add((canonicalOf(p) ?? p).toLowerCase())
  }
  return out.filter((o) => !incorporated.has(o.licenseId.toLowerCase()))
}

function andOf(ids: string[]): string {
  return [...new Set(ids)].join(' AND ')
}

const RANKS = ['public-domain', 'permissive', 'weak-copyleft', 'copyleft', 'open-restricted', 'non-commercial', 'research-only', 'proprietary']

/** Openness rank (0 = public domain … 7 = proprietary), -1 when unknown. */
export function opennessRank(licenseId: string): number {
  const o = opennessOf(licenseId)
  return o ? RANKS.indexOf(o) : -1
}

/** Another version of the same license (Llama 3 vs Llama 3.1): same family, same name once versions are removed. */
function sameFamily(a: string, b: string): boolean {
  const ma = getLicenseMeta(a)
  const mb = getLicenseMeta(b)
  if (!ma || !mb || ma.family !== mb.family) return false
  const unversioned = (name: string) => name.toLowerCase().replace(/[0-9][0-9.]*/g, '').replace(/\s+/g, ' ').trim()
  return unversioned(ma.name) === unversioned(mb.name)
}
