// The audit policy: read `.licitrc.json`, merge options over it, and turn packages into violations.
import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { LicitError } from '../errors.js'
import { PolicySchema, type PackageReport, type Policy, type Severity, type Violation } from '../schema/index.js'
import { expressionIds, isSatisfied } from './expression.js'
import { configMessages as cm, policyMessages as m } from './messages.js'
import { errorCode } from './walk.js'

/** The config file looked for in the audit root. */
export const CONFIG_FILE = '.licitrc.json'

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 }

/**
 * Load the policy from `config` (a path; it must exist) or, when `config` is undefined, from `<root>/.licitrc.json`
 * when that exists. `false` means no config file. An unreadable or invalid file rejects with a LicitError
 * (`E_CONFIG_NOT_FOUND`, `E_CONFIG_INVALID`): a policy silently ignored would pass audits it should fail.
 */
export async function loadPolicy(root: string, config: string | false | undefined): Promise<Policy> {
  if (config === false) return {}
  const path = config ?? join(root, CONFIG_FILE)
  let text: string
  try {
    text = await fs.readFile(path, 'utf8')
  } catch (error) {
    if (config === undefined && errorCode(error) === 'ENOENT') return {}
    throw new LicitError('E_CONFIG_NOT_FOUND', cm.notFound(path, errorCode(error)), { cause: error })
  }
  let json: unknown
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (error) {
    throw new LicitError('E_CONFIG_INVALID', cm.invalidJson(path, error instanceof Error ? error.message : String(error)), { cause: error })
  }
  const parsed = PolicySchema.safeParse(json)
  if (!parsed.success) throw new LicitError('E_CONFIG_INVALID', cm.invalid(path, z.prettifyError(parsed.error)), { cause: parsed.error })
  return parsed.data
}

/** Options win over the file, field by field. */
export function mergePolicy(file: Policy, options: Policy | undefined): Policy {
  const out: Policy = { ...file }
  for (const [k, v] of Object.entries(options ?? {})) if (v !== undefined) (out as Record<string, unknown>)[k] = v
  return out
}

const lower = (ids: string[] | undefined) => new Set((ids ?? []).map((s) => s.toLowerCase()))

/**
 * The violations of one package:
 * - `policy-deny`: its expression cannot be met without a denied license;
 * - `policy-not-allowed`: an `allow` list is set and the expression cannot be met with it alone (an
 *   unidentified license — NONE or NOASSERTION — cannot be met either);
 * - `policy-fail-on`: a restriction of a listed kind, whatever its severity;
 * - `policy-severity`: a restriction or mismatch at or above `severity` (default `error`).
 */
export function evaluatePolicy(pkg: PackageReport, policy: Policy): Violation[] {
  const out: Violation[] = []
  const label = pkg.version ? `${pkg.name}@${pkg.version}` : pkg.name
  const base = { source: 'licit', package: pkg.dir }
  const deny = lower(policy.deny)
  const allow = policy.allow ? lower(policy.allow) : undefined
  const ids = expressionIds(pkg.expression)
  if (deny.size && ids.some((id) => deny.has(id.toLowerCase()))) {
    // With a choice (MIT OR GPL-3.0-only) denying one side still leaves the other.
    const free = isSatisfied(pkg.expression, (id, exception) => !deny.has(id.toLowerCase()) && !(exception && deny.has(exception.toLowerCase())))
    if (!free) {
      const id = ids.find((i) => deny.has(i.toLowerCase())) as string
      out.push({ ...base, ruleId: 'policy-deny', severity: 'error', reason: m.denied(label, id), licenseId: id })
    }
  }
  if (allow) {
    const accepted = (id: string, exception?: string) => allow.has(id.toLowerCase()) || (exception !== undefined && allow.has(`${id} with ${exception}`.toLowerCase()))
    if (!ids.length) out.push({ ...base, ruleId: 'policy-not-allowed', severity: 'error', reason: m.unknown(label, pkg.expression) })
    else if (!isSatisfied(pkg.expression, accepted)) out.push({ ...base, ruleId: 'policy-not-allowed', severity: 'error', reason: m.notAllowed(label, pkg.expression) })
  }
  const failOn = new Set(policy.failOn ?? [])
  const threshold = policy.severity === 'off' ? Infinity : RANK[policy.severity ?? 'error']
  const reported = new Set<string>()
  for (const r of pkg.restrictions) {
    const byKind = failOn.has(r.kind)
    if (!byKind && RANK[r.severity] < threshold) continue
    const key = `${r.kind}|${r.licenseId ?? ''}`
    if (reported.has(key)) continue
    reported.add(key)
    out.push({
      ...base,
      ruleId: byKind ? 'policy-fail-on' : 'policy-severity',
      severity: byKind ? 'error' : r.severity,
      reason: m.failOn(label, r.reason),
      kind: r.kind,
      ...(r.licenseId ? { licenseId: r.licenseId } : {}),
      ...(r.path ? { path: r.path } : {}),
      ...(r.position ? { position: r.position } : {}),
    })
  }
  for (const mm of pkg.mismatches) {
    if (RANK[mm.severity] < threshold) continue
    out.push({ ...base, ruleId: 'policy-severity', severity: mm.severity, reason: m.severity(label, mm.reason), ...(mm.path ? { path: mm.path } : {}), ...(mm.position ? { position: mm.position } : {}) })
  }
  return out
}
