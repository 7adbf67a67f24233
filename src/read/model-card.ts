// Reads a model card into its license-relevant parts, every one with offsets into the original Markdown.
import type { Diagnostic } from '../schema/index.js'
import type { LineIndex } from '../text/index.js'
import { readFrontMatter, type YamlField, type YamlScalar } from './front-matter.js'
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
