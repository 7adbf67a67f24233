// Reads YAML front matter into top-level fields whose values keep their offsets into the original file.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml'
import type { Diagnostic } from '../schema/index.js'
import type { LineIndex } from '../text/index.js'
import type { FrontMatterRange } from './markdown.js'

/** A string value from the front matter: decoded `value`, and `[start, end)` of its source (quotes included). */
export interface YamlScalar {
  value: string
  start: number
  end: number
}

/** A top-level key and its string values (one for a scalar, several for a list of scalars). */
export interface YamlField {
  key: string
  keyStart: number
  keyEnd: number
  /** `[start, end)` of the whole value node. */
  start: number
  end: number
  scalars: YamlScalar[]
}

/** Above this size the YAML parser (~3 ms per KB of list-heavy YAML) is skipped for the linear line rescue. */
const MAX_YAML = 256 * 1024

const messages = {
  tooLarge: (n: number) => `The front matter is ${n} characters long; only its simple top-level keys were read`,
  invalid: (detail: string) => `The YAML front matter cannot be parsed: ${detail}`,
  notMap: 'the front matter is not a mapping of keys to values',
}

export interface FrontMatterData {
  /** Top-level fields by lower-cased key; the first occurrence of a repeated key wins. */
  fields: Map<string, YamlField>
  diagnostics: Diagnostic[]
}

/**
 * Parse the YAML between the fences. Broken YAML yields an `invalid-front-matter` warning (not fatal: the
 * body is still read) and a line-based rescue of simple `key: value` / `- item` lines.
 *
 * @param source - the whole file (offsets in the result are into it).
 * @param range - where the front matter is (from `outlineMarkdown`).
 * @param lines - line index over `source`, for diagnostic positions.
 */
export function readFrontMatter(source: string, range: FrontMatterRange, lines: LineIndex): FrontMatterData {
  const yamlText = source.slice(range.contentStart, range.contentEnd)
  const base = range.contentStart
  const fields = new Map<string, YamlField>()
  const diagnostics: Diagnostic[] = []
  let doc
  if (yamlText.length > MAX_YAML) {
    diagnostics.push({ ruleId: 'front-matter-too-large', source: 'licit', severity: 'info', reason: messages.tooLarge(yamlText.length), position: lines.toPosition(base, base) })
    for (const f of rescueFields(yamlText, base)) if (!fields.has(f.key.toLowerCase())) fields.set(f.key.toLowerCase(), f)
    return { fields, diagnostics }
  }
  try {
    doc = parseDocument(yamlText, { lineCounter: new LineCounter(), uniqueKeys: false, prettyErrors: false, strict: false })
  } catch (error) {
    diagnostics.push(invalid(lines, base, base + yamlText.length, String((error as Error)?.message ?? error)))
  }
  if (doc) {
    for (const e of doc.errors.slice(0, 5)) {
      const [s, t] = e.pos ?? [0, 0]
      diagnostics.push(invalid(lines, base + s, base + Math.max(s, t), e.message.split('\n')[0]))
    }
    if (isMap(doc.contents)) {
      for (const pair of doc.contents.items) {
        if (!isScalar(pair.key) || pair.key.value == null || !pair.key.range) continue
        const key = String(pair.key.value).toLowerCase()
        if (fields.has(key)) continue
        const value = pair.value as YamlNode | null
        const [ks, ke] = pair.key.range
        const vr = value?.range ?? [ke, ke, ke]
        fields.set(key, {
          key: String(pair.key.value),
          keyStart: base + ks,
          keyEnd: base + ke,
          start: base + vr[0],
          end: base + vr[1],
          scalars: scalarsOf(value, base),
        })
      }
    } else if (doc.contents && doc.errors.length === 0 && !isScalar(doc.contents)) {
      diagnostics.push(invalid(lines, base, base + yamlText.length, messages.notMap))
    }
  }
  if (diagnostics.length) {
    for (const f of rescueFields(yamlText, base)) if (!fields.has(f.key.toLowerCase())) fields.set(f.key.toLowerCase(), f)
  }
  return { fields, diagnostics }
}

function invalid(lines: LineIndex, start: number, end: number, detail: string): Diagnostic {
  return {
    ruleId: 'invalid-front-matter',
    source: 'licit',
    severity: 'warning',
    fatal: false,
    reason: messages.invalid(detail),
    position: lines.toPosition(start, end),
  }
}

function scalarsOf(node: YamlNode | null | undefined, base: number): YamlScalar[] {
  if (!node) return []
  if (isScalar(node)) {
    if (node.value == null || typeof node.value === 'object' || !node.range) return []
    return [{ value: String(node.value), start: base + node.range[0], end: base + node.range[1] }]
  }
  if (isSeq(node)) return node.items.flatMap((item) => (isScalar(item) ? scalarsOf(item as YamlNode, base) : []))
  return []
}

// Top-level `key: value` line of simple YAML. Example match: "license: apache-2.0".
const KEY_LINE = /^([A-Za-z_][\w.-]{0,80})[ \t]{0,20}:(?:[ \t]{1,20}([^\r\n]{0,2000}))?$/gm
// A list item line under a key. Example match: "  - meta-llama/Llama-3.1-8B".
const ITEM_LINE = /^[ \t]{0,20}-[ \t]{1,20}([^\r\n]{1,2000})$/

/** Best-effort reading of broken YAML: top-level keys with a plain value or a `- item` list below them. */
function rescueFields(text: string, base: number): YamlField[] {
  const out: YamlField[] = []
  KEY_LINE.lastIndex = 0
  for (let m = KEY_LINE.exec(text); m; m = KEY_LINE.exec(text)) {
    const keyStart = m.index
    const keyEnd = keyStart + m[1].length
    const field: YamlField = { key: m[1], keyStart: base + keyStart, keyEnd: base + keyEnd, start: base + keyEnd, end: base + keyEnd, scalars: [] }
    const raw = m[2]?.replace(/[ \t]+#[^\r\n]{0,2000}$/, '').trimEnd()
    if (raw) {
      const vStart = m.index + m[0].length - (m[2] ?? '').length
      field.scalars.push(scalarFromRaw(raw, base + vStart))
      field.start = base + vStart
      field.end = base + vStart + raw.length
    } else {
      let at = m.index + m[0].length + 1
      while (at < text.length) {
        const nl = text.indexOf('\n', at)
        const line = text.slice(at, nl < 0 ? text.length : nl).replace(/\r$/, '')
        const item = ITEM_LINE.exec(line)
        if (!item) break
        const itemStart = at + line.length - item[1].length
        field.scalars.push(scalarFromRaw(item[1].trimEnd(), base + itemStart))
        if (field.scalars.length === 1) field.start = base + at
        field.end = base + itemStart + item[1].trimEnd().length
        at = nl < 0 ? text.length : nl + 1
      }
    }
    out.push(field)
  }
  return out
}

function scalarFromRaw(raw: string, start: number): YamlScalar {
  const quoted = /^(["'])([^\r\n]*)\1$/.exec(raw)
  return { value: quoted ? quoted[2] : raw, start, end: start + raw.length }
}
