// Builds a FileReport's precomputed counts and assembles reports (shared by every analyzer).
import type { Counts, Diagnostic, FileReport, RestrictionFinding } from './schema/index.js'

/** Count findings and messages by severity, as ESLint's LintResult does. */
export function countReport(report: Pick<FileReport, 'licenses' | 'restrictions' | 'diagnostics'>): Counts {
  const counts: Counts = { licenses: report.licenses.length, restrictions: report.restrictions.length, errors: 0, warnings: 0, infos: 0, fatal: 0 }
  const all: Array<RestrictionFinding | Diagnostic> = [...report.restrictions, ...report.diagnostics]
  for (const m of all) {
    if (m.severity === 'error') counts.errors++
    else if (m.severity === 'warning') counts.warnings++
    else counts.infos++
    if (m.fatal) counts.fatal++
  }
  return counts
}

/** Complete a report: schema version and counts. */
export function finishReport(partial: Omit<FileReport, 'counts' | 'schemaVersion'>): FileReport {
  const report = { schemaVersion: 1 as const, ...partial, counts: { licenses: 0, restrictions: 0, errors: 0, warnings: 0, infos: 0, fatal: 0 } }
  report.counts = countReport(report)
  return report
}
