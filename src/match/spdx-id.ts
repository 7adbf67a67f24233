// SPDX-License-Identifier tags: find every tag line in any comment style and read its expression.
import type { Diagnostic, LicenseFinding } from '../schema/index.js'
import type { LineIndex } from '../text/index.js'
import { parseLicenseExpression } from './expression.js'
import { lookupLicenseId, resolveLicenseId } from './expression-ids.js'
import { findSpdxTags } from './expression-tags.js'

export { findSpdxTags, type SpdxTagSpan } from './expression-tags.js'

const messages = {
  empty: 'Empty SPDX-License-Identifier tag',
  invalid: 'Invalid SPDX-License-Identifier "{value}": {reason}',
  suggestion: 'Did you mean "{suggestion}"?',
} as const

const MAX_SUGGESTIONS = 50

const format = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '')

/** Ids written inside an unparseable value, in order: "GPL-2.0 and/or MIT licence" → GPL-2.0-only, MIT. */
function salvageIds(value: string): string[] {
  const ids: string[] = []
  for (const m of value.matchAll(/[A-Za-z0-9.-]+(\+)?/g)) {
    const id = lookupLicenseId(m[0].replace(/\+$/, ''))
    if (!id) continue
    const resolved = resolveLicenseId(id, m[1] === '+')
    const license = resolved.license.replace(/\+$/, '')
    if (!ids.includes(license)) ids.push(license)
  }
  return ids
}

/**
 * Read every `SPDX-License-Identifier:` tag of a text (any comment style, anywhere in the file, several per
 * file). Each valid tag gives a finding with matcher `spdx-tag`, `licenseId` = its first id and `expression` =
 * the canonical expression when it says more than that id. An invalid value gives an `invalid-spdx-expression`
 * warning, plus a lower-confidence finding when a license can still be read from it.
 *
 * @param source - the text.
 * @param lines - line index over the same text, for positions.
 * @returns findings and diagnostics, in source order.
 * @example
 * matchSpdxTags('// SPDX-License-Identifier: GPL-2.0+', createLineIndex(src)).findings[0].licenseId // 'GPL-2.0-or-later'
 */
export function matchSpdxTags(source: string, lines: LineIndex): { findings: LicenseFinding[]; diagnostics: Diagnostic[] } {
  const findings: LicenseFinding[] = []
  const diagnostics: Diagnostic[] = []
  let suggestions = 0
  for (const tag of findSpdxTags(source)) {
    const evidence = [lines.evidence(tag.start, tag.valueEnd)]
    // reading a suggestion costs a name lookup: a file with thousands of broken tags gets the first ones only
    const parsed = parseLicenseExpression(tag.value, { suggest: suggestions < MAX_SUGGESTIONS })
    if (!parsed.ok) suggestions++
    if (parsed.ok) {
      if (!parsed.ids.length) continue // NONE / NOASSERTION: the tag names no license
      findings.push(finding(parsed.expression, parsed.ids, 1, evidence))
      continue
    }
    // "add an SPDX-License-Identifier: line to each file": a tag named in running prose is no tag
    if (inProse(source, tag.start)) continue
    const position = lines.toPosition(tag.valueStart, Math.max(tag.valueEnd, tag.valueStart))
    diagnostics.push({
      ruleId: 'invalid-spdx-expression',
      source: 'licit',
      severity: 'warning',
      reason: tag.value ? format(messages.invalid, { value: tag.value, reason: parsed.reason }) : messages.empty,
      position,
      ...(parsed.suggestion ? { note: format(messages.suggestion, { suggestion: parsed.suggestion }) } : {}),
    })
    const suggested = parsed.suggestion ? parseLicenseExpression(parsed.suggestion) : undefined
    if (suggested?.ok && suggested.ids.length) {
      findings.push(finding(suggested.expression, suggested.ids, 0.8, evidence))
      continue
    }
    const ids = salvageIds(tag.value)
    if (ids.length) findings.push(finding(ids.join(' AND '), ids, 0.6, evidence))
  }
  return { findings, diagnostics }
}

/** Whether words precede the tag on its line (a comment marker or a quote alone does not count). */
function inProse(source: string, start: number): boolean {
  let p = start
  while (p > 0 && start - p < 200) {
    const c = source.charCodeAt(p - 1)
    if (c === 10 || c === 13) break
    p--
  }
  return /[\p{L}\p{N}]{2}/u.test(source.slice(p, start).replace(/\b(?:dnl|rem|REM)\b/g, ''))
}

function finding(expression: string, ids: string[], confidence: number, evidence: LicenseFinding['evidence']): LicenseFinding {
  const licenseId = ids[0]
  return {
    licenseId,
    ...(expression !== licenseId ? { expression } : {}),
    confidence,
    matcher: 'spdx-tag',
    evidence,
  }
}
