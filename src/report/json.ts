// JSON output: the report as is (it already is the documented, schema-validated shape).
import { assertReport, type Report } from './input.js'

export interface JsonOptions {
  /** Indent with two spaces (default `true`); `false` writes one line. */
  pretty?: boolean
}

/**
 * Serialize a report as JSON, ending with a newline.
 *
 * @param report - a FileReport, an array of them (what `licit FILE...` prints) or an AuditReport.
 * @param options - `pretty` (default `true`).
 * @returns the JSON text; `FileReportSchema` / `AuditReportSchema` parse it back.
 * @example
 * toJson(classify('SPDX-License-Identifier: MIT'), { pretty: false })
 */
export function toJson(report: Report, options: JsonOptions = {}): string {
  assertReport(report, 'toJson')
  return JSON.stringify(report, null, options.pretty === false ? undefined : 2) + '\n'
}
