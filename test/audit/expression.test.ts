// The audit's tolerant expression reader.
import { describe, expect, it } from 'vitest'
import { andExpressions, expressionIds, formatExpression, isSatisfied, parseExpression } from '../../src/audit/expression.js'

describe('parseExpression', () => {
  it('gives AND precedence over OR and keeps WITH on its license', () => {
    const node = parseExpression('MIT OR Apache-2.0 AND GPL-2.0-only WITH Classpath-exception-2.0')
    expect(node && formatExpression(node)).toBe('MIT OR Apache-2.0 AND GPL-2.0-only WITH Classpath-exception-2.0')
    expect(node).toMatchObject({ type: 'or', left: { id: 'MIT' }, right: { type: 'and', right: { id: 'GPL-2.0-only', exception: 'Classpath-exception-2.0' } } })
  })

  it('reads NONE, NOASSERTION and empty input as nothing', () => {
    expect(parseExpression('NONE')).toBeUndefined()
    expect(parseExpression('NOASSERTION')).toBeUndefined()
    expect(parseExpression('   ')).toBeUndefined()
  })

  it('tolerates unbalanced parentheses and dangling operators without losing ids', () => {
    expect(expressionIds('(MIT OR ISC')).toEqual(['MIT', 'ISC'])
    expect(expressionIds('MIT AND')).toEqual(['MIT'])
    expect(expressionIds('OR MIT ) BSD-2-Clause')).toEqual(['MIT', 'BSD-2-Clause'])
  })
})

describe('isSatisfied', () => {
  const only = (...ids: string[]) => (id: string) => ids.includes(id)
  it('needs one side of an OR and both sides of an AND', () => {
    expect(isSatisfied('MIT OR GPL-3.0-only', only('MIT'))).toBe(true)
    expect(isSatisfied('MIT AND GPL-3.0-only', only('MIT'))).toBe(false)
    expect(isSatisfied('(MIT OR ISC) AND Apache-2.0', only('ISC', 'Apache-2.0'))).toBe(true)
  })
  it('never satisfies an unidentified license', () => {
    expect(isSatisfied('NOASSERTION', () => true)).toBe(false)
  })
})

describe('andExpressions', () => {
  it('skips parts already covered and parenthesizes choices', () => {
    expect(andExpressions(['MIT OR Apache-2.0', 'MIT', 'BSD-3-Clause'])).toBe('(MIT OR Apache-2.0) AND BSD-3-Clause')
    expect(andExpressions(['(ISC OR MIT)'])).toBe('ISC OR MIT')
  })
  it('drops repeated operands', () => {
    expect(andExpressions(['MIT AND MIT AND BSD-3-Clause', 'BSD-3-Clause AND Zlib'])).toBe('MIT AND BSD-3-Clause AND Zlib')
  })
  it('returns NONE or NOASSERTION when nothing is named', () => {
    expect(andExpressions([])).toBe('NONE')
    expect(andExpressions(['NONE'])).toBe('NONE')
    expect(andExpressions(['NONE', 'NOASSERTION'])).toBe('NOASSERTION')
  })
  it('uses the given notion of "covered"', () => {
    const loose = (seen: string[], id: string) => seen.some((s) => s.replace(/-only$/, '') === id.replace(/-only$/, ''))
    expect(andExpressions(['GPL-2.0', 'GPL-2.0-only'], loose)).toBe('GPL-2.0')
  })
})
