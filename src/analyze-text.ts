// Analyzes a license-bearing text (LICENSE file, notice, source header): identify, then detect restrictions.
import { restrictionsFromLicense, detectRestrictions } from './detect/index.js'
import { matchFullText } from './match/fulltext.js'
import { matchReferences } from './match/reference.js'
import { matchSpdxTags } from './match/spdx-id.js'
import { finishReport } from './report-utils.js'
import type { Diagnostic, FileKind, FileReport, LicenseFinding, RestrictionFinding } from './schema/index.js'
import { createLineIndex, tokenize, type LineIndex } from './text/index.js'

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

/**
 * Identify the licenses in `source` and the restrictions they carry. Pure: no disk, no network.
 * Order of trust: SPDX tags, then full texts (exact or similar), then notices and references outside them.
 */
export function analyzeLicenseText(source: string, lines: LineIndex = createLineIndex(source)): TextAnalysis {
  const diagnostics: Diagnostic[] = []
  const tokens = tokenize(source)
  const tags = matchSpdxTags(source, lines)
  diagnostics.push(...tags.diagnostics)
  const full = matchFullText(source, tokens, lines)
  const regions = full.matches.map(span)
  const inside = (f: LicenseFinding) => {
    const [s, e] = span(f)
    return regions.some(([rs, re]) => s >= rs && e <= re)
  }
  const refs = matchReferences(source, tokens, lines).filter((f) => !inside(f))
  const licenses = [...tags.findings, ...full.matches, ...refs].sort((a, b) => span(a)[0] - span(b)[0])

  const restrictions = detectRestrictions(source, lines, { licenseIds: licenses.map((l) => l.licenseId) })
  for (const l of licenses) {
    const textPresent = l.matcher === 'exact' || l.matcher === 'dice'
    restrictions.push(...restrictionsFromLicense(l.licenseId, l.evidence, { textPresent }))
  }
  const expression = licenses.length ? buildExpression(licenses) : full.nearest ? 'NOASSERTION' : 'NONE'
  if (!licenses.length && full.nearest) {
    diagnostics.push({
      ruleId: 'low-confidence',
      source: 'licit',
      severity: 'info',
      reason: `Looks like a license but matches no reference confidently; closest is ${full.nearest.licenseId} at ${full.nearest.confidence.toFixed(2)}`,
      position: full.nearest.evidence[0]?.position,
    })
  }
  return { expression, licenses, restrictions: dedupeRestrictions(restrictions), diagnostics, nearest: full.nearest }
}

/** AND together the distinct findings, keeping each finding's own expression (an OR, a WITH) parenthesized. */
export function buildExpression(licenses: LicenseFinding[]): string {
  const parts: string[] = []
  const seen = new Set<string>()
  for (const l of licenses) {
    const expr = l.expression ?? l.licenseId
    if (seen.has(expr)) continue
    seen.add(expr)
    parts.push(/\s(OR|AND)\s/.test(expr) && licenses.length > 1 ? `(${expr})` : expr)
  }
  return parts.join(' AND ')
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
