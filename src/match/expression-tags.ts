// Where SPDX expressions sit in a text as `SPDX-License-Identifier:` tags (spans only; reading them is spdx-id.ts).
// The tag key, case-insensitive, with optional blanks around the colon: "SPDX-License-Identifier: MIT".
const TAG = /SPDX-License-Identifier[ \t]{0,20}:[ \t]{0,200}/gi
// Where a value ends before the line does: comment terminators ("*/", "-->", "*)", "-}", "#}", "%>", '"""'),
// quotes of a string literal, and markup ("<br>"). SPDX ids never contain any of these characters.
const VALUE_END = /\*\/|-->|--%>|\*\)|-\}|#\}|%>|%\}|\]\]>|"""|'''|["'`<]/
const MAX_VALUE = 500

/** One tag: where it starts, and where its value starts and ends (source offsets). */
export interface SpdxTagSpan {
  start: number
  valueStart: number
  valueEnd: number
  value: string
}

/**
 * Find every `SPDX-License-Identifier:` tag in `source`, with the span of its value.
 *
 * @param source - any text.
 * @returns the tags in order.
 * @example
 * findSpdxTags('/* SPDX-License-Identifier: MIT *\/')[0].value // 'MIT'
 */
export function findSpdxTags(source: string): SpdxTagSpan[] {
  const tags: SpdxTagSpan[] = []
  TAG.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = TAG.exec(source)) !== null) {
    const valueStart = m.index + m[0].length
    let lineEnd = valueStart
    while (lineEnd < source.length && lineEnd - valueStart < MAX_VALUE) {
      const c = source.charCodeAt(lineEnd)
      if (c === 10 || c === 13) break
      lineEnd++
    }
    let raw = source.slice(valueStart, lineEnd)
    const cut = VALUE_END.exec(raw)
    if (cut) raw = raw.slice(0, cut.index)
    // trailing blanks, a sentence full stop or a statement terminator are not part of the expression
    const value = raw.replace(/[\s;,.\\]+$/, '')
    tags.push({ start: m.index, valueStart, valueEnd: valueStart + value.length, value })
  }
  return tags
}
