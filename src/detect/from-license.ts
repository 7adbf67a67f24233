// Restriction facts carried in from license metadata (`licenses/<id>.yaml`): all of a license's facts when a
// file only names it, or only what its text incorporates by reference (a use policy) when the text is present.
import { getLicenseMeta, groupMembers, isGroupId } from '../corpus/licenses.js'
import type { Evidence, RestrictionFinding, RestrictionKind } from '../schema/index.js'
import type { RestrictionFact } from '../schema/license-meta.js'
import { SEVERITY } from './define-detector.js'

/** Rule ids of carried-in findings: the license's own facts, and facts of a policy it incorporates. */
export const LICENSE_FACT_RULE = 'license-terms'
export const POLICY_FACT_RULE = 'incorporated-policy'

const messages = {
  policyFallback: 'Use must follow {policy}, incorporated by reference',
}

export interface FromLicenseOptions {
  /**
   * The license text itself is in the file (`true`): its own clauses are found by `detectRestrictions`,
   * so only facts from documents it incorporates are added. `false` (default): the file only references
   * the license (a model card's `license:` field, a one-line notice), so every known fact is reported.
   */
  textPresent?: boolean
}

/**
 * Restriction findings from what licit knows about a license, with `evidence` pointing at the reference
 * (or the matched text) in the file at hand.
 *
 * @param licenseId - canonical id (`LicenseRef-llama-3.1-community`, `CC-BY-NC-4.0`), a bare manifest id, or a
 *   group id (`LicenseRef-gemma-terms-of-use`: facts shared by every member are reported).
 * @param evidence - where the file names or contains the license; copied onto every finding.
 * @param options - `textPresent` (default `false`), see {@link FromLicenseOptions}.
 * @returns findings with `source: 'licit'`, `licenseId` set, and `parameters.via: 'policy'` plus
 *   `parameters.policy` on facts that come from an incorporated policy. Unknown ids give `[]`.
 * @example
 * restrictionsFromLicense('LicenseRef-llama-2-community', ev, {textPresent: true})
 * // → [{kind: 'field-of-use', parameters: {via: 'policy', policy: 'llama-2-acceptable-use-policy'}, ...}]
 */
export function restrictionsFromLicense(
  licenseId: string,
  evidence: Evidence[],
  options: FromLicenseOptions = {},
): RestrictionFinding[] {
  let facts: Fact[]
  try {
    facts = collectFacts(licenseId, options.textPresent ?? false)
  } catch {
    // Missing or broken corpus data is reported by the corpus loader; here it only means "nothing known".
    return []
  }
  const out: RestrictionFinding[] = []
  const seen = new Set<string>()
  for (const f of facts) {
    const key = factKey(f)
    if (seen.has(key)) continue
    seen.add(key)
    const finding: RestrictionFinding = {
      ruleId: f.policy ? POLICY_FACT_RULE : LICENSE_FACT_RULE,
      source: 'licit',
      severity: SEVERITY[f.kind],
      reason: f.reason,
      kind: f.kind,
      licenseId,
      parameters: f.parameters,
      evidence,
    }
    if (evidence[0]) finding.position = evidence[0].position
    if (f.section) finding.note = `Section ${f.section}`
    out.push(finding)
  }
  return out
}

interface Fact {
  kind: RestrictionKind
  parameters: Record<string, unknown>
  reason: string
  section?: string
  /** Set when the fact comes from an incorporated policy. */
  policy?: string
}

function collectFacts(licenseId: string, textPresent: boolean): Fact[] {
  if (isGroupId(licenseId)) return sharedFacts(groupMembers(licenseId), textPresent)
  const meta = getLicenseMeta(licenseId)
  if (!meta) return []
  const facts: Fact[] = []
  if (!textPresent) {
    // The license's own facts. Those it already marks as coming from a policy keep their markers.
    for (const r of meta.restrictions) facts.push(fromFact(r, policyOf(r)))
  }
  for (const policyId of meta.incorporates) facts.push(...policyFacts(policyId))
  return facts
}

/** Facts of an incorporated policy, re-marked `via: 'policy'`; a generic field-of-use when nothing is known. */
function policyFacts(policyId: string): Fact[] {
  const policy = getLicenseMeta(policyId)
  const facts = (policy?.restrictions ?? []).map((r) => fromFact(r, policyId))
  if (!facts.some((f) => f.kind === 'field-of-use')) {
    const name = policy?.name ?? policyId
    facts.unshift({
      kind: 'field-of-use',
      parameters: { via: 'policy', policy: policyId },
      reason: messages.policyFallback.replace('{policy}', name),
    })
  }
  return facts
}

function fromFact(r: RestrictionFact, policy: string | undefined): Fact {
  const parameters = policy ? { ...r.parameters, via: 'policy', policy } : { ...r.parameters }
  return { kind: r.kind, parameters, reason: r.reason, section: r.section, policy }
}

function policyOf(r: RestrictionFact): string | undefined {
  return r.parameters.via === 'policy' && typeof r.parameters.policy === 'string' ? r.parameters.policy : undefined
}

/** For a family: the facts every member states (same kind and parameters), so nothing is claimed for a version that lacks it. */
function sharedFacts(members: string[], textPresent: boolean): Fact[] {
  const lists = members.map((m) => collectFacts(m, textPresent))
  if (!lists.length) return []
  return lists[0].filter((f) => lists.every((l) => l.some((g) => factKey(g) === factKey(f))))
}

/** Kind plus parameters with sorted keys, so `{via, policy}` and `{policy, via}` are one fact. */
function factKey(f: Fact): string {
  const sorted = Object.keys(f.parameters)
    .sort()
    .map((k) => [k, f.parameters[k]])
  return `${f.kind}|${JSON.stringify(sorted)}`
}
