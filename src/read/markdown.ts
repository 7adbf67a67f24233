// Markdown outline of a model card: where the YAML front matter sits and the headings, as source offsets.

/** Offsets of a front-matter block: the fences and the YAML between them (`[contentStart, contentEnd)`). */
export interface FrontMatterRange {
  start: number
  end: number
  contentStart: number
  contentEnd: number
}

/** One heading: its depth (1–6), plain text, and the `[start, end)` offsets of the heading itself. */
export interface OutlineHeading {
  depth: number
  text: string
  start: number
  end: number
}

export interface MarkdownOutline {
  frontMatter?: FrontMatterRange
  /** An opening `---` fence that is never closed (offset of the fence), when there is one. */
  unclosedFence?: number
  /** Offset where the Markdown body starts (after the front matter, or 0). */
  bodyStart: number
  headings: OutlineHeading[]
}

// Leading blank lines before the fence are tolerated: some cards start with an empty line, and the Hub still
// reads their metadata. Example match: "\n---\n" → the fence at offset 1.
const LEADING_FENCE = /^\uFEFF?(?:[ \t]{0,40}\r?\n){0,20}(?=---[ \t]{0,40}\r?\n)/
// A closing fence: `---` or `...` alone on a line. Example match: "\n---\n".
const CLOSING_FENCE = /\r?\n(?:---|\.\.\.)[ \t]{0,40}(?=\r?\n|$)/g

/**
 * Locate the front matter and the headings of a Markdown text. Offsets are into `source`.
 *
 * A linear line scan, not a Markdown parser: only the fences and the headings are needed, and remark
 * (micromark) costs ~1 ms per KB on HTML- or YAML-heavy cards. The scan knows fenced code, ATX, setext and
 * one-line HTML headings; the front matter ends at the first `---` line (as with remark-frontmatter) or YAML's
 * `...` document end.
 *
 * @param source - the whole file.
 * @returns the outline; never throws.
 * @example
 * outlineMarkdown('---\nlicense: mit\n---\n# Card\n').headings[0].text // 'Card'
 */
export function outlineMarkdown(source: string): MarkdownOutline {
  const lead = LEADING_FENCE.exec(source)
  const outline: MarkdownOutline = { bodyStart: 0, headings: [] }
  if (lead) {
    const fenceAt = lead[0].length
    const frontMatter = findFrontMatter(source, fenceAt)
    if (frontMatter) {
      outline.frontMatter = frontMatter
      outline.bodyStart = frontMatter.end
    } else outline.unclosedFence = fenceAt
  }
  outline.headings = scanHeadings(source, outline.bodyStart)
  return outline
}

/**
 * The front matter opening at `fenceAt`: up to the first `---` (or `...`) line after it. This is where
 * remark-frontmatter ends it too; a line scan finds it without paying micromark's ~1 ms per KB.
 */
function findFrontMatter(source: string, fenceAt: number): FrontMatterRange | undefined {
  CLOSING_FENCE.lastIndex = source.indexOf('\n', fenceAt)
  const close = CLOSING_FENCE.exec(source)
  if (!close) return undefined
  return fenceContent(source, fenceAt, close.index + close[0].length)
}

/** `[start, end)` spans the fences; the YAML lies between the end of the first line and the last line. */
function fenceContent(source: string, start: number, end: number): FrontMatterRange {
  const firstNl = source.indexOf('\n', start)
  const contentStart = firstNl < 0 || firstNl >= end ? end : firstNl + 1
  let lastLine = source.lastIndexOf('\n', end - 1)
  if (lastLine < contentStart - 1) lastLine = contentStart - 1
  const contentEnd = Math.max(contentStart, lastLine + 1)
  return { start, end, contentStart, contentEnd }
}


// ATX heading line. Example match: "## License ##" → depth 2, text "License".
const ATX = /^ {0,3}(#{1,6})(?:[ \t]([^\r\n]*))?$/
// Code fence opening or closing. Example match: "```python".
const FENCE = /^ {0,3}(`{3,40}|~{3,40})/
// Setext underline. Example match: "-------".
const SETEXT = /^ {0,3}(=+|-+)[ \t]{0,40}$/
// HTML heading on one line. Example match: "<h2 align=center>License</h2>".
const HTML_HEADING = /^[ \t]{0,3}<h([1-6])(?:\s[^>]{0,200})?>([^<\r\n]{0,300})<\/h\1>/i

/** Headings of the Markdown from `from` on, skipping fenced code. Linear in the text length. */
function scanHeadings(source: string, from: number): OutlineHeading[] {
  const headings: OutlineHeading[] = []
  let fence: string | undefined
  let prev: { start: number; end: number; text: string } | undefined
  let at = from
  while (at < source.length) {
    let nl = source.indexOf('\n', at)
    if (nl < 0) nl = source.length
    const lineEnd = nl > at && source.charCodeAt(nl - 1) === 13 ? nl - 1 : nl
    const line = source.slice(at, Math.min(lineEnd, at + 2000))
    const f = FENCE.exec(line)
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = undefined
      prev = undefined
    } else if (f) {
      fence = f[1]
      prev = undefined
    } else {
      const atx = ATX.exec(line)
      const html = atx ? null : HTML_HEADING.exec(line)
      const setext = atx || html ? null : SETEXT.exec(line)
      if (atx) headings.push({ depth: atx[1].length, text: (atx[2] ?? '').replace(/(?:^|[ \t])#+[ \t]*$/, '').trim(), start: at, end: lineEnd })
      else if (html) headings.push({ depth: Number(html[1]), text: html[2].trim(), start: at, end: lineEnd })
      else if (setext && prev) headings.push({ depth: setext[1][0] === '=' ? 1 : 2, text: prev.text, start: prev.start, end: lineEnd })
      prev = atx || html || setext || !line.trim() || /^ {0,3}(?:[-*+>]|\d{1,9}[.)])\s/.test(line) ? undefined : { start: at, end: lineEnd, text: line.trim() }
    }
    at = nl + 1
  }
  return headings
}
