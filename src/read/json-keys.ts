// A small JSON scanner: validates like JSON.parse and keeps the source range of every value it returns.

/** A parsed JSON value with the `[start, end)` range of its source text. */
export type JsonNode =
  | { type: 'string'; value: string; start: number; end: number }
  | { type: 'number' | 'boolean' | 'null'; value: number | boolean | null; start: number; end: number }
  | { type: 'array'; items: JsonNode[]; start: number; end: number }
  | { type: 'object'; entries: { key: string; keyStart: number; keyEnd: number; value: JsonNode }[]; start: number; end: number }

export type JsonResult = { ok: true; node: JsonNode } | { ok: false; reason: string; offset: number }

/** Objects and arrays nested deeper than this are refused (a stack guard for hostile input). */
const MAX_DEPTH = 512

/**
 * Parse JSON keeping offsets. Iterative over strings and numbers, recursive only over nesting (bounded).
 * A BOM is skipped. Never throws.
 *
 * @example
 * const r = parseJsonWithRanges('{"license": "MIT"}')
 * r.ok && r.node.type === 'object' && r.node.entries[0].value // {type: 'string', value: 'MIT', start: 12, end: 17}
 */
export function parseJsonWithRanges(source: string): JsonResult {
  const p = new Parser(source)
  try {
    p.ws()
    const node = p.value(0)
    p.ws()
    if (p.i < source.length) p.fail('Unexpected content after the JSON value')
    return { ok: true, node }
  } catch (error) {
    if (error instanceof JsonError) return { ok: false, reason: error.message, offset: error.offset }
    return { ok: false, reason: String(error), offset: p.i }
  }
}

class JsonError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message)
  }
}

class Parser {
  i: number
  constructor(readonly s: string) {
    this.i = s.charCodeAt(0) === 0xfeff ? 1 : 0
  }

  fail(message: string, at = this.i): never {
    throw new JsonError(message, Math.min(at, this.s.length))
  }

  ws(): void {
    const s = this.s
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i)
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++
      else break
    }
  }

  value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) this.fail('JSON nested too deeply')
    const c = this.s[this.i]
    if (c === '{') return this.object(depth)
    if (c === '[') return this.array(depth)
    if (c === '"') return this.string()
    const start = this.i
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length
        return { type: value === null ? 'null' : 'boolean', value, start, end: this.i }
      }
    }
    const m = /-?(?:0|[1-9]\d{0,400})(?:\.\d{1,400})?(?:[eE][+-]?\d{1,400})?/y
    m.lastIndex = this.i
    const num = m.exec(this.s)
    if (num && num[0].length) {
      this.i += num[0].length
      return { type: 'number', value: Number(num[0]), start, end: this.i }
    }
    return this.fail(this.i >= this.s.length ? 'Unexpected end of JSON' : `Unexpected character ${JSON.stringify(c)}`)
  }

  string(): JsonNode & { type: 'string' } {
    const s = this.s
    const start = this.i
    let out = ''
    let run = ++this.i
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i)
      if (c === 34) {
        out += s.slice(run, this.i)
        this.i++
        return { type: 'string', value: out, start, end: this.i }
      }
      if (c < 32) this.fail('Control character in a string')
      if (c === 92) {
        out += s.slice(run, this.i)
        const e = s[this.i + 1]
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }
        if (e in simple) {
          out += simple[e]
          this.i += 2
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(this.i + 2, this.i + 6))) {
          out += String.fromCharCode(parseInt(s.slice(this.i + 2, this.i + 6), 16))
          this.i += 6
        } else this.fail('Bad escape in a string')
        run = this.i
        continue
      }
      this.i++
    }
    return this.fail('Unterminated string', start)
  }

  array(depth: number): JsonNode {
    const start = this.i++
    const items: JsonNode[] = []
    this.ws()
    if (this.s[this.i] === ']') return { type: 'array', items, start, end: ++this.i }
    for (;;) {
      this.ws()
      items.push(this.value(depth + 1))
      this.ws()
      const c = this.s[this.i]
      if (c === ',') this.i++
      else if (c === ']') return { type: 'array', items, start, end: ++this.i }
      else this.fail(c === undefined ? 'Unexpected end of JSON in an array' : "Expected ',' or ']' in an array")
    }
  }

  object(depth: number): JsonNode {
    const start = this.i++
    const entries: { key: string; keyStart: number; keyEnd: number; value: JsonNode }[] = []
    this.ws()
    if (this.s[this.i] === '}') return { type: 'object', entries, start, end: ++this.i }
    for (;;) {
      this.ws()
      if (this.s[this.i] !== '"') this.fail(this.i >= this.s.length ? 'Unexpected end of JSON in an object' : 'Expected a property name in double quotes')
      const key = this.string()
      this.ws()
      if (this.s[this.i] !== ':') this.fail("Expected ':' after a property name")
      this.i++
      this.ws()
      entries.push({ key: key.value, keyStart: key.start, keyEnd: key.end, value: this.value(depth + 1) })
      this.ws()
      const c = this.s[this.i]
      if (c === ',') this.i++
      else if (c === '}') return { type: 'object', entries, start, end: ++this.i }
      else this.fail(c === undefined ? 'Unexpected end of JSON in an object' : "Expected ',' or '}' in an object")
    }
  }
}
