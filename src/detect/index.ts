// Restriction detection: segment the text into clauses, run every detector, and carry in license facts.
import type { RestrictionFinding } from '../schema/index.js'
import type { LineIndex } from '../text/index.js'
import { toFinding, type DetectContext } from './define-detector.js'
import { detectors } from './detectors.js'
import { segmentText } from './segment.js'

export { restrictionsFromLicense } from './from-license.js'
export type { Detector, DetectContext, Hit } from './define-detector.js'

/**
 * Same-length clean-up of the text detectors read, for licenses quoted inside YAML or JSON strings (model-card
 * front matter): an escaped `\n` becomes a line break, `\r`, `\t` and a backslash before white space
 * ("Built with\\ \\ Llama") become spaces. Offsets are unchanged, so evidence still points into the original.
 * @example matchingView('a\\nb') // → 'a \nb'
 */
export function matchingView(source: string): string {
  if (!source.includes('\\')) return source
  // An escaped line break stays a line break (" \n", same length) so paragraphs and list items still split.
  return source.replace(/\\[nrt]|\\(?=\s)/g, (m) => (m === '\\n' ? ' \n' : ' '.repeat(m.length)))
}

export interface DetectOptions {
  /** Canonical ids of the licenses identified in the text, if any. */
  licenseIds?: string[]
}

/**
 * Read the restrictions a text states: clause by clause, from its wording alone (no license identity is
 * needed, so unseen and modified licenses work). Pure and linear in the text length.
 *
 * @param source - the text; never throws.
 * @param lines - its line index (`createLineIndex(source)`), used for evidence positions.
 * @param options - `licenseIds`: when exactly one license was identified, findings carry its id.
 * @returns one finding per kind found (two for two different thresholds), each with evidence slices.
 * @example
 * const src = 'You will not use the Model for military purposes.'
 * detectRestrictions(src, createLineIndex(src))[0].kind // → 'field-of-use'
 */
export function detectRestrictions(source: string, lines: LineIndex, options: DetectOptions = {}): RestrictionFinding[] {
  const ids = [...new Set(options.licenseIds ?? [])]
  const view = matchingView(source)
  const ctx: DetectContext = {
    source: view,
    lines,
    segments: segmentText(view),
    licenseId: ids.length === 1 ? ids[0] : undefined,
    cache: new Map(),
  }
  const findings: RestrictionFinding[] = []
  for (const d of detectors) {
    for (const hit of d.detect(ctx)) findings.push(toFinding(d, hit, ctx))
  }
  return findings
}
