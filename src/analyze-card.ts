// Model cards: the declared license, base models, license sections and gated terms → the license governing the weights.
import { analyzeLicenseText, type TextAnalysis } from './analyze-text.js'
import { licenseName } from './corpus/licenses.js'
import { resolveHubLicense, resolveLicenseName, resolveLicenseUrl, type ResolvedValue } from './declared-license.js'
import { restrictionsFromLicense } from './detect/index.js'
import {
  bindsDerivatives,
  combineGoverning,
  findLineageStatements,
  lineageConfidence,
  resolveBaseModel,
  type Conflict,
  type GoverningInput,
} from './lineage.js'
import { alignDecoded, mappedLineIndex } from './read/align.js'
import type { YamlScalar } from './read/front-matter.js'
import { inSpans, PLACEHOLDER, readBaseModels, readModelCard, type ModelCard } from './read/model-card.js'
import { finishReport } from './report-utils.js'
import type { BaseModel, Declaration, Diagnostic, Evidence, FileReport, LicenseFinding, RestrictionFinding } from './schema/index.js'
import { createLineIndex, type LineIndex } from './text/index.js'

const messages = {
  placeholder: (raw: string) => `The license field holds a template placeholder (\`${raw}\`), not a license`,
  unknownDeclared: (raw: string, hint: string) => `The declared license \`${raw}\` is not a known license id${hint}`,
  unknownOther: (name: string) => `\`license: other\` names \`${name}\`, which is not a known license`,
  unresolved: (id: string) => `The base model \`${id}\` could not be resolved offline; its license is unknown`,
  inferred: (id: string, license: string, matched: string) =>
    `The license of base model \`${id}\` was inferred from \`${matched}\` (${license}), not from a known repository`,
  dropped: (declared: string, governing: string, from: string) =>
    `The card declares ${declared}, but the weights stay under ${governing} (${from})`,
  partial: (declared: string, governing: string, from: string) =>
    `The card declares ${declared}, but ${governing} (${from}) also applies`,
  note: (declared: string, where: string, governing: string, gwhere: string) =>
    `declared: ${declared} at ${where}; governing: ${governing} at ${gwhere}`,
}

/** Gated texts shorter than this are button labels and headings, not terms. */
const MIN_GATED_TEXT = 30
/** Real cards list a few licenses; past this count the rest is ignored (hostile input guard). */
const MAX_VALUES = 32

/**
 * Analyze a model card: what it declares, what it inherits through `base_model`, and which license governs
 * the weights. Pure: no disk, no network; base models resolve only through the shipped license metadata.
 *
 * @param source - the card (Markdown with optional YAML front matter).
 * @param path - echoed in the report (default none).
 * @returns a FileReport with `declared`, `baseModels`, and `expression` = the governing license.
 * @example
 * analyzeModelCard('---\nlicense: apache-2.0\nbase_model: meta-llama/Llama-3.1-8B\n---\n').expression
 * // 'LicenseRef-llama-3.1-community' (plus a declared-license-mismatch error)
 */
export function analyzeModelCard(source: string, path?: string): FileReport {
  const lines = createLineIndex(source)
  const card = readModelCard(source, lines)
  const diagnostics: Diagnostic[] = [...card.diagnostics]
  const licenses: LicenseFinding[] = []
  const ev = (s: { start: number; end: number }) => lines.evidence(s.start, s.end)

  const body = analyzeBody(source, card, lines)
  const inSection = (f: { evidence: Evidence[] }) => f.evidence.some((e) => inSpans(card.licenseSections, e.position.start.offset, e.position.end.offset))
  const fromFrontMatter = readDeclaration(card, lines, diagnostics)
  // Without a front-matter license, a license section or "**License:**" line of the card is its declaration.
  const declaration = fromFrontMatter ?? sectionDeclaration(body.licenses.filter(inSection))
  if (fromFrontMatter) {
    for (const d of fromFrontMatter.ids) licenses.push({ licenseId: d.licenseId, confidence: fromFrontMatter.confidence, matcher: 'declared', evidence: d.evidence })
  }

  const tagValues = card.tags.map((t) => t.value)
  const hasDeclared = (declaration?.ids.length ?? 0) > 0
  const baseModels: BaseModel[] = []
  const inherited: GoverningInput[] = []
  for (const { scalar, relation, ancestors } of readBaseModels(card, source)) {
    let res = resolveBaseModel(scalar.value, tagValues)
    // The Hub's base_model:<relation>:<id> tags may name resolvable ancestors of an unknown direct base.
    for (const a of ancestors) {
      if (res.licenseId) break
      const up = resolveBaseModel(a.value)
      if (up.licenseId) res = { ...up, source: 'tag', matched: a.value, confidence: Math.min(up.confidence, lineageConfidence('tag')) }
    }
    const evidence = [ev(scalar)]
    baseModels.push({ id: scalar.value.trim(), relation, licenseId: res.licenseId, evidence })
    if (!res.licenseId || !res.source) {
      diagnostics.push({ ruleId: 'unresolved-base-model', source: 'licit', severity: hasDeclared ? 'info' : 'warning', reason: messages.unresolved(scalar.value.trim()), position: evidence[0].position })
      continue
    }
    if (res.source !== 'repo') {
      diagnostics.push({ ruleId: 'inferred-base-model', source: 'licit', severity: 'info', reason: messages.inferred(scalar.value.trim(), res.licenseId, res.matched ?? ''), position: evidence[0].position })
    }
    licenses.push({ licenseId: res.licenseId, confidence: res.confidence, matcher: 'lineage', evidence })
    // A license that binds derivatives follows the weights; so does any license through a plain quantization,
    // and so does the base's license when the card declares nothing of its own.
    if (bindsDerivatives(res.licenseId) || relation === 'quantized' || !hasDeclared) {
      inherited.push({ licenseId: res.licenseId, evidence, from: `base_model ${scalar.value.trim()}` })
    }
  }

  for (const span of card.licenseSections) {
    for (const st of findLineageStatements(source.slice(span.start, span.end))) {
      const evidence = [lines.evidence(span.start + st.start, span.start + st.end)]
      licenses.push({ licenseId: st.licenseId, confidence: lineageConfidence('statement'), matcher: 'lineage', evidence })
      inherited.push({ licenseId: st.licenseId, evidence, from: 'a lineage statement in the license section', alongside: st.alongside })
    }
  }

  const gated = analyzeGated(card, lines)
  for (const g of gated) {
    licenses.push(...g.licenses)
    for (const f of g.licenses) if (f.confidence >= 0.8) inherited.push({ licenseId: f.licenseId, evidence: f.evidence, from: 'the gated access terms' })
  }

  licenses.push(...body.licenses)
  diagnostics.push(...body.diagnostics.filter((d) => d.ruleId !== 'low-confidence'))

  const governing = combineGoverning(
    declaration && declaration.ids.length ? { expression: declaration.expression, ids: declaration.ids } : undefined,
    inherited,
  )
  let expression = governing.expression
  let governingIds = governing.ids
  if (!expression) {
    // Nothing usable declared or inherited: the card's words decide. A declaration that did not resolve
    // (`license: other` with an unknown name) leaves only its license sections to say what it is.
    const mentions = fromFrontMatter ? body.licenses.filter(inSection) : body.licenses
    governingIds = mentions.map((f) => ({ licenseId: f.licenseId, evidence: f.evidence, from: 'the card text' }))
    const combined = combineGoverning(undefined, governingIds)
    governingIds = combined.ids
    expression = combined.expression ?? (declaration || baseModels.length ? 'NOASSERTION' : 'NONE')
  }
  for (const c of governing.conflicts) diagnostics.push(conflictDiagnostic(c, declaration, expression))

  const restrictions = governingRestrictions(
    governingIds,
    [...gated.flatMap((g) => g.restrictions), ...body.restrictions],
    (r) => inSection(r) || r.evidence.some((e) => inSpans(card.gated, e.position.start.offset, e.position.end.offset)),
  )

  return finishReport({
    path,
    kind: 'model-card',
    expression,
    declared: declaration ? { expression: declaration.expression, raw: declaration.raw, evidence: declaration.evidence } : undefined,
    baseModels: baseModels.length ? baseModels : undefined,
    licenses: dedupeFindings(licenses),
    restrictions,
    diagnostics,
  })
}

interface ReadDeclaration extends Declaration {
  raw: string
  ids: GoverningInput[]
  confidence: number
}

/** `license:` (each Hub id or list item), with `license_name` / `license_link` for `other`. */
function readDeclaration(card: ModelCard, lines: LineIndex, diagnostics: Diagnostic[]): ReadDeclaration | undefined {
  const values = card.license.filter((s) => s.value.trim() !== '').slice(0, MAX_VALUES)
  if (!values.length && !card.licenseName) return undefined
  const ev = (s: YamlScalar) => lines.evidence(s.start, s.end)
  const evidence: Evidence[] = []
  const ids: GoverningInput[] = []
  const parts: string[] = []
  const rawParts: string[] = []
  let confidence = 1
  const add = (r: ResolvedValue, evs: Evidence[]) => {
    if (r.how === 'name' || r.how === 'url') confidence = Math.min(confidence, 0.9)
    if (!r.ids.length) return
    parts.push(/\s(?:OR|AND)\s/.test(r.expression) ? `(${r.expression})` : r.expression)
    for (const id of r.ids) ids.push({ licenseId: id, evidence: evs, from: 'the declared license' })
  }
  const other = () => {
    const evs = [card.licenseName, card.licenseLink].filter((s): s is YamlScalar => !!s).map(ev)
    evidence.push(...evs)
    if (card.licenseName) rawParts.push(card.licenseName.value)
    let r: ResolvedValue | undefined = card.licenseName ? resolveLicenseName(card.licenseName.value) : undefined
    if ((!r || !r.ids.length) && card.licenseLink) r = resolveLicenseUrl(card.licenseLink.value) ?? r
    if (r && r.ids.length) return add(r, evs)
    const name = card.licenseName?.value ?? card.licenseLink?.value
    if (name) diagnostics.push({ ruleId: 'unknown-declared-license', source: 'licit', severity: 'info', reason: messages.unknownOther(name), position: evs[0]?.position })
  }
  for (const s of values) {
    const e = ev(s)
    evidence.push(e)
    rawParts.push(s.value)
    if (PLACEHOLDER.test(s.value.trim())) {
      diagnostics.push({ ruleId: 'placeholder-license', source: 'licit', severity: 'info', reason: messages.placeholder(s.value), position: e.position })
      continue
    }
    const r = resolveHubLicense(s.value)
    if (r.how === 'other') other()
    else if (r.ids.length) add(r, [e])
    else {
      const hint = r.suggestion ? `; did you mean \`${r.suggestion}\`?` : r.family ? ` (it names the ${r.family} family)` : ''
      diagnostics.push({ ruleId: 'unknown-declared-license', source: 'licit', severity: 'warning', reason: messages.unknownDeclared(s.value, hint), position: e.position })
    }
  }
  if (!values.length && card.licenseName) other()
  if (!rawParts.length || (!evidence.length && !ids.length)) return undefined
  if (values.length && values.every((s) => PLACEHOLDER.test(s.value.trim())) && !card.licenseName) return undefined
  return { expression: parts.length ? parts.join(' AND ') : 'NOASSERTION', raw: rawParts.join(' / '), evidence, ids, confidence }
}

/** License findings of the card's license sections as a declaration (lab cards without front matter). */
function sectionDeclaration(found: LicenseFinding[]): ReadDeclaration | undefined {
  if (!found.length) return undefined
  const ids = found.map((f) => ({ licenseId: f.licenseId, evidence: f.evidence, from: 'the license section' }))
  const combined = combineGoverning(undefined, ids)
  if (!combined.expression) return undefined
  const evidence = found.flatMap((f) => f.evidence)
  return {
    expression: combined.expression,
    raw: [...new Set(found.map((f) => f.evidence[0]?.text ?? f.licenseId))].join(' / '),
    evidence,
    ids: combined.ids,
    confidence: Math.min(...found.map((f) => f.confidence)),
  }
}

/** License findings in `extra_gated_*` texts: decoded from YAML, evidence mapped back into the card. */
function analyzeGated(card: ModelCard, lines: LineIndex): TextAnalysis[] {
  const out: TextAnalysis[] = []
  for (const s of card.gated) {
    if (s.value.length < MIN_GATED_TEXT) continue
    const raw = lines.source.slice(s.start, s.end)
    const map = alignDecoded(s.value, raw)
    out.push(fixEvidence(analyzeLicenseText(s.value, mappedLineIndex(s.value, map, s.start, lines)), lines))
  }
  return out
}

/** The Markdown body, analyzed as text with offsets shifted into the card. */
function analyzeBody(source: string, card: ModelCard, lines: LineIndex): TextAnalysis {
  const text = source.slice(card.body.start)
  if (!text.trim()) return { expression: 'NONE', licenses: [], restrictions: [], diagnostics: [] }
  return fixEvidence(analyzeLicenseText(text, mappedLineIndex(text, null, card.body.start, lines)), lines)
}

/** Evidence text must equal the original slice; re-slice in case a matcher quoted the decoded text. */
function fixEvidence(a: TextAnalysis, lines: LineIndex): TextAnalysis {
  const fix = (e: Evidence): Evidence => ({ position: e.position, text: lines.source.slice(e.position.start.offset, e.position.end.offset) })
  for (const l of a.licenses) l.evidence = l.evidence.map(fix)
  for (const r of a.restrictions) r.evidence = r.evidence.map(fix)
  return a
}

/**
 * Restrictions of the governing licenses (from their facts, evidence at the declaration or base model),
 * plus restrictions found in text that either belong to a governing license or sit in a license section or
 * gated terms. Text findings come first so that, for a repeated clause, the quoted one is kept.
 */
function governingRestrictions(ids: GoverningInput[], found: RestrictionFinding[], inTerms: (r: RestrictionFinding) => boolean): RestrictionFinding[] {
  const governing = new Set(ids.map((i) => i.licenseId.toLowerCase()))
  const list = found.filter((r) => (r.licenseId ? governing.has(r.licenseId.toLowerCase()) : inTerms(r)))
  for (const i of ids) list.push(...restrictionsFromLicense(i.licenseId, i.evidence.slice(0, 3), { textPresent: false }))
  const seen = new Set<string>()
  return list.filter((r) => {
    const key = `${r.kind}|${r.licenseId ?? ''}|${JSON.stringify(r.parameters)}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function conflictDiagnostic(c: Conflict, declaration: ReadDeclaration | undefined, expression: string): Diagnostic {
  const name = (id: string) => licenseName(id) ?? id
  const declaredEv = declaration?.evidence[0]
  const inhEv = c.inherited.evidence[0]
  const at = (e?: Evidence) => (e ? `${e.position.start.line}:${e.position.start.column}` : '?')
  return {
    ruleId: 'declared-license-mismatch',
    source: 'licit',
    severity: c.laundering ? 'error' : 'warning',
    reason: (c.outcome === 'dropped' ? messages.dropped : messages.partial)(name(c.declared), name(c.inherited.licenseId), c.inherited.from),
    position: declaredEv?.position ?? inhEv?.position,
    note: messages.note(c.declared, at(declaredEv), expression, at(inhEv)),
  }
}

/** One finding per (license, matcher, first evidence offset). */
function dedupeFindings(list: LicenseFinding[]): LicenseFinding[] {
  const seen = new Set<string>()
  return list.filter((f) => {
    const key = `${f.licenseId}|${f.matcher}|${f.evidence[0]?.position.start.offset ?? -1}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
