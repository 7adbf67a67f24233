// SPDX license expressions: parse (through spdx-expression-parse), canonicalize ids and print back, never throwing.
import parse from 'spdx-expression-parse'
import { correctLicenseIdSpelling, lookupExceptionId, lookupLicenseId, resolveLicenseId } from './expression-ids.js'
import { identifyLicenseName } from './reference.js'

/**
 * Suggest the canonical id a loosely written license id or name most likely means: first from its spelling
 * (`apache2`, `GPLv3`, `mit license`), then as a license name (`GNU Lesser General Public License v2.1 or later`,
 * `Llama 3.1 Community License`). Deprecated ids resolve to their successors; nothing is guessed for names that
 * could mean several licenses ("BSD", "GPL" without a version).
 *
 * @param raw - a license id or name as someone wrote it.
 * @returns the canonical id, or `undefined` when there is no confident suggestion.
 * @example
 * correctLicenseId('apache2') // 'Apache-2.0'
 * correctLicenseId('GPLv3') // 'GPL-3.0-only'
 * correctLicenseId('mit license') // 'MIT'
 */
export function correctLicenseId(raw: string): string | undefined {
  return correctLicenseIdSpelling(raw) ?? identifyLicenseName(String(raw ?? ''))
}

/** The result of `parseLicenseExpression`: the canonical expression and its license ids, or why it is invalid. */
export type ParsedExpression =
  | { ok: true; expression: string; ids: string[] }
  | { ok: false; reason: string; suggestion?: string }

const messages = {
  empty: 'Empty license expression',
  tooLong: 'License expression is too long ({length} characters)',
  invalid: 'Invalid SPDX license expression "{input}": {detail}',
  unknownId: 'unknown license id "{id}"',
  malformed: 'incomplete or malformed expression',
} as const

const format = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''))

// The parser's own tree: a license leaf or a conjunction.
type Node = { license: string; plus?: boolean; exception?: string } | { left: Node; conjunction: 'and' | 'or'; right: Node }

// An id-string as SPDX defines it, optionally "DocumentRef-x:LicenseRef-y"; "+" and operators are separate.
const IDSTRING = /(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+|[A-Za-z0-9.-]+/gi
const MAX_LENGTH = 4000

/** Give every id its canonical letter case and the LicenseRef/DocumentRef prefixes theirs; report unknown ids. */
function canonicalCase(input: string): { text: string; unknown: string[] } {
  const unknown: string[] = []
  const text = input.replace(IDSTRING, (word) => {
    if (/^(?:and|or|with)$/i.test(word)) return word.toUpperCase()
    if (/^(?:documentref|licenseref)-/i.test(word)) {
      return word.replace(/^documentref-/i, 'DocumentRef-').replace(/(^|:)licenseref-/i, '$1LicenseRef-')
    }
    const id = lookupLicenseId(word) ?? lookupExceptionId(word)
    if (!id) unknown.push(word)
    return id ?? word
  })
  return { text, unknown }
}

interface Printed {
  text: string
  ids: string[]
}

/**
 * Print a parsed node with current ids. An OR inside an AND needs parentheses (AND binds tighter); an AND inside
 * an OR gets them too, only for the reader.
 */
function print(node: Node, parent: 'and' | 'or' | undefined, ids: string[]): string {
  if ('license' in node) {
    let license = node.license
    let exception = node.exception
    if (!/^(?:DocumentRef-|LicenseRef-)/.test(license)) {
      const resolved = resolveLicenseId(license, node.plus === true)
      license = resolved.license
      exception = exception ?? resolved.exception
    } else if (node.plus) {
      license += '+'
    }
    const bare = license.replace(/\+$/, '')
    if (!ids.includes(bare)) ids.push(bare)
    return exception ? `${license} WITH ${exception}` : license
  }
  const text = `${print(node.left, node.conjunction, ids)} ${node.conjunction.toUpperCase()} ${print(node.right, node.conjunction, ids)}`
  return parent && parent !== node.conjunction ? `(${text})` : text
}

function tryParse(text: string): Printed | Error {
  try {
    const ids: string[] = []
    return { text: print(parse(text) as Node, undefined, ids), ids }
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error))
  }
}

// Separators people use instead of operators: "MIT, Apache-2.0", "MIT/Apache-2.0", "GPL-2.0 | MIT".
const LOOSE_SEPARATOR = /\s+(and|or|with)\s+|\s*([,;/|&])\s*/i

/** Correct each piece of a loosely written expression; `undefined` unless every piece is recognized. */
function suggest(input: string): string | undefined {
  const whole = correctLicenseId(input)
  if (whole) return whole
  const parts = input.replace(/[()]/g, ' ').trim().split(LOOSE_SEPARATOR)
  const out: string[] = []
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]
    if (i % 3 === 0) {
      const piece = part.trim()
      const id = /^LicenseRef-/i.test(piece) ? piece : lookupExceptionId(piece) ?? correctLicenseId(piece)
      if (!id) return undefined
      out.push(id)
    } else if (part !== undefined) {
      const op = part.toLowerCase()
      out.push(op === 'or' || op === '/' || op === '|' ? 'OR' : op === 'with' ? 'WITH' : 'AND')
    }
  }
  if (out.length < 3) return undefined
  const printed = tryParse(canonicalCase(out.join(' ')).text)
  return printed instanceof Error ? undefined : printed.text
}

/**
 * Parse an SPDX license expression and return it in canonical form. Ids are matched in any letter case;
 * deprecated ids become their successors (`GPL-2.0` → `GPL-2.0-only`, `GPL-2.0+` → `GPL-2.0-or-later`,
 * `LGPL-2.1` → `LGPL-2.1-only`); `LicenseRef-*` and `DocumentRef-*` are kept; `NONE` and `NOASSERTION` are
 * accepted alone. Never throws: an invalid expression gives `{ok: false, reason}`, with a `suggestion` when a
 * loosely written one can be read (`Apache 2.0` → `Apache-2.0`).
 *
 * @param input - the expression as written.
 * @param options - `suggest` (default `true`): look for a suggestion when the expression is invalid.
 * @returns `{ok: true, expression, ids}` (ids in order, without `+`) or `{ok: false, reason, suggestion?}`.
 * @example
 * parseLicenseExpression('gpl-2.0+ or mit') // {ok: true, expression: 'GPL-2.0-or-later OR MIT', ids: ['GPL-2.0-or-later', 'MIT']}
 * parseLicenseExpression('Apache 2.0') // {ok: false, reason: '…', suggestion: 'Apache-2.0'}
 */
export function parseLicenseExpression(input: string, options: { suggest?: boolean } = {}): ParsedExpression {
  const text = String(input ?? '').replace(/\s+/g, ' ').trim()
  if (!text) return { ok: false, reason: messages.empty }
  if (text.length > MAX_LENGTH) return { ok: false, reason: format(messages.tooLong, { length: text.length }) }
  if (/^(?:NONE|NOASSERTION)$/i.test(text)) return { ok: true, expression: text.toUpperCase(), ids: [] }
  const { text: cased, unknown } = canonicalCase(text)
  const printed = tryParse(cased)
  if (!(printed instanceof Error)) return { ok: true, expression: printed.text, ids: printed.ids }
  const detail = unknown.length ? format(messages.unknownId, { id: unknown[0] }) : /^(?:Unexpected|Expected|Space before)/.test(printed.message)
    ? printed.message
    : messages.malformed
  const reason = format(messages.invalid, { input: text, detail })
  const suggestion = options.suggest === false ? undefined : suggest(text)
  return suggestion ? { ok: false, reason, suggestion } : { ok: false, reason }
}
