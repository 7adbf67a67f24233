// Turns accepted regions into findings: an exception next to a license becomes `<license> WITH <exception>`,
// an acceptable-use policy next to the AI license that incorporates it joins that license's evidence.
import type { FullTextIndex } from '../corpus/fulltext.js'
import type { Candidate, LicenseFinding } from '../schema/index.js'
import type { LineIndex, Token } from '../text/index.js'
import type { RegionScore } from './dice.js'

/** An exception this many words or fewer away from a license applies to it. */
const EXCEPTION_DISTANCE = 80

export interface Accepted {
  score: RegionScore
  /** Close runner-ups, for `candidates`. */
  candidates: Candidate[]
  exact?: boolean
  /** Only the version family is certain: report the reference's group id, the member as a candidate. */
  family?: boolean
}

const round = (x: number) => Math.round(x * 1000) / 1000

/** Word range [first, last] of an accepted region. */
const wordsOf = (a: Accepted): [number, number] => [a.score.start, a.score.end + 1]

function distance(a: Accepted, b: Accepted): number {
  const [as, ae] = wordsOf(a)
  const [bs, be] = wordsOf(b)
  if (be < as) return as - be
  if (ae < bs) return bs - ae
  return 0
}

/** Build one finding per accepted region, composing exceptions and policies with their license. */
export function toFindings(index: FullTextIndex, accepted: Accepted[], tokens: readonly Token[], lines: LineIndex): LicenseFinding[] {
  const sorted = [...accepted].sort((a, b) => a.score.start - b.score.start)
  const kindOf = (a: Accepted) => index.refs[a.score.ref].kind
  const bases = sorted.filter((a) => kindOf(a) === 'license' || kindOf(a) === 'header')
  const attached = new Map<Accepted, Accepted[]>()
  const consumed = new Set<Accepted>()
  const nearestBase = (x: Accepted, pick: (b: Accepted) => boolean) => {
    let best: Accepted | undefined
    for (const b of bases) {
      if (!pick(b)) continue
      const d = distance(b, x)
      // ties go to the license before the exception: "GPL text, then its exception" is the common layout
      if (d <= EXCEPTION_DISTANCE && (!best || d < distance(best, x) || (d === distance(best, x) && b.score.start < x.score.start))) best = b
    }
    return best
  }
  for (const x of sorted) {
    const kind = kindOf(x)
    if (kind !== 'exception' && kind !== 'policy') continue
    const base =
      kind === 'exception'
        ? nearestBase(x, (b) => !attached.get(b)?.some((y) => kindOf(y) === 'exception'))
        : bases.find((b) => index.refs[b.score.ref].id.startsWith('LicenseRef-'))
    if (!base) continue
    attached.set(base, [...(attached.get(base) ?? []), x])
    consumed.add(x)
  }
  const evidenceOf = (a: Accepted) => {
    const [s, e] = wordsOf(a)
    return lines.evidence(tokens[s].start, tokens[e].end)
  }
  const findings: LicenseFinding[] = []
  for (const a of sorted) {
    if (consumed.has(a)) continue
    const member = index.refs[a.score.ref]
    const ref = a.family && member.group ? { ...member, id: member.group, also: [member.id, ...(member.also ?? [])] } : member
    const extra = attached.get(a) ?? []
    const exception = extra.find((x) => kindOf(x) === 'exception')
    const parts = [a, ...extra].sort((p, q) => p.score.start - q.score.start)
    const finding: LicenseFinding = {
      licenseId: ref.id,
      confidence: round(Math.min(...parts.map((p) => (p.exact ? 1 : p.score.effective)))),
      matcher: a.exact ? 'exact' : ref.kind === 'header' ? 'header' : 'dice',
      evidence: parts.map(evidenceOf),
    }
    if (exception) finding.expression = `${ref.id} WITH ${index.refs[exception.score.ref].id}`
    // ids whose text is this very text come first and all of them (GPL-2.0-or-later for a GPL-2.0 text), then
    // the closest other references
    const candidates: Candidate[] = (ref.also ?? []).map((id) => ({ licenseId: id, confidence: finding.confidence }))
    for (const c of a.candidates) {
      if (c.licenseId !== ref.id && !candidates.some((x) => x.licenseId === c.licenseId)) candidates.push(c)
    }
    if (candidates.length) finding.candidates = candidates.slice(0, (ref.also?.length ?? 0) + 3)
    findings.push(finding)
  }
  return findings
}

/** The finding for the closest reference when nothing matched confidently. */
export function toNearest(index: FullTextIndex, best: RegionScore, others: Candidate[], tokens: readonly Token[], lines: LineIndex): LicenseFinding {
  const ref = index.refs[best.ref]
  const finding: LicenseFinding = {
    licenseId: ref.id,
    confidence: round(Math.min(best.effective, 0.999)),
    matcher: ref.kind === 'header' ? 'header' : 'dice',
    evidence: [lines.evidence(tokens[best.start].start, tokens[best.end + 1].end)],
  }
  if (others.length) finding.candidates = others.slice(0, 4)
  return finding
}
