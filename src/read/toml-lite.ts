// Just enough TOML for license fields: tables, `key = value`, strings, inline tables and string arrays, with offsets.

/** A TOML value we understand, with the `[start, end)` of its source. Other values come back as `other`. */
export type TomlValue =
  | { type: 'string'; value: string; start: number; end: number }
  | { type: 'array'; items: TomlValue[]; start: number; end: number }
  | { type: 'table'; entries: Map<string, TomlValue>; start: number; end: number }
  | { type: 'other'; start: number; end: number }

/** A `key = value` line inside a table (`table` is `''` for the root, `project`, `tool.poetry`, ...). */
export interface TomlEntry {
  table: string
  key: string
  keyStart: number
  value: TomlValue
}

export type TomlRead = { entries: TomlEntry[]; error?: { reason: string; offset: number } }

// A table header. Example matches: "[project]", "[tool.poetry]", "[[bin]]".
const HEADER = /^[ \t]{0,20}\[(\[)?[ \t]{0,20}([^\]\r\n]{1,200}?)[ \t]{0,20}\]\]?[ \t]{0,20}(?:#[^\r\n]{0,2000})?$/
// A key at line start. Example matches: "license = ", "license-file=", "\"license\" = ".
const KEY = /^[ \t]{0,20}([A-Za-z0-9_-]{1,100}|"[^"\r\n]{1,100}")[ \t]{0,20}=[ \t]{0,20}/

/**
 * Read the top-level `key = value` entries of every table, keeping offsets. Values that are not strings,
 * string arrays or inline tables of strings are skipped as `other`. The first syntax error is reported and
 * reading goes on at the next line; never throws. Linear in the input.
 *
 * @example
 * readToml('[package]\nlicense = "MIT"\n').entries[0] // {table: 'package', key: 'license', value: {type: 'string', value: 'MIT', ...}}
 */
export function readToml(source: string): TomlRead {
  const entries: TomlEntry[] = []
  let error: TomlRead['error']
  let table = ''
  let at = 0
  while (at < source.length) {
    let nl = source.indexOf('\n', at)
    if (nl < 0) nl = source.length
    const line = source.slice(at, nl).replace(/\r$/, '')
    const header = HEADER.exec(line)
    const key = header ? null : KEY.exec(line)
    if (header) table = header[2].replace(/[ \t"']/g, '')
    else if (key) {
      const v = new ValueParser(source, at + key[0].length)
      let value: TomlValue
      try {
        value = v.value(0)
      } catch (e) {
        // Report the first error and read on from the next line: the license key may still be fine.
        error ??= { reason: (e as Error).message, offset: v.i }
        at = nl + 1
        continue
      }
      entries.push({ table, key: key[1].replace(/"/g, ''), keyStart: at + line.indexOf(key[1]), value })
      // Continue after the value: a multi-line array or string spans several lines.
      const after = source.indexOf('\n', Math.max(v.i, at))
      at = after < 0 ? source.length : after + 1
      continue
    }
    at = nl + 1
  }
  return error ? { entries, error } : { entries }
}

class ValueParser {
  constructor(
    readonly s: string,
    public i: number,
  ) {}

  skip(newlines: boolean): void {
    while (this.i < this.s.length) {
      const c = this.s[this.i]
      if (c === ' ' || c === '\t' || (newlines && (c === '\n' || c === '\r'))) this.i++
      else if (newlines && c === '#') {
        const nl = this.s.indexOf('\n', this.i)
        this.i = nl < 0 ? this.s.length : nl
      } else break
    }
  }

  value(depth: number): TomlValue {
    if (depth > 32) throw new Error('TOML nested too deeply')
    const start = this.i
    const c = this.s[this.i]
    if (c === '"' || c === "'") return this.string()
    if (c === '[') {
      this.i++
      const items: TomlValue[] = []
      for (;;) {
        this.skip(true)
        if (this.s[this.i] === ']') {
          this.i++
          return { type: 'array', items, start, end: this.i }
        }
        if (this.i >= this.s.length) throw new Error('Unterminated array')
        items.push(this.value(depth + 1))
        this.skip(true)
        if (this.s[this.i] === ',') this.i++
        else if (this.s[this.i] !== ']') throw new Error("Expected ',' or ']' in an array")
      }
    }
    if (c === '{') {
      this.i++
      const entries = new Map<string, TomlValue>()
      for (;;) {
        this.skip(false)
        if (this.s[this.i] === '}') {
          this.i++
          return { type: 'table', entries, start, end: this.i }
        }
        const k = /[ \t]{0,20}([A-Za-z0-9_.-]{1,100}|"[^"\r\n]{1,100}")[ \t]{0,20}=[ \t]{0,20}/y
        k.lastIndex = this.i
        const m = k.exec(this.s)
        if (!m) throw new Error('Expected a key in an inline table')
        this.i += m[0].length
        entries.set(m[1].replace(/"/g, ''), this.value(depth + 1))
        this.skip(false)
        if (this.s[this.i] === ',') this.i++
        else if (this.s[this.i] !== '}') throw new Error("Expected ',' or '}' in an inline table")
      }
    }
    // Numbers, booleans, dates: skip to the next separator on the line.
    const m = /[^,\]}\r\n#]{1,200}/y
    m.lastIndex = this.i
    const other = m.exec(this.s)
    if (!other) throw new Error('Expected a value')
    this.i += other[0].trimEnd().length
    return { type: 'other', start, end: this.i }
  }

  string(): TomlValue {
    const s = this.s
    const start = this.i
    const q = s[this.i]
    const triple = s.startsWith(q.repeat(3), this.i)
    const close = triple ? q.repeat(3) : q
    this.i += close.length
    if (triple && s[this.i] === '\n') this.i++
    else if (triple && s.startsWith('\r\n', this.i)) this.i += 2
    let out = ''
    while (this.i < s.length) {
      if (s.startsWith(close, this.i)) {
        this.i += close.length
        return { type: 'string', value: out, start, end: this.i }
      }
      const c = s[this.i]
      if (!triple && (c === '\n' || c === '\r')) break
      if (c === '\\' && q === '"') {
        const e = s[this.i + 1]
        const simple: Record<string, string> = { '"': '"', '\\': '\\', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }
        if (e in simple) {
          out += simple[e]
          this.i += 2
        } else if ((e === 'u' || e === 'U') && /^[0-9a-fA-F]+$/.test(s.slice(this.i + 2, this.i + (e === 'u' ? 6 : 10)))) {
          const n = e === 'u' ? 4 : 8
          out += String.fromCodePoint(Math.min(0x10ffff, parseInt(s.slice(this.i + 2, this.i + 2 + n), 16)))
          this.i += 2 + n
        } else if (triple && (e === '\n' || e === '\r' || e === ' ' || e === '\t')) {
          // A line-ending backslash trims the break and the following whitespace.
          this.i++
          while (this.i < s.length && /[ \t\r\n]/.test(s[this.i])) this.i++
        } else throw new Error('Bad escape in a string')
        continue
      }
      out += c
      this.i++
    }
    throw new Error('Unterminated string')
  }
}
