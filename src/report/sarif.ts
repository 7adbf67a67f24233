// SARIF 2.1.0 output for code-scanning tools: one rule per rule id, results with root-relative locations.
import type { AuditReport, Diagnostic, FileReport, Position, Severity } from '../schema/index.js'
import { assertReport, fileReports, isAuditReport, type Report } from './input.js'
import { VERSION } from './version.js'

export interface SarifOptions {
  /** `tool.driver.version` (default: licit's version). */
  toolVersion?: string
}

type Level = 'error' | 'warning' | 'note'

interface SarifRule {
  id: string
  name: string
  shortDescription: { text: string }
  defaultConfiguration: { level: Level }
  properties: { tags: string[] }
}

interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: Level
  message: { text: string }
  locations?: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: Record<string, number> } }>
  properties?: Record<string, unknown>
}

/** The SARIF log shape licit writes (the subset of SARIF 2.1.0 it uses). */
export interface SarifLog {
  $schema: string
  version: '2.1.0'
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } }
    originalUriBaseIds?: Record<string, { uri: string }>
    results: SarifResult[]
    properties?: Record<string, unknown>
  }>
}

const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' }
const ROOT = 'ROOT'

// Short rule descriptions for the rules the audit itself raises; detector rules take their first message.
const ruleText: Record<string, string> = {
  'declared-mismatch': 'The declared license contradicts the license text',
  'declared-incomplete': 'A license text holds licenses the declaration does not name',
  'license-undeclared': 'A license text exists but nothing is declared',
  'lineage-permissive-declaration': 'A derivative model declares a license more permissive than the one it inherits',
  'policy-deny': 'A package is licensed under a denied license',
  'policy-not-allowed': 'A package is licensed under a license the policy does not allow',
}

/** A path as a relative URI reference: forward slashes, each segment percent-encoded. */
function toUri(path: string): string {
  const p = path.replace(/\\/g, '/')
  if (/^[A-Za-z]:\//.test(p)) return `file:///${p.split('/').map(encodeURIComponent).join('/').replace('%3A', ':')}`
  if (p.startsWith('/')) return `file://${p.split('/').map(encodeURIComponent).join('/')}`
  return p.split('/').map(encodeURIComponent).join('/')
}

function region(p: Position | undefined): Record<string, number> | undefined {
  if (!p) return undefined
  // SARIF columns count UTF-16 code units by default (columnKind utf16CodeUnits), as unist offsets do.
  return { startLine: p.start.line, startColumn: p.start.column, endLine: p.end.line, endColumn: p.end.column, charOffset: p.start.offset, charLength: p.end.offset - p.start.offset }
}

/**
 * Convert a report to a SARIF 2.1.0 log (for GitHub code scanning and other SARIF viewers): one `rules[]` entry
 * per rule id, `level` from severity (`info` → `note`), locations relative to the audit root (`uriBaseId` `ROOT`)
 * with line/column regions. Results are restrictions, mismatches, policy violations that have no other result
 * (deny / allow), and diagnostics; a restriction or mismatch that violates the policy is raised to `error` and
 * marked `properties.violation`.
 *
 * @param report - an AuditReport, a FileReport or an array of them.
 * @param options - `toolVersion` (default: licit's version).
 * @returns the SARIF JSON text, ending with a newline.
 * @example
 * writeFileSync('licit.sarif', toSarif(await audit('.')))
 */
export function toSarif(report: Report, options: SarifOptions = {}): string {
  return JSON.stringify(toSarifLog(report, options), null, 2) + '\n'
}

/** The SARIF log as an object (what `toSarif` serializes). */
export function toSarifLog(report: Report, options: SarifOptions = {}): SarifLog {
  assertReport(report, 'toSarif')
  const rules: SarifRule[] = []
  const index = new Map<string, number>()
  const results: SarifResult[] = []
  const audit = isAuditReport(report)

  const ruleFor = (id: string, severity: Severity, description: string, tags: string[]): number => {
    let i = index.get(id)
    if (i === undefined) {
      i = rules.length
      index.set(id, i)
      rules.push({ id, name: id, shortDescription: { text: ruleText[id] ?? description }, defaultConfiguration: { level: LEVEL[severity] }, properties: { tags } })
    }
    return i
  }
  const add = (m: Pick<Diagnostic, 'ruleId' | 'severity' | 'reason' | 'position'>, path: string | undefined, tags: string[], properties?: Record<string, unknown>, violation = false) => {
    const kind = properties?.kind
    const ruleIndex = ruleFor(m.ruleId, m.severity, typeof kind === 'string' ? `A license restriction (${kind})` : m.reason, tags)
    const result: SarifResult = { ruleId: m.ruleId, ruleIndex, level: violation ? 'error' : LEVEL[m.severity], message: { text: m.reason } }
    if (path) {
      const r = region(m.position)
      result.locations = [{ physicalLocation: { artifactLocation: { uri: toUri(path), ...(audit ? { uriBaseId: ROOT } : {}) }, ...(r ? { region: r } : {}) } }]
    }
    const props = { ...properties, ...(violation ? { violation: true } : {}) }
    if (Object.keys(props).length) result.properties = props
    results.push(result)
  }

  if (audit) {
    for (const p of report.packages) {
      const violations = report.violations.filter((v) => v.package === p.dir)
      const pkg = { package: p.version ? `${p.name}@${p.version}` : p.name, packageDir: p.dir }
      for (const r of p.restrictions) {
        const violation = violations.some((v) => v.kind === r.kind && (v.licenseId ?? '') === (r.licenseId ?? ''))
        add(r, r.path, ['license', 'restriction', r.kind], { ...pkg, kind: r.kind, ...(r.licenseId ? { licenseId: r.licenseId } : {}), parameters: r.parameters }, violation)
      }
      for (const m of p.mismatches) {
        const violation = violations.some((v) => v.ruleId === 'policy-severity' && v.path === m.path && v.reason.endsWith(m.reason))
        add(m, m.path, ['license', 'mismatch'], { ...pkg, declared: m.declared, found: m.found }, violation)
      }
      for (const v of violations) if (v.ruleId === 'policy-deny' || v.ruleId === 'policy-not-allowed') add(v, v.path ?? p.declared?.path ?? p.files[0]?.path, ['license', 'policy'], { ...pkg, expression: p.expression })
      for (const d of p.diagnostics) add(d, d.path, ['licit', 'diagnostic'], pkg)
      for (const f of p.files) for (const d of f.diagnostics) add(d, f.path, ['licit', 'diagnostic'], pkg)
    }
    for (const d of report.diagnostics) add(d, d.path, ['licit', 'diagnostic'])
  } else {
    for (const f of fileReports(report as FileReport | FileReport[])) {
      for (const r of f.restrictions) add(r, f.path, ['license', 'restriction', r.kind], { kind: r.kind, ...(r.licenseId ? { licenseId: r.licenseId } : {}), parameters: r.parameters })
      for (const d of f.diagnostics) add(d, f.path, ['licit', 'diagnostic'])
    }
  }

  const run: SarifLog['runs'][number] = {
    tool: { driver: { name: 'licit', version: options.toolVersion ?? VERSION, informationUri: 'https://www.npmjs.com/package/licit', rules } },
    results,
  }
  if (audit) {
    const root = report.root.replace(/\\/g, '/')
    run.originalUriBaseIds = { [ROOT]: { uri: toUri(root.endsWith('/') ? root : `${root}/`) } }
    run.properties = { summary: report.summary }
  }
  return { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] }
}
