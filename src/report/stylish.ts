// Human-readable output: per file, licenses with confidence and lines, declared vs governing, restrictions with
// reasons; per audit, a package table, then mismatches, restrictions, violations and a summary.
import type { AuditReport, Diagnostic, FileReport, PackageReport, Position, RestrictionFinding, Severity } from '../schema/index.js'
import { assertReport, fileReports, isAuditReport, type Report } from './input.js'

export interface StylishOptions {
  /** Colour with ANSI escapes (default `false`; the CLI turns it on for a terminal). */
  color?: boolean
}

type Paint = (code: number, s: string) => string

const words = {
  declared: 'declared',
  governing: 'governing',
  nothingDeclared: '—',
  licenses: 'licenses',
  restrictions: 'restrictions',
  diagnostics: 'diagnostics',
  noLicense: 'no license found',
  inherited: (chain: string[]) => `(inherited through ${chain.join(' → ')})`,
  nearest: (id: string, c: number) => `nearest ${id} ${c.toFixed(2)}`,
  auditTitle: (root: string) => `licit audit ${root}`,
  auditStats: (s: AuditReport['summary']) =>
    `${plural(s.packages, 'package')} · ${plural(s.files, 'file')} (${s.analyzed} analyzed, ${s.skipped} skipped) · ${(s.durationMs / 1000).toFixed(1)} s`,
  tableHead: ['PACKAGE', 'VERSION', 'TYPE', 'DECLARED', 'GOVERNING', 'FINDINGS'],
  mismatches: 'Mismatches',
  restrictionsTitle: 'Restrictions',
  violations: 'Violations',
  walk: 'Walk diagnostics',
  expressions: 'Licenses',
  ok: 'no violations',
  failed: (n: number) => `${plural(n, 'violation')}`,
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

const severityColor: Record<Severity, number> = { error: 31, warning: 33, info: 36 }

/** `12:3–14:9`, or `12:3–9` on one line. */
function range(p: Position | undefined): string {
  if (!p) return ''
  return p.start.line === p.end.line ? `${p.start.line}:${p.start.column}–${p.end.column}` : `${p.start.line}:${p.start.column}–${p.end.line}:${p.end.column}`
}

/** The span covered by a list of evidence positions: first start to last end. */
function span(positions: Position[]): Position | undefined {
  if (!positions.length) return undefined
  let start = positions[0].start
  let end = positions[0].end
  for (const p of positions) {
    if (p.start.offset < start.offset) start = p.start
    if (p.end.offset > end.offset) end = p.end
  }
  return { start, end }
}

function fit(s: string, width: number): string {
  return s.length <= width ? s : `${s.slice(0, Math.max(1, width - 1))}…`
}

/** Left-aligned columns, each as wide as its widest cell (capped), two spaces apart. */
function table(rows: string[][], caps: number[], paintRow?: (row: string[], cells: string[]) => string[]): string[] {
  const widths = caps.map((cap, i) => Math.min(cap, Math.max(0, ...rows.map((r) => (r[i] ?? '').length))))
  return rows.map((r) => {
    const cells = r.map((cell, i) => (i === r.length - 1 ? fit(cell, caps[i]) : fit(cell, widths[i]).padEnd(widths[i])))
    return (paintRow ? paintRow(r, cells) : cells).join('  ').trimEnd()
  })
}

function messageRows(list: Array<Diagnostic | RestrictionFinding>, paint: Paint, label: (m: Diagnostic | RestrictionFinding) => string): string[] {
  const rows = list.map((m) => {
    const chain = 'parameters' in m && Array.isArray(m.parameters.inheritedFrom) ? ` ${words.inherited(m.parameters.inheritedFrom as string[])}` : ''
    return [m.severity, label(m), `${m.reason}${chain}`, range(m.position), `${m.source}:${m.ruleId}`]
  })
  return table(rows, [7, 20, 160, 14, 40], (r, cells) => [paint(severityColor[r[0] as Severity], cells[0]), ...cells.slice(1, 4), paint(2, cells[4])]).map((l) => `    ${l}`)
}

function formatFile(f: FileReport, paint: Paint): string[] {
  const out: string[] = []
  out.push(`${paint(1, f.path ?? '<text>')}  ${paint(2, f.kind)}  →  ${paint(1, f.expression)}`)
  const declared = f.declared ? `${f.declared.expression}${f.declared.raw && f.declared.raw !== f.declared.expression ? ` (“${f.declared.raw}”)` : ''}` : words.nothingDeclared
  const where = f.declared?.evidence[0] ? ` at ${range(f.declared.evidence[0].position)}` : ''
  out.push(`  ${paint(2, words.declared.padEnd(10))}${declared}${where}    ${paint(2, words.governing)}  ${f.expression}`)
  if (f.licenses.length) {
    out.push(`  ${paint(2, words.licenses)}`)
    const rows = f.licenses.map((l) => {
      const nearest = l.candidates?.length ? words.nearest(l.candidates[0].licenseId, l.candidates[0].confidence) : ''
      return [l.expression ?? l.licenseId, l.confidence.toFixed(2), l.matcher, range(span(l.evidence.map((e) => e.position))), nearest]
    })
    out.push(...table(rows, [50, 4, 9, 16, 80]).map((l) => `    ${l}`))
  } else out.push(`  ${paint(2, words.licenses)}  ${words.noLicense}`)
  if (f.restrictions.length) {
    out.push(`  ${paint(2, words.restrictions)}`)
    out.push(...messageRows(f.restrictions, paint, (m) => ('kind' in m ? m.kind : '')))
  }
  if (f.diagnostics.length) {
    out.push(`  ${paint(2, words.diagnostics)}`)
    out.push(...messageRows(f.diagnostics, paint, (m) => (m.fatal ? 'fatal' : '')))
  }
  const c = f.counts
  out.push(`  ${paint(2, [plural(c.licenses, 'license'), plural(c.restrictions, 'restriction'), plural(c.errors, 'error'), plural(c.warnings, 'warning'), plural(c.infos, 'info')].join(' · '))}`)
  return out
}

function findings(p: PackageReport): string {
  const count = (s: Severity) => p.mismatches.filter((m) => m.severity === s).length + p.restrictions.filter((r) => r.severity === s).length
  const parts: string[] = []
  for (const s of ['error', 'warning', 'info'] as const) if (count(s)) parts.push(plural(count(s), s))
  return parts.join(', ')
}

const label = (p: PackageReport) => (p.version ? `${p.name}@${p.version}` : p.name)
const at = (path: string | undefined, pos: Position | undefined) => (path ? `${path}${pos ? `:${pos.start.line}:${pos.start.column}` : ''}` : '')

function formatAudit(r: AuditReport, paint: Paint): string[] {
  const out = [paint(1, words.auditTitle(r.root)), paint(2, words.auditStats(r.summary)), '']
  const rows = [words.tableHead, ...r.packages.map((p) => [p.name, p.version ?? '', p.type, p.declared?.expression ?? words.nothingDeclared, p.expression, findings(p)])]
  out.push(...table(rows, [48, 12, 6, 36, 60, 40], (row, cells) => (row === words.tableHead ? cells.map((c) => paint(1, c)) : cells)).map((l) => `  ${l}`))
  const section = (title: string, lines: string[]) => {
    if (lines.length) out.push('', paint(1, title), ...lines)
  }
  const mm = r.packages.flatMap((p) => p.mismatches.map((m) => [m.severity, label(p), m.reason, at(m.path, m.position), `${m.source}:${m.ruleId}`]))
  section(words.mismatches, table(mm, [7, 40, 120, 60, 40], (row, cells) => [paint(severityColor[row[0] as Severity], cells[0]), ...cells.slice(1, 4), paint(2, cells[4])]).map((l) => `  ${l}`))
  const rs = r.packages.flatMap((p) =>
    p.restrictions.map((x) => {
      const chain = Array.isArray(x.parameters.inheritedFrom) ? ` ${words.inherited(x.parameters.inheritedFrom as string[])}` : ''
      return [x.severity, x.kind, label(p), `${x.reason}${chain}`, at(x.path, x.position)]
    }),
  )
  section(words.restrictionsTitle, table(rs, [7, 18, 40, 120, 60], (row, cells) => [paint(severityColor[row[0] as Severity], cells[0]), ...cells.slice(1)]).map((l) => `  ${l}`))
  const vs = r.violations.map((v) => [v.severity, v.reason, at(v.path, v.position), `${v.source}:${v.ruleId}`])
  section(words.violations, table(vs, [7, 140, 60, 40], (row, cells) => [paint(severityColor[row[0] as Severity], cells[0]), ...cells.slice(1, 3), paint(2, cells[3])]).map((l) => `  ${l}`))
  const ds = r.diagnostics.map((d) => [d.severity, d.path ?? '', d.reason, `${d.source}:${d.ruleId}`])
  section(words.walk, table(ds, [7, 60, 120, 40], (row, cells) => [paint(severityColor[row[0] as Severity], cells[0]), ...cells.slice(1, 3), paint(2, cells[3])]).map((l) => `  ${l}`))
  const expressions = Object.entries(r.summary.expressions).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  if (expressions.length) out.push('', `${paint(1, words.expressions)}  ${expressions.map(([e, n]) => `${e} ${n}`).join(' · ')}`)
  const n = r.summary.violations
  out.push('', n ? paint(31, `✖ ${words.failed(n)}`) : paint(32, `✔ ${words.ok}`))
  return out
}

/**
 * Format a report for people: for each file, its licenses with confidence, matcher and line range, what it
 * declares beside what governs, and its restrictions and diagnostics with reasons; for an audit, one row per
 * package, then mismatches, restrictions (with the base models they were inherited through), violations and
 * a summary.
 *
 * @param report - a FileReport, an array of them, or an AuditReport.
 * @param options - `color` (default `false`).
 * @returns the text, ending with a newline.
 * @example
 * process.stdout.write(toStylish(classify(text, { path: 'LICENSE' })))
 */
export function toStylish(report: Report, options: StylishOptions = {}): string {
  assertReport(report, 'toStylish')
  const paint: Paint = options.color ? (code, s) => `\u001b[${code}m${s}\u001b[0m` : (_code, s) => s
  const lines = isAuditReport(report) ? formatAudit(report, paint) : fileReports(report).flatMap((f, i) => [...(i ? [''] : []), ...formatFile(f, paint)])
  return lines.join('\n') + '\n'
}
