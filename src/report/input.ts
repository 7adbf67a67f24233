// What a formatter accepts (one FileReport, several, or an AuditReport) and how to tell them apart.
import type { AuditReport, FileReport } from '../schema/index.js'

/** Anything licit reports: one file, several files, or an audit. */
export type Report = FileReport | FileReport[] | AuditReport

/** Whether a report is an audit (it has packages) rather than file reports. */
export function isAuditReport(report: Report): report is AuditReport {
  return !Array.isArray(report) && 'packages' in report && Array.isArray((report as AuditReport).packages)
}

/** File reports as a list, whatever was given. */
export function fileReports(report: FileReport | FileReport[]): FileReport[] {
  return Array.isArray(report) ? report : [report]
}

/** Caller mistake: not something licit produced. */
export function assertReport(report: unknown, formatter: string): asserts report is Report {
  const ok = Array.isArray(report) || (report !== null && typeof report === 'object' && ('packages' in report || 'expression' in report))
  if (!ok) throw new TypeError(`Expected \`report\` for ${formatter} to be a FileReport, an array of them or an AuditReport, got \`${report === null ? 'null' : typeof report}\``)
}
