// Restriction detection (stub).
import type { Evidence, RestrictionFinding } from '../schema/index.js'
import type { LineIndex } from '../text/index.js'

export interface DetectOptions {
  /** Canonical ids of the licenses identified in the text, if any. */
  licenseIds?: string[]
}

export function detectRestrictions(_source: string, _lines: LineIndex, _options: DetectOptions = {}): RestrictionFinding[] {
  return []
}

export function restrictionsFromLicense(
  _licenseId: string,
  _evidence: Evidence[],
  _options: { textPresent?: boolean } = {},
): RestrictionFinding[] {
  return []
}
