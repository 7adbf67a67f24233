// License fields of pyproject.toml, Cargo.toml, R DESCRIPTION files and Ruby gemspecs, with source offsets.
import type { LineIndex } from '../text/index.js'
import { emptyManifest, type DeclaredValue, type ManifestLicense } from './manifest.js'
import { readToml, type TomlValue } from './toml-lite.js'

const messages = {
  invalidToml: (reason: string) => `The TOML cannot be fully parsed: ${reason}`,
}

/** Which manifest a file name denotes, or `undefined`. */
export function manifestFormat(path: string | undefined): 'pyproject' | 'cargo' | 'description' | 'gemspec' | undefined {
  const name = (path ?? '').split(/[\\/]/).pop()?.toLowerCase() ?? ''
  if (name === 'pyproject.toml') return 'pyproject'
  if (name === 'cargo.toml') return 'cargo'
  if (name === 'description') return 'description'
  if (name.endsWith('.gemspec')) return 'gemspec'
  return undefined
}

/**
 * Read `license` of pyproject.toml (`[project]`, `[tool.poetry]`: a PEP 639 expression, `{text}` or `{file}`,
 * with `License ::` classifiers as fallback) or Cargo.toml (`[package]`: `license`, `license-file`).
 *
 * @example
 * readTomlManifest('[package]\nlicense = "MIT OR Apache-2.0"\n', lines, 'cargo').values[0].value // 'MIT OR Apache-2.0'
 */
export function readTomlManifest(source: string, lines: LineIndex, flavor: 'pyproject' | 'cargo'): ManifestLicense {
  const out = emptyManifest()
  const read = readToml(source)
  if (read.error) {
    const o = read.error.offset
    out.diagnostics.push({ ruleId: 'invalid-toml', source: 'licit', severity: 'warning', reason: messages.invalidToml(read.error.reason), position: lines.toPosition(o, Math.min(source.length, o + 1)) })
  }
  const tables = flavor === 'cargo' ? ['package', 'workspace.package'] : ['project', 'tool.poetry', 'tool.flit.metadata']
  for (const e of read.entries) {
    if (!tables.includes(e.table)) continue
    if (e.key === 'license') pushLicense(out.values, e.value, flavor)
    else if (e.key === 'license-file' && e.value.type === 'string') out.values.push({ ...str(e.value), form: 'file' })
    else if (e.key === 'classifiers' && e.value.type === 'array') {
      for (const item of e.value.items) {
        if (item.type === 'string' && /^License[ \t]{0,5}::/.test(item.value)) out.fallback.push({ ...str(item), form: 'classifier' })
      }
    }
  }
  return out
}

function str(v: TomlValue & { type: 'string' }): Omit<DeclaredValue, 'form'> {
  return { value: v.value.trim(), start: v.start, end: v.end }
}

function pushLicense(values: DeclaredValue[], v: TomlValue, flavor: 'pyproject' | 'cargo'): void {
  if (v.type === 'string' && v.value.trim()) {
    // Cargo once allowed "MIT/Apache-2.0" for a choice.
    const value = v.value.trim()
    const normalized = flavor === 'cargo' && /^[\w.+-]{1,80}(?:\/[\w.+-]{1,80}){1,8}$/.test(value) ? value.split('/').join(' OR ') : undefined
    values.push({ ...str(v), form: 'expression', normalized })
  } else if (v.type === 'table') {
    const text = v.entries.get('text')
    const file = v.entries.get('file')
    if (text?.type === 'string' && text.value.trim()) {
      // `{text = "MIT"}` names a license; a long text is the license itself.
      const short = text.value.trim().length <= 100 && !/[\r\n]/.test(text.value.trim())
      values.push({ ...str(text), form: short ? 'name' : 'text', value: short ? text.value.trim() : text.value })
    } else if (file?.type === 'string' && file.value.trim()) values.push({ ...str(file), form: 'file' })
  }
}

// The License field of a DESCRIPTION file with its continuation lines. Example match: "License: GPL (>= 2)".
const DESCRIPTION_LICENSE = /^License:[ \t]{0,20}([^\r\n]{0,2000}(?:\r?\n[ \t]{1,40}[^\r\n]{0,2000}){0,20})/m
// An R license alternative with a version range. Example matches: "GPL (>= 2)", "LGPL (>= 2.1)", "GPL-2".
const R_VERSIONED = /^(A?GPL|LGPL)[ \t]{0,5}(?:\([ \t]{0,5}(>=|==)?[ \t]{0,5}(\d(?:\.\d)?)[ \t]{0,5}\)|-(\d(?:\.\d)?))$/
const R_FILE = /^file[ \t]{1,5}LICEN[CS]E$/i

/**
 * Read `License:` of an R DESCRIPTION file: `|` separates choices, `+ file LICENSE` adds a file (not a license).
 *
 * @example
 * readDescription('License: GPL (>= 2) | MIT + file LICENSE\n').values.map((v) => v.normalized ?? v.value) // ['GPL-2.0-or-later', 'MIT']
 */
export function readDescription(source: string): ManifestLicense {
  const out = emptyManifest()
  const m = DESCRIPTION_LICENSE.exec(source)
  if (!m) return out
  out.combine = 'OR'
  let at = m.index + m[0].length - m[1].length
  for (const part of m[1].split('|')) {
    const lead = part.length - part.trimStart().length
    let value = part.trim()
    const start = at + lead
    at += part.length + 1
    if (!value) continue
    if (R_FILE.test(value)) {
      out.values.push({ value: value.replace(/^file[ \t]{1,5}/i, ''), start, end: start + value.length, form: 'file' })
      continue
    }
    value = value.replace(/[ \t]{0,5}\+[ \t]{0,5}file[ \t]{1,5}LICEN[CS]E$/i, '')
    const r = R_VERSIONED.exec(value)
    let normalized: string | undefined
    if (r) {
      const version = (r[3] ?? r[4]).includes('.') ? (r[3] ?? r[4]) : `${r[3] ?? r[4]}.0`
      normalized = `${r[1]}-${version}-${r[2] === '>=' ? 'or-later' : 'only'}`
    } else if (/^(?:A?GPL|LGPL)$/.test(value)) normalized = `${value}-2.0-or-later`
    else if (/^BSD_[23]_clause$/i.test(value)) normalized = `BSD-${value[4]}-Clause`
    out.values.push({ value, start, end: start + value.length, form: 'name', normalized })
  }
  return out
}

// `spec.license = "MIT"` / `s.licenses = ['MIT', 'Apache-2.0']` / `%w[MIT Ruby]`.
const GEMSPEC_LICENSE = /\.licen[cs]es?[ \t]{0,10}=[ \t]{0,10}(\[[^\]]{0,2000}\]|%w[[(][^\])]{0,2000}[\])]|"[^"\r\n]{0,300}"|'[^'\r\n]{0,300}')/g
const QUOTED = /"([^"\r\n]{0,300})"|'([^'\r\n]{0,300})'/g

/**
 * Read `license` / `licenses` assignments of a Ruby gemspec (several licenses are a choice).
 *
 * @example
 * readGemspec("s.licenses = ['MIT', 'Ruby']").values.length // 2
 */
export function readGemspec(source: string): ManifestLicense {
  const out = emptyManifest()
  out.combine = 'OR'
  GEMSPEC_LICENSE.lastIndex = 0
  for (let m = GEMSPEC_LICENSE.exec(source); m; m = GEMSPEC_LICENSE.exec(source)) {
    const rhs = m[1]
    const base = m.index + m[0].length - rhs.length
    if (rhs.startsWith('%w')) {
      const inner = rhs.slice(3, -1)
      for (const w of inner.matchAll(/\S{1,100}/g)) out.values.push({ value: w[0], start: base + 3 + (w.index ?? 0), end: base + 3 + (w.index ?? 0) + w[0].length, form: 'name' })
      continue
    }
    QUOTED.lastIndex = 0
    for (let q = QUOTED.exec(rhs); q; q = QUOTED.exec(rhs)) {
      const value = (q[1] ?? q[2] ?? '').trim()
      if (value) out.values.push({ value, start: base + q.index, end: base + q.index + q[0].length, form: 'name' })
    }
  }
  return out
}
