// classify(): the pure entry point — pick a reader by name and content, then identify and detect. No disk.
import { analyzeModelCard } from './analyze-card.js'
import { analyzeManifest } from './analyze-manifest.js'
import { analyzeText } from './analyze-text.js'
import { detectFileKind } from './read/kind.js'
import { finishReport } from './report-utils.js'
import type { FileReport } from './schema/index.js'

export interface ClassifyOptions {
  /** File path, used to pick the reader (README.md → model card, package.json → manifest) and echoed in the report. */
  path?: string
}

/** Texts above this many UTF-16 units are analyzed only in their first part (a diagnostic says so). */
export const MAX_TEXT_LENGTH = 8 * 1024 * 1024

/**
 * Classify one text: which licenses it holds, where, how sure licit is, and which restrictions bind the user.
 *
 * @param text - the file's content as a string (decode bytes with `decodeText` first).
 * @param options - `path` (default none).
 * @returns a FileReport; bad content becomes a diagnostic, never an exception.
 * @example
 * classify('SPDX-License-Identifier: MIT').expression // 'MIT'
 */
export function classify(text: string, options: ClassifyOptions = {}): FileReport {
  if (typeof text !== 'string') throw new TypeError(`Expected \`text\` to be a string, got \`${typeof text}\``)
  if (options === null || typeof options !== 'object') throw new TypeError(`Expected \`options\` to be an object, got \`${options === null ? 'null' : typeof options}\``)
  if (options.path !== undefined && typeof options.path !== 'string') throw new TypeError(`Expected \`path\` to be a string, got \`${typeof options.path}\``)
  const path = options.path
  if (text.trim().length === 0) {
    return finishReport({
      path,
      kind: 'text',
      expression: 'NONE',
      licenses: [],
      restrictions: [],
      diagnostics: [{ ruleId: 'empty-file', source: 'licit', severity: 'info', reason: 'The file is empty' }],
    })
  }
  if (text.indexOf('\u0000') >= 0 && text.slice(0, 8000).indexOf('\u0000') >= 0) {
    return finishReport({
      path,
      kind: 'binary',
      expression: 'NOASSERTION',
      licenses: [],
      restrictions: [],
      diagnostics: [{ ruleId: 'binary-file', source: 'licit', severity: 'warning', fatal: true, reason: 'The file looks binary (it holds NUL bytes); it was not analyzed' }],
    })
  }
  let source = text
  const extra: FileReport['diagnostics'] = []
  if (source.length > MAX_TEXT_LENGTH) {
    source = source.slice(0, MAX_TEXT_LENGTH)
    extra.push({ ruleId: 'truncated', source: 'licit', severity: 'warning', reason: `The text is ${text.length} characters long; only the first ${MAX_TEXT_LENGTH} were analyzed` })
  }
  const kind = detectFileKind(path, source)
  let report: FileReport
  if (kind === 'model-card') report = analyzeModelCard(source, path)
  else if (kind === 'package-json' || kind === 'manifest') report = analyzeManifest(source, path, kind)
  else report = analyzeText(source, { path, kind })
  if (extra.length) report = finishReport({ ...report, diagnostics: [...extra, ...report.diagnostics] })
  return report
}
