// Analyzes a license-bearing text (LICENSE file, notice, source header): identify (tags, full texts, references merged
// into one expression, choices OR-ed), then detect restrictions and carry those of the licenses it applies.
import { restrictionsFromLicense, detectRestrictions } from './detect/index.js'
import { matchFullText } from './match/fulltext.js'
import { matchReferences } from './match/reference.js'
import { matchSpdxTags } from './match/spdx-id.js'
import { finishReport } from './report-utils.js'
import type { Diagnostic, FileKind, FileReport, LicenseFinding, RestrictionFinding } from './schema/index.js'
import { findLicensePointers } from './match/reference-pointer.js'
import { loadReferenceIndex } from './match/reference-rules.js'
import { addedStatement, mentionSentence, statesOutside, verbatimIn, withGroups } from './match/reference-inside.js'
import { createLineIndex, tokenize, type LineIndex, type Token } from './text/index.js'

export interface TextAnalysis {
  expression: string
  licenses: LicenseFinding[]
  restrictions: RestrictionFinding[]
  diagnostics: Diagnostic[]
  /** Closest reference when the text looks like a license that matched nothing confidently. */
  nearest?: LicenseFinding
}

const span = (f: LicenseFinding): [number, number] => {
  let s = Infinity
  let e = -1
  for (const ev of f.evidence) {
    s = Math.min(s, ev.position.start.offset)
    e = Math.max(e, ev.position.end.offset)
  }
  return [s, e]
}

/** The ids a finding names: its license and, in its expression, an exception or the other licenses of a choice. */
const idsOf = (f: LicenseFinding): string[] => [f.licenseId, ...((f.expression ?? '').match(/[A-Za-z0-9][A-Za-z0-9.+-]*/g) ?? [])].filter((w) => !/^(?:AND|OR|WITH)$/.test(w))

/** Wording of the diagnostics this module reports. */
const messages = {
  lowConfidence: (id: string, confidence: number) => `Looks like a license but matches no reference confidently; closest is ${id} at ${confidence.toFixed(2)}`,
  licensePointer: (pointer: string) => `Points to a license kept elsewhere (${pointer}) without naming it`,
}

// How far (in characters) outside a region its title or a cut-off last sentence may lie.
const EDGE = 300

/** A finding with what the merge learned about it. */
interface Placed {
  finding: LicenseFinding
  /** The finding offers itself as another choice to this one ("Alternatively, … under the GPL"). */
  alternativeTo?: LicenseFinding
  /** The license's known restrictions bind the reader (see {@link mergeReferences}). */
  carries: boolean
}

/**
 * Merge reference findings with the full-text regions. The rules:
 *
 * - A mention inside a region is kept only when it is a licensing statement someone added to the copy: its
 *   sentence grants a license ("may be distributed under", "licensed under", "dual licensed", "at your
 *   option") and is not the matched license's own words (`addedStatement`). GPL-3.0 §13 naming the AGPL, the
 *   LGPL naming the GPL, MPL's Secondary Licenses and a license's own "How to apply" notice are its words.
 *   A kept mention whose sentence offers a choice ("Alternatively, …") is an alternative to the region.
 * - A mention of the region's own license is the region.
 * - Outside regions every accepted reference is a finding; one whose sentence opens with a choice cue
 *   ("Alternatively, you may use it under …") is an alternative to the finding before it.
 * - Restrictions carried from a referenced license: in a notice (no full text matched) every reference
 *   carries them — the notice is how the license applies. In a file that holds a license text, only a
 *   licensing statement carries them; a passing mention ("based on the Apache License 2.0") does not.
 */
function mergeReferences(source: string, tokens: Token[], regions: LicenseFinding[], refs: LicenseFinding[]): Placed[] {
  const spans = regions.map((r) => ({ finding: r, span: span(r), ids: withGroups(idsOf(r)) }))
  const out: Placed[] = []
  for (const ref of refs) {
    const evidence = []
    let alternativeTo: LicenseFinding | undefined
    let statement = false
    for (const ev of ref.evidence) {
      const s = ev.position.start.offset
      const e = ev.position.end.offset
      const sentence = mentionSentence(source, tokens, s, e)
      const region = spans.find((r) => s >= r.span[0] && e <= r.span[1])
      if (region) {
        if (idsOf(ref).every((id) => region.ids.includes(id))) continue
        if (!addedStatement(sentence, tokens, region.ids)) continue
        if (sentence.alternative) alternativeTo ??= region.finding
      } else {
        // a region's edge can stop short of its title or its last sentence: a mention right next to it that
        // names the region's license, or whose sentence reads as that license's own words without stating a
        // license of its own (GPL-2.0's closing "use the GNU Lesser General Public License instead"), belongs to
        // it. A project's notice before the text ("… either version 3, or any later version") is a statement.
        const edge = spans.find((r) => s >= r.span[0] - EDGE && e <= r.span[1] + EDGE)
        if (edge && idsOf(ref).every((id) => edge.ids.includes(id))) continue
        if (edge && !statesOutside(sentence, tokens, edge.span[0], edge.span[1]) && verbatimIn(sentence, tokens, edge.ids)) continue
      }
      statement ||= sentence.statement
      evidence.push(ev)
    }
    if (!evidence.length) continue
    out.push({ finding: { ...ref, evidence }, alternativeTo, carries: statement || !regions.length })
  }
  return out
}

/**
 * Identify the licenses in `source` and the restrictions they carry. Pure: no disk, no network.
 * Order of trust: SPDX tags, then full texts (exact or similar), then notices and references (see
 * {@link mergeReferences} for which references inside a full text count, and which carry restrictions).
 */
export function analyzeLicenseText(source: string, lines: LineIndex = createLineIndex(source)): TextAnalysis {
  const diagnostics: Diagnostic[] = []
  const tokens = tokenize(source)
  const tags = matchSpdxTags(source, lines)
  diagnostics.push(...tags.diagnostics)
  const full = matchFullText(source, tokens, lines)
  const refs = mergeReferences(source, tokens, full.matches, matchReferences(source, tokens, lines))
  const placed: Placed[] = [...tags.findings.map((finding) => ({ finding, carries: true })), ...full.matches.map((finding) => ({ finding, carries: true })), ...refs]
  placed.sort((a, b) => span(a.finding)[0] - span(b.finding)[0])
  // a finding whose sentence opens with a choice cue ("Alternatively, redistribution …") is another choice to
  // the finding before it
  for (let k = 1; k < placed.length; k++) {
    if (!placed[k].alternativeTo && leadsWithAlternative(source, tokens, placed[k].finding)) placed[k].alternativeTo = placed[k - 1].finding
  }
  const licenses = placed.map((p) => p.finding)

  const restrictions = detectRestrictions(source, lines, { licenseIds: licenses.map((l) => l.licenseId) })
  for (const p of placed) {
    if (!p.carries) continue
    const l = p.finding
    const textPresent = l.matcher === 'exact' || l.matcher === 'dice'
    restrictions.push(...restrictionsFromLicense(l.licenseId, l.evidence, { textPresent }))
  }
  // a text that only points at a license file ("see the LICENSE file", a URL to one) has a license we cannot name
  const pointer = licenses.length || full.nearest ? undefined : findLicensePointers(source, loadReferenceIndex().urls)[0]
  const expression = licenses.length ? buildExpression(licenses, alternatives(placed)) : full.nearest || pointer ? 'NOASSERTION' : 'NONE'
  if (pointer) {
    diagnostics.push({
      ruleId: 'license-pointer',
      source: 'licit',
      severity: 'info',
      reason: messages.licensePointer(source.slice(pointer.start, pointer.end)),
      position: lines.evidence(pointer.start, pointer.end).position,
    })
  }
  if (!licenses.length && full.nearest) {
    diagnostics.push({
      ruleId: 'low-confidence',
      source: 'licit',
      severity: 'info',
      reason: messages.lowConfidence(full.nearest.licenseId, full.nearest.confidence),
      position: full.nearest.evidence[0]?.position,
    })
  }
  return { expression, licenses, restrictions: dedupeRestrictions(restrictions), diagnostics, nearest: full.nearest }
}

/** Whether the sentence a finding starts in opens with a choice cue before it ("Alternatively, redistribution …"). */
function leadsWithAlternative(source: string, tokens: Token[], f: LicenseFinding): boolean {
  const [s, e] = span(f)
  return mentionSentence(source, tokens, s, Math.min(e, s + 1)).leadAlternative
}

function alternatives(placed: Placed[]): Map<LicenseFinding, LicenseFinding> {
  const out = new Map<LicenseFinding, LicenseFinding>()
  for (const p of placed) if (p.alternativeTo) out.set(p.finding, p.alternativeTo)
  return out
}

/**
 * The file's expression: findings offered as choices of one another (`alternativeTo`: finding → the one it is
 * an alternative to) are OR-ed, with each finding's own choices flattened in ("(MIT OR Apache-2.0) OR GPL" →
 * `MIT OR Apache-2.0 OR GPL-2.0-only`); the groups are AND-ed, compound parts parenthesized.
 */
export function buildExpression(licenses: LicenseFinding[], alternativeTo: ReadonlyMap<LicenseFinding, LicenseFinding> = new Map()): string {
  // union-find over findings linked as alternatives
  const parent = new Map<LicenseFinding, LicenseFinding>()
  const root = (f: LicenseFinding): LicenseFinding => {
    let r = f
    while (parent.has(r)) r = parent.get(r)!
    return r
  }
  for (const [f, to] of alternativeTo) if (root(f) !== root(to)) parent.set(root(f), root(to))
  const groups = new Map<LicenseFinding, string[]>()
  for (const l of licenses) {
    const r = root(l)
    const parts = groups.get(r) ?? []
    groups.set(r, parts)
    const expr = l.expression ?? l.licenseId
    for (const part of /\sAND\s/.test(expr) ? [`(${expr})`] : expr.split(' OR ')) if (!parts.includes(part)) parts.push(part)
  }
  const exprs = new Map<string, boolean>() // expression → is a choice of several parts
  for (const parts of groups.values()) exprs.set(parts.join(' OR '), parts.length > 1)
  // a lone part is a license, a WITH, or an AND already parenthesized; a choice needs parentheses next to others
  return [...exprs].map(([e, choice]) => (exprs.size > 1 && choice ? `(${e})` : e)).join(' AND ')
}

/**
 * One finding per (kind, parameters, licence) — the same clause reached twice is reported once. A policy carried in
 * is one finding per (kind, policy) whichever way it was reached (read in the text, or from the license's facts);
 * the first one wins, and findings read from the text come first.
 */
function dedupeRestrictions(list: RestrictionFinding[]): RestrictionFinding[] {
  const seen = new Set<string>()
  return list.filter((r) => {
    const p = r.parameters
    const key = p.via === 'policy' && typeof p.policy === 'string' ? `${r.kind}|policy|${p.policy}` : `${r.kind}|${r.licenseId ?? ''}|${JSON.stringify(p)}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Analyze a text as a license-bearing file and wrap the result in a FileReport. */
export function analyzeText(source: string, options: { path?: string; kind?: FileKind } = {}): FileReport {
  const a = analyzeLicenseText(source)
  return finishReport({
    path: options.path,
    kind: options.kind ?? 'license',
    expression: a.expression,
    licenses: a.licenses,
    restrictions: a.restrictions,
    diagnostics: a.diagnostics,
  })
}
