// A tolerant SPDX expression reader for audit decisions: the ids an expression names, AND-combining expressions,
// and whether a set of licenses satisfies it. Never throws: malformed input reads as the ids it mentions.

export type ExpressionNode =
  | { type: 'license'; id: string; exception?: string }
  | { type: 'and' | 'or'; left: ExpressionNode; right: ExpressionNode }

// Parentheses or a run of characters that are neither space nor parenthesis ("MIT", "GPL-2.0+", "AND").
const TOKEN = /[()]|[^\s()]+/g

/**
 * Parse an SPDX expression (AND binds tighter than OR, WITH tightest). Returns `undefined` for `NONE`,
 * `NOASSERTION` or an empty string. Unbalanced or dangling operators are tolerated.
 */
export function parseExpression(input: string): ExpressionNode | undefined {
  const tokens = input.match(TOKEN) ?? []
  let i = 0
  const peek = () => tokens[i]
  const isOp = (t: string | undefined, op: string) => t !== undefined && t.toUpperCase() === op

  const primary = (): ExpressionNode | undefined => {
    const t = tokens[i]
    if (t === undefined) return undefined
    if (t === '(') {
      i++
      const inner = or()
      if (peek() === ')') i++
      return inner
    }
    if (t === ')' || isOp(t, 'AND') || isOp(t, 'OR') || isOp(t, 'WITH')) {
      i++ // stray operator: skip it
      return primary()
    }
    i++
    if (t === 'NONE' || t === 'NOASSERTION') return undefined
    const node: ExpressionNode = { type: 'license', id: t }
    if (isOp(peek(), 'WITH') && tokens[i + 1] !== undefined && tokens[i + 1] !== '(' && tokens[i + 1] !== ')') {
      node.exception = tokens[i + 1]
      i += 2
    }
    return node
  }
  const binary = (op: 'and' | 'or', next: () => ExpressionNode | undefined) => (): ExpressionNode | undefined => {
    let left = next()
    while (isOp(peek(), op.toUpperCase())) {
      i++
      const right = next()
      if (!left) left = right
      else if (right) left = { type: op, left, right }
    }
    return left
  }
  const and = binary('and', primary)
  const or = binary('or', and)
  let result = or()
  // Anything left (an unmatched ')' followed by more) is AND-ed on, so no id is lost.
  while (i < tokens.length) {
    const before = i
    const more = or()
    if (i === before) i++
    if (more) result = result ? { type: 'and', left: result, right: more } : more
  }
  return result
}

/** The distinct license ids an expression names (exceptions not included), in order of appearance. */
export function expressionIds(input: string): string[] {
  const out: string[] = []
  const visit = (n: ExpressionNode | undefined) => {
    if (!n) return
    if (n.type === 'license') {
      if (!out.includes(n.id)) out.push(n.id)
    } else {
      visit(n.left)
      visit(n.right)
    }
  }
  visit(parseExpression(input))
  return out
}

/**
 * Whether a user holding only the licenses `accepts` approves can comply: an OR needs one side, an AND both.
 * `NONE` / `NOASSERTION` are never satisfied.
 */
export function isSatisfied(input: string, accepts: (id: string, exception?: string) => boolean): boolean {
  const node = parseExpression(input)
  const check = (n: ExpressionNode): boolean => {
    if (n.type === 'license') return accepts(n.id, n.exception)
    if (n.type === 'and') return check(n.left) && check(n.right)
    return check(n.left) || check(n.right)
  }
  return node ? check(node) : false
}

/**
 * AND together expressions, skipping any whose ids are all already covered, and parenthesizing OR terms.
 * Returns `NONE` when nothing is left, or `NOASSERTION` when only unnamed licenses were given.
 */
export function andExpressions(parts: string[], covers: (seen: string[], id: string) => boolean = (seen, id) => seen.includes(id)): string {
  const terms: string[] = []
  const seen: string[] = []
  let unnamed = false
  for (const part of parts) {
    const p = part.trim()
    if (p === 'NOASSERTION') unnamed = true
    const ids = expressionIds(p)
    if (!ids.length || ids.every((id) => covers(seen, id))) continue
    seen.push(...ids)
    terms.push(p)
  }
  if (!terms.length) return unnamed ? 'NOASSERTION' : 'NONE'
  // Flatten the top-level ANDs and drop repeated operands ("MIT AND MIT AND BSD-3-Clause" → "MIT AND BSD-3-Clause").
  const operands: ExpressionNode[] = []
  const texts: string[] = []
  const flatten = (n: ExpressionNode) => {
    if (n.type === 'and') {
      flatten(n.left)
      flatten(n.right)
      return
    }
    const text = formatExpression(n)
    if (texts.includes(text)) return
    texts.push(text)
    operands.push(n)
  }
  for (const t of terms) {
    const node = parseExpression(t)
    if (node) flatten(node)
  }
  return operands.length === 1 ? texts[0] : operands.map((n) => formatExpression(n, 'and')).join(' AND ')
}

/** Write a parsed expression back, with parentheses only where precedence needs them. */
export function formatExpression(node: ExpressionNode, parent?: 'and' | 'or'): string {
  if (node.type === 'license') return node.exception ? `${node.id} WITH ${node.exception}` : node.id
  const text = `${formatExpression(node.left, node.type)} ${node.type.toUpperCase()} ${formatExpression(node.right, node.type)}`
  return node.type === 'or' && parent === 'and' ? `(${text})` : text
}
