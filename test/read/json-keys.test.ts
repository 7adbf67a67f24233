// parseJsonWithRanges: JSON.parse's verdicts, plus the source range of every value.
import { describe, expect, it } from 'vitest'
import { parseJsonWithRanges } from '../../src/read/json-keys.js'

describe('parseJsonWithRanges', () => {
  it('agrees with JSON.parse on valid and invalid inputs', () => {
    const inputs = ['{}', '[]', '{"a": [1, -2.5e3, true, null, "x\\n\\u0041"]}', ' "s" ', '{"a":1,}', '[1 2]', '{"a" 1}', '01', '"\u0001"', '{"a":"b"} x', '', 'tru', '[', '{"a":"\\x"}']
    for (const input of inputs) {
      let expected: unknown
      let valid = true
      try {
        expected = JSON.parse(input)
      } catch {
        valid = false
      }
      const r = parseJsonWithRanges(input)
      expect(r.ok, input).toBe(valid)
      if (r.ok && valid) expect(toPlain(r.node)).toEqual(expected)
    }
  })

  it('gives each value its source range', () => {
    const src = '{ "license" : "MIT", "n": [1, {"k": "v"}] }'
    const r = parseJsonWithRanges(src)
    if (!r.ok || r.node.type !== 'object') throw new Error('expected an object')
    const lic = r.node.entries[0]
    expect(src.slice(lic.keyStart, lic.keyEnd)).toBe('"license"')
    expect(src.slice(lic.value.start, lic.value.end)).toBe('"MIT"')
    expect(src.slice(r.node.entries[1].value.start, r.node.entries[1].value.end)).toBe('[1, {"k": "v"}]')
  })

  it('reports where parsing failed', () => {
    const r = parseJsonWithRanges('{\n  "a": 1,\n}')
    expect(r).toMatchObject({ ok: false, offset: 12 })
  })

  it('refuses deep nesting without overflowing the stack', () => {
    const r = parseJsonWithRanges('['.repeat(100_000))
    expect(r.ok).toBe(false)
  })
})

function toPlain(node: ReturnType<typeof parseJsonWithRanges> extends infer R ? (R extends { ok: true; node: infer N } ? N : never) : never): unknown {
  if (node.type === 'array') return node.items.map(toPlain)
  if (node.type === 'object') return Object.fromEntries(node.entries.map((e) => [e.key, toPlain(e.value)]))
  return node.value
}
