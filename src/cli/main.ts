// The CLI: `licit FILE...` classifies files, `licit audit DIR` audits a tree; picks a formatter, sets the exit code.
import { promises as fs } from 'node:fs'
import { parseArgs } from 'node:util'
import { audit, classify, decodeText, RestrictionKindSchema, toJson, toSarif, toStylish, type AuditProgress, type FileReport, type Policy, type RestrictionKind } from '../index.js'
import { VERSION } from '../report/version.js'
import { describeError, isParseArgsError, UsageError } from './errors.js'

/** Where the CLI writes, and what it knows about its terminal. Tests pass their own. */
export interface CliIO {
  stdout: (s: string) => void
  stderr: (s: string) => void
  /** Colour the text format (default: stdout is a terminal and NO_COLOR is unset). */
  color?: boolean
  /** Show a progress line while auditing (default: stderr is a terminal). */
  progress?: boolean
}

/** Exit codes, as ESLint: nothing at or above --fail-on, findings at or above it, usage or internal error. */
export const EXIT = { ok: 0, violations: 1, error: 2 } as const

const HELP = `licit — identify licenses and the restrictions that bind you (not legal advice)

Usage
  licit FILE... [--format text|json|sarif] [--fail-on LIST]
  licit audit [DIR] [--format text|json|sarif] [--fail-on LIST] [--config FILE]
                    [--follow-symlinks] [--all-files] [--max-file-size BYTES] [--workers N]

Options
  -f, --format        text (default), json, or sarif
      --fail-on       comma-separated restriction kinds and/or a severity that fail the run:
                      ${RestrictionKindSchema.options.join(', ')};
                      error, warning, info, or off
      --config        policy file (default: DIR/.licitrc.json when present)
      --follow-symlinks  follow symbolic links that lead outside DIR
      --all-files     classify every text file, not only license-relevant ones
      --max-file-size skip files larger than this many bytes (default 5242880)
      --workers       worker threads for classifying large trees (default 0)
  -h, --help          show this help
  -v, --version       show the version

Exit codes: 0 clean, 1 violations (or --fail-on findings), 2 usage or internal error.
`

const defaultIO = (): CliIO => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  color: process.stdout.isTTY === true && !process.env.NO_COLOR,
  progress: process.stderr.isTTY === true,
})

const options = {
  format: { type: 'string', short: 'f' },
  'fail-on': { type: 'string' },
  config: { type: 'string' },
  'follow-symlinks': { type: 'boolean' },
  'all-files': { type: 'boolean' },
  'max-file-size': { type: 'string' },
  workers: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const

type Values = { [K in keyof typeof options]?: (typeof options)[K]['type'] extends 'string' ? string : boolean }

/**
 * Run the CLI with `argv` (without node and the script) and return the exit code; never calls process.exit.
 *
 * @param argv - e.g. `['audit', 'node_modules', '--format', 'sarif']`.
 * @param io - output sinks and terminal facts (default: process stdout/stderr).
 * @returns 0 clean, 1 violations, 2 usage or internal error.
 * @example
 * process.exitCode = await main(process.argv.slice(2))
 */
export async function main(argv: string[], io: CliIO = defaultIO()): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true }) as { values: Values; positionals: string[] }
    if (values.help) {
      io.stdout(HELP)
      return EXIT.ok
    }
    if (values.version) {
      io.stdout(`${VERSION}\n`)
      return EXIT.ok
    }
    const format = values.format ?? 'text'
    if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`Unknown format \`${format}\`; expected text, json or sarif`)
    const policy = parseFailOn(values['fail-on'])
    const isAudit = positionals[0] === 'audit'
    if (!isAudit) {
      for (const flag of ['config', 'follow-symlinks', 'all-files', 'max-file-size', 'workers'] as const) if (values[flag] !== undefined) throw new UsageError(`--${flag} applies to \`licit audit\` only`)
      if (!positionals.length) throw new UsageError('No file given. Usage: licit FILE... or licit audit DIR (see --help)')
      return await runFiles(positionals, format, policy, io)
    }
    if (positionals.length > 2) throw new UsageError(`\`licit audit\` takes one folder, got ${positionals.length - 1}`)
    return await runAudit(positionals[1] ?? '.', values, format, policy, io)
  } catch (error) {
    io.stderr(describeError(error) + (error instanceof UsageError || isParseArgsError(error) ? '\nRun `licit --help` for usage.\n' : '\n'))
    return EXIT.error
  }
}

/** `--fail-on non-commercial,user-count,warning` → restriction kinds plus an optional severity threshold. */
function parseFailOn(value: string | undefined): Policy {
  if (value === undefined) return {}
  const policy: Policy = {}
  const kinds: RestrictionKind[] = []
  for (const item of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const kind = RestrictionKindSchema.safeParse(item)
    if (kind.success) kinds.push(kind.data)
    else if (item === 'error' || item === 'warning' || item === 'info' || item === 'off') policy.severity = item
    else throw new UsageError(`Unknown --fail-on value \`${item}\`; expected restriction kinds (${RestrictionKindSchema.options.join(', ')}) or a severity (error, warning, info, off)`)
  }
  if (kinds.length) policy.failOn = kinds
  return policy
}

function render(report: Parameters<typeof toJson>[0], format: string, io: CliIO): string {
  if (format === 'json') return toJson(report)
  if (format === 'sarif') return toSarif(report)
  return toStylish(report, { color: io.color === true })
}

async function runFiles(paths: string[], format: string, policy: Policy, io: CliIO): Promise<number> {
  const reports: FileReport[] = []
  let unreadable = false
  for (const path of paths) {
    let bytes: Uint8Array
    try {
      bytes = await fs.readFile(path)
    } catch (error) {
      unreadable = true
      reports.push(unreadableReport(path, error))
      continue
    }
    const decoded = decodeText(bytes)
    const report = classify(decoded.text, { path })
    reports.push(decoded.diagnostics.length ? withDiagnostics(report, decoded.diagnostics) : report)
  }
  io.stdout(render(reports, format, io))
  if (unreadable) return EXIT.error
  return failsPolicy(reports, policy) ? EXIT.violations : EXIT.ok
}

/** For single files, --fail-on applies to their restrictions: a listed kind, or a severity at or above the threshold. */
function failsPolicy(reports: FileReport[], policy: Policy): boolean {
  const rank = { info: 1, warning: 2, error: 3, off: Infinity } as const
  const threshold = policy.severity ? rank[policy.severity] : Infinity
  const kinds = new Set(policy.failOn ?? [])
  return reports.some((r) => r.restrictions.some((x) => kinds.has(x.kind) || rank[x.severity] >= threshold))
}

function unreadableReport(path: string, error: unknown): FileReport {
  const code = (error as { code?: string } | null)?.code ?? 'EUNKNOWN'
  const reason = code === 'EISDIR' ? 'This is a folder; audit folders with `licit audit DIR`' : `The file could not be read (${code})`
  return {
    schemaVersion: 1,
    path,
    kind: 'text',
    expression: 'NOASSERTION',
    licenses: [],
    restrictions: [],
    diagnostics: [{ ruleId: 'unreadable-file', source: 'licit', severity: 'error', fatal: true, reason }],
    counts: { licenses: 0, restrictions: 0, errors: 1, warnings: 0, infos: 0, fatal: 1 },
  }
}

function withDiagnostics(report: FileReport, extra: FileReport['diagnostics']): FileReport {
  const counts = { ...report.counts }
  for (const d of extra) {
    if (d.severity === 'error') counts.errors++
    else if (d.severity === 'warning') counts.warnings++
    else counts.infos++
    if (d.fatal) counts.fatal++
  }
  return { ...report, diagnostics: [...extra, ...report.diagnostics], counts }
}

async function runAudit(dir: string, values: Values, format: string, policy: Policy, io: CliIO): Promise<number> {
  let maxFileSize: number | undefined
  if (values['max-file-size'] !== undefined) {
    maxFileSize = Number(values['max-file-size'])
    if (!Number.isInteger(maxFileSize) || maxFileSize <= 0) throw new UsageError(`Expected --max-file-size to be a positive whole number of bytes, got \`${values['max-file-size']}\``)
  }
  let workers: number | undefined
  if (values.workers !== undefined) {
    workers = Number(values.workers)
    if (!Number.isInteger(workers) || workers < 0 || workers > 64) throw new UsageError(`Expected --workers to be a whole number from 0 to 64, got \`${values.workers}\``)
  }
  let shown = false
  const onProgress = io.progress
    ? (p: AuditProgress) => {
        shown = true
        io.stderr(`\r\u001b[K${p.files} files, ${p.packages} packages, ${p.analyzed} analyzed  ${p.path.slice(-60)}`)
      }
    : undefined
  let report
  try {
    report = await audit(dir, {
      ...(values.config !== undefined ? { config: values.config } : {}),
      ...(values['follow-symlinks'] ? { followSymlinks: true } : {}),
      ...(values['all-files'] ? { allFiles: true } : {}),
      ...(maxFileSize !== undefined ? { maxFileSize } : {}),
      ...(workers !== undefined ? { workers } : {}),
      ...(Object.keys(policy).length ? { policy } : {}),
      ...(onProgress ? { onProgress } : {}),
    })
  } finally {
    // Clear the progress line before anything else is printed, on success or failure.
    if (shown) io.stderr('\r\u001b[K')
  }
  io.stdout(render(report, format, io))
  return report.summary.violations > 0 ? EXIT.violations : EXIT.ok
}
