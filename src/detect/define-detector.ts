// The detector contract: a context shared by all detectors, `defineDetector`, and the finding builder.
import type { Evidence, RestrictionFinding, RestrictionKind, Severity } from '../schema/index.js'
import type { LineIndex } from '../text/index.js'
import type { Segment } from './segment.js'

/** Everything a detector may look at; built once per text by `detectRestrictions`. */
export interface DetectContext {
  /**
   * The text detectors match against: the source with same-length clean-ups (escaped line breaks in YAML or
   * JSON strings become spaces), so every offset is also an offset into the original. Evidence is always
   * sliced from the original through `lines`.
   */
  source: string
  lines: LineIndex
  segments: Segment[]
  /** The license the text was identified as, when exactly one was. */
  licenseId?: string
  /** Results shared between detectors (list scopes, per-clause flags), filled on first use. */
  cache: Map<string, unknown>
}

/** Compute `key` once per context: detectors share list scopes and per-clause flags this way. */
export function cached<T>(ctx: DetectContext, key: string, compute: () => T): T {
  if (ctx.cache.has(key)) return ctx.cache.get(key) as T
  const value = compute()
  ctx.cache.set(key, value)
  return value
}

/** What a detector reports before it becomes a finding: parameters, the clauses it rests on, message data. */
export interface Hit {
  parameters: Record<string, unknown>
  /** Clauses (or parts of them) the restriction rests on, `[start, end)` offsets into the source. */
  spans: [number, number][]
  /** Which template of the detector's `messages` to use. */
  messageId: string
  /** Values for `{placeholders}` in the template. */
  data?: Record<string, string | number>
}

/** One restriction detector (ESLint-rule style: an id, wording kept in `messages`, and a pure `detect`). */
export interface Detector {
  /** Stable kebab-case id, shown as `licit:<ruleId>`. */
  ruleId: string
  kind: RestrictionKind
  severity: Severity
  /** `messageId → template`; `{name}` is replaced from `Hit.data`. */
  messages: Record<string, string>
  detect(ctx: DetectContext): Hit[]
}

/**
 * Default severity per kind. `error`: the license withholds a right most users assume (commercial use,
 * use from a whole territory). `warning`: rights end or duties start under conditions users must check
 * (thresholds, banned purposes, output training, licensor powers). `info`: duties that are easy to meet
 * (a credit string, passing the terms downstream).
 */
export const SEVERITY: Record<RestrictionKind, Severity> = {
  'non-commercial': 'error',
  territorial: 'error',
  'field-of-use': 'warning',
  'user-count': 'warning',
  'revenue-threshold': 'warning',
  'output-training': 'warning',
  'licensor-control': 'warning',
  'naming-attribution': 'info',
  'flow-down': 'info',
}

/**
 * Declare a detector; `severity` defaults to the kind's entry in {@link SEVERITY}.
 * @example defineDetector({ruleId: 'user-threshold', kind: 'user-count', messages: {above: '…'}, detect: () => []})
 */
export function defineDetector(d: Omit<Detector, 'severity'> & { severity?: Severity }): Detector {
  return { ...d, severity: d.severity ?? SEVERITY[d.kind] }
}

/** Fill `{name}` placeholders; unknown names are left as written. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m))
}

/** Most evidence spans kept per finding: enough to show a list's lead-in and its key items. */
export const MAX_EVIDENCE = 6

/** Turn a detector's hit into a `RestrictionFinding` with evidence that slices the source exactly. */
export function toFinding(d: Detector, hit: Hit, ctx: DetectContext): RestrictionFinding {
  const seen = new Set<string>()
  const evidence: Evidence[] = []
  for (const [s, e] of hit.spans) {
    const key = `${s}:${e}`
    if (seen.has(key) || e <= s) continue
    seen.add(key)
    evidence.push(ctx.lines.evidence(s, e))
    if (evidence.length >= MAX_EVIDENCE) break
  }
  evidence.sort((a, b) => a.position.start.offset - b.position.start.offset)
  const finding: RestrictionFinding = {
    ruleId: d.ruleId,
    source: 'licit',
    severity: d.severity,
    reason: formatMessage(d.messages[hit.messageId] ?? hit.messageId, hit.data),
    kind: d.kind,
    parameters: hit.parameters,
    evidence,
  }
  if (evidence[0]) finding.position = evidence[0].position
  if (ctx.licenseId) finding.licenseId = ctx.licenseId
  return finding
}

/** A segment's span, for `Hit.spans`. */
export const spanOf = (s: Segment): [number, number] => [s.start, s.end]
