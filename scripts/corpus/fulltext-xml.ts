// Build-time reader of SPDX license XML templates: renders a <text> (or header) into plain text plus marked spans.
//
// The SPDX template markup says which words a matching text may lack or replace: `<optional>` may be absent,
// `<alt>` is replaceable (names, "Software"/"Materials"), `<titleText>` and `<copyrightText>` may be omitted,
// and `<bullet>` numbering is ignored. We keep that knowledge as character spans over the rendered text so the
// feature extractor can tell required words from the rest. A tiny hand-written XML scanner is enough: the
// files are machine-checked and use no CDATA, DTDs or processing instructions beyond the prolog.

/** How a span of rendered text may differ in a matching text. */
export type SpanKind = 'optional' | 'alt' | 'title' | 'copyright'

export interface Span {
  kind: SpanKind
  /** [start, end) in the rendered text. */
  start: number
  end: number
}

export interface Rendered {
  text: string
  spans: Span[]
}

export interface XmlNode {
  name: string
  attrs: Record<string, string>
  children: Array<XmlNode | string>
}

export interface SpdxXmlEntry {
  id: string
  name: string
  kind: 'license' | 'exception'
  deprecated: boolean
  /** The license text rendered with its spans. */
  text: Rendered
  /** Every `<standardLicenseHeader>` with content, rendered. */
  headers: Rendered[]
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-z]{2,6});/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16))
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10))
    return ENTITIES[e] ?? m
  })
}

/** Parse an XML document into a node tree (elements and text only). */
export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#root', attrs: {}, children: [] }
  const stack: XmlNode[] = [root]
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|[^<]+/g
  let m: RegExpExecArray | null
  while ((m = re.exec(xml)) !== null) {
    const top = stack[stack.length - 1]
    if (m[2] === undefined) {
      if (!m[0].startsWith('<')) top.children.push(decodeEntities(m[0]))
      continue
    }
    if (m[1] === '/') {
      if (stack.length > 1) stack.pop()
      continue
    }
    const attrs: Record<string, string> = {}
    for (const a of m[3].matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]] = decodeEntities(a[2] ?? a[3])
    const node: XmlNode = { name: m[2], attrs, children: [] }
    top.children.push(node)
    if (m[4] !== '/') stack.push(node)
  }
  return root
}

/** Depth-first search for the first element called `name`. */
export function findElement(node: XmlNode, name: string): XmlNode | undefined {
  for (const c of node.children) {
    if (typeof c === 'string') continue
    if (c.name === name) return c
    const hit = findElement(c, name)
    if (hit) return hit
  }
  return undefined
}

function findAll(node: XmlNode, name: string, out: XmlNode[] = []): XmlNode[] {
  for (const c of node.children) {
    if (typeof c === 'string') continue
    if (c.name === name) out.push(c)
    else findAll(c, name, out)
  }
  return out
}

// Elements that start a new line (paragraphs, list items): the tokenizer strips numbering and comment markers
// only at line starts, so the rendered text has to break where the license does.
const BLOCK = new Set(['p', 'item', 'list', 'titleText', 'copyrightText', 'standardLicenseHeader', 'text'])
const SKIPPED = new Set(['bullet', 'crossRefs', 'notes', 'obsoletedBys'])
const KIND_OF: Record<string, SpanKind> = { optional: 'optional', alt: 'alt', titleText: 'title', copyrightText: 'copyright' }

/**
 * Render an element's content as text: paragraphs and items on their own lines, white space inside them
 * collapsed, bullets dropped, and one span per `<optional>`, `<alt>`, `<titleText>` and `<copyrightText>`.
 */
export function renderTemplate(node: XmlNode): Rendered {
  let text = ''
  const spans: Span[] = []
  const newline = () => {
    text = text.replace(/[ \t]+$/, '')
    if (text.length && !text.endsWith('\n')) text += '\n'
  }
  const walk = (n: XmlNode) => {
    for (const c of n.children) {
      if (typeof c === 'string') {
        const s = c.replace(/\s+/g, ' ')
        if (s === ' ' && (text.endsWith(' ') || text.endsWith('\n') || !text)) continue
        text += text.endsWith('\n') || text.endsWith(' ') || !text ? s.replace(/^ /, '') : s
        continue
      }
      if (SKIPPED.has(c.name)) {
        if (c.name === 'bullet' && text && !text.endsWith('\n') && !text.endsWith(' ')) text += ' '
        continue
      }
      if (c.name === 'br') {
        newline()
        continue
      }
      const block = BLOCK.has(c.name)
      if (block) newline()
      // "is<alt>Copyright…</alt>": an inline span is a word of its own unless marked spacing="none"
      const spaced = !block && (c.name === 'alt' || c.name === 'optional') && c.attrs.spacing !== 'none'
      if (spaced && text && !/\s$/.test(text)) text += ' '
      const start = text.length
      walk(c)
      const kind = KIND_OF[c.name]
      if (kind) spans.push({ kind, start, end: text.length })
      if (block) newline()
      if (spaced && text && !/\s$/.test(text)) text += ' '
    }
  }
  walk(node)
  return { text: text.replace(/[ \t]+$/gm, ''), spans }
}

/** Read one SPDX license or exception XML file. Returns undefined when it has no `<text>`. */
export function readSpdxXml(xml: string): SpdxXmlEntry | undefined {
  const root = parseXml(xml)
  const lic = findElement(root, 'license')
  const exc = lic ? undefined : findElement(root, 'exception')
  const entry = lic ?? exc
  if (!entry) return undefined
  const textNode = findElement(entry, 'text')
  if (!textNode) return undefined
  const headers = findAll(entry, 'standardLicenseHeader')
    .map(renderTemplate)
    .filter((r) => /\w/.test(r.text))
  return {
    id: entry.attrs.licenseId,
    name: entry.attrs.name ?? entry.attrs.licenseId,
    kind: lic ? 'license' : 'exception',
    deprecated: entry.attrs.isDeprecated === 'true' || entry.attrs.deprecatedVersion !== undefined,
    text: renderTemplate(textNode),
    headers,
  }
}
