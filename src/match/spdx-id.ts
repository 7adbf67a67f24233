// SPDX-License-Identifier tags (stub).
import type { Diagnostic, LicenseFinding } from '../schema/index.js'
import type { LineIndex } from '../text/index.js'

export function matchSpdxTags(_source: string, _lines: LineIndex): { findings: LicenseFinding[]; diagnostics: Diagnostic[] } {
  return { findings: [], diagnostics: [] }
}
