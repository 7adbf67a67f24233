// Reads a model card into its license-relevant parts, every one with offsets into the original Markdown.
import type { Diagnostic } from '../schema/index.js'
import type { LineIndex } from '../text/index.js'
import { readFrontMatter, type YamlField, type YamlScalar } from './front-matter.js'
import { findBaseStatements } from './base-statements.js'
import { outlineMarkdown, type FrontMatterRange } from './markdown.js'

/** A `[start, end)` span of the original text. */
export interface Span {
  start: number
  end: number
}

export interface ModelCard {
  frontMatter?: FrontMatterRange
  /** All top-level front-matter fields by lower-cased key. */
  fields: Map<string, YamlField>
  /** `license:` values (a scalar or a list); `licence:` when only that spelling is present. */
  license: YamlScalar[]
  /** The key the license came from (`license` or `licence`). */
  licenseKey?: YamlField
  licenseName?: YamlScalar
  licenseLink?: YamlScalar
  baseModels: YamlScalar[]
  relation?: YamlScalar
  tags: YamlScalar[]
  /** `extra_gated_*` string values (prompt, heading, description): terms users must accept to download. */
  gated: YamlScalar[]
  /** The Markdown after the front matter. */
  body: Span
  /** License sections ("## License", "## Licensing", "Terms of use") and "**License:** …" lines of the body. */
  licenseSections: Span[]
  diagnostics: Diagnostic[]
}

// A heading that opens a license section. Example matches: "License", "Licensing", "Terms of Use", "License & Terms".
const LICENSE_HEADING = /\blicen[cs](?:e|es|ing)\b|\bterms (?:of use|and conditions)\b|\busage terms\b/i
// A labelled license line. Example matches: "**License:** apache-2.0", "- **License**: Apache2.0", "License: MIT".
const LICENSE_LABEL =
  /^[ \t]{0,3}(?:[-*+][ \t]{1,4})?(?:\*\*|__)?[ \t]{0,2}(?:model[ \t]{1,3})?(?:licen[cs]e|terms of use)[^\r\n:*_]{0,40}(?:\*\*|__)?[ \t]{0,2}:[^\r\n]{0,1000}$/gim

/**
 * Read a model card: front matter fields (with source offsets), the body span, and where the body talks
 * about licensing. Never throws; broken YAML becomes an `invalid-front-matter` diagnostic.
 *
 * @param source - the whole card.
 * @param lines - a line index over `source`.
 * @example
 * readModelCard('---\nlicense: mit\n---\n# Card\n', createLineIndex(src)).license[0].value // 'mit'
 */
export function readModelCard(source: string, lines: LineIndex): ModelCard {
  const outline = outlineMarkdown(source)
  const diagnostics: Diagnostic[] = []
  let fields = new Map<string, YamlField>()
  if (outline.frontMatter) {
    const fm = readFrontMatter(source, outline.frontMatter, lines)
    fields = fm.fields
    diagnostics.push(...fm.diagnostics)
  } else if (outline.unclosedFence !== undefined) {
    const at = outline.unclosedFence
    diagnostics.push({
      ruleId: 'invalid-front-matter',
      source: 'licit',
      severity: 'warning',
      fatal: false,
      reason: 'The front matter opens with `---` but is never closed; it was read as Markdown',
      position: lines.toPosition(at, at + 3),
    })
  }
  const licenseKey = fields.get('license') ?? fields.get('licence')
  const one = (key: string) => fields.get(key)?.scalars[0]
  const body: Span = { start: outline.bodyStart, end: source.length }

  const sections: Span[] = []
  const { headings } = outline
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]
    if (!LICENSE_HEADING.test(h.text)) continue
    let end = source.length
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j].depth <= h.depth) {
        end = headings[j].start
        break
      }
    }
    sections.push({ start: h.start, end })
  }
  LICENSE_LABEL.lastIndex = body.start
  for (let m = LICENSE_LABEL.exec(source); m; m = LICENSE_LABEL.exec(source)) {
    sections.push({ start: m.index, end: m.index + m[0].length })
  }
  sections.sort((a, b) => a.start - b.start)

  return {
    frontMatter: outline.frontMatter,
    fields,
    license: licenseKey?.scalars ?? [],
    licenseKey,
    licenseName: one('license_name'),
    licenseLink: one('license_link'),
    baseModels: fields.get('base_model')?.scalars ?? [],
    relation: one('base_model_relation'),
    tags: fields.get('tags')?.scalars ?? [],
    gated: [...fields.entries()]
      .filter(([k]) => k.startsWith('extra_gated_') && k !== 'extra_gated_fields' && k !== 'extra_gated_button_content')
      .flatMap(([, f]) => f.scalars),
    body,
    licenseSections: sections,
    diagnostics,
  }
}

/** Whether `[start, end)` lies inside one of the spans. */
export function inSpans(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((s) => start >= s.start && end <= s.end)
}

/** A base model named by the card, the relation to it, and ancestors named by Hub tags. */
export interface BaseEntry {
  scalar: YamlScalar
  relation?: string
  /** Other `base_model:<relation>:<id>` tag ids: the chain above the direct base, when the Hub listed it. */
  ancestors: YamlScalar[]
}

/** Template values that stand for "not filled in". Example matches: "license", "[More Information Needed]". */
export const PLACEHOLDER = /^(?:licen[cs]e|\[?more information needed\]?|tbd|todo|none|null|n\/a|-|\{\{.{0,40}\}\})$/i
const RELATIONS = new Set(['adapter', 'merge', 'quantized', 'finetune'])
/** Real cards name a few bases; past this count the rest is ignored (hostile input guard). */
const MAX_BASES = 32
/** A quantizer's "quantized version of org/model" sits near the top of the card; only this much is searched. */
const STATEMENT_WINDOW = 8000

/**
 * The card's base models with their relation: explicit, from Hub `base_model:<relation>:<id>` tags, or inferred.
 * Without `base_model`, the Hub's tags, then a body statement ("quantized version of org/model") name it.
 */
export function readBaseModels(card: ModelCard, source: string): BaseEntry[] {
  const tagged = new Map<string, { relation?: string; scalar: YamlScalar }>()
  for (const t of card.tags) {
    const m = /^base_model:(?:(adapter|merge|quantized|finetune):)?([^\s:]{1,200})$/.exec(t.value.trim())
    if (m && !tagged.has(m[2].toLowerCase())) tagged.set(m[2].toLowerCase(), { relation: m[1], scalar: { ...t, value: m[2] } })
  }
  const direct = card.baseModels.filter((s) => s.value.trim() && !PLACEHOLDER.test(s.value.trim()))
  let scalars = direct.length ? direct : [...tagged.values()].map((t) => t.scalar)
  const statedRelation = new Map<string, string>()
  if (!scalars.length) {
    const text = source.slice(card.body.start, card.body.start + STATEMENT_WINDOW)
    scalars = findBaseStatements(text).map((st) => {
      statedRelation.set(st.id.toLowerCase(), st.relation)
      return { value: st.id, start: card.body.start + st.start, end: card.body.start + st.end }
    })
  }
  const explicit = card.relation?.value.trim().toLowerCase()
  const tags = new Set(card.tags.map((t) => t.value.trim().toLowerCase()))
  const lib = card.fields.get('library_name')?.scalars[0]?.value.toLowerCase()
  const guess =
    scalars.length > 1 || tags.has('merge') || tags.has('mergekit')
      ? 'merge'
      : lib === 'peft' || tags.has('lora') || tags.has('peft')
        ? 'adapter'
        : card.fields.has('quantized_by') || ['gguf', 'gptq', 'awq', 'exl2', 'mlx', 'quantized'].some((q) => tags.has(q))
          ? 'quantized'
          : 'finetune'
  return scalars.slice(0, MAX_BASES).map((scalar) => {
    const id = scalar.value.trim()
    const key = id.toLowerCase()
    const relation = explicit && RELATIONS.has(explicit) ? explicit : tagged.get(key)?.relation ?? statedRelation.get(key) ?? guess
    const ancestors = [...tagged.entries()].filter(([k]) => k !== key).map(([, t]) => t.scalar)
    return { scalar: { ...scalar, value: id }, relation, ancestors }
  })
}

