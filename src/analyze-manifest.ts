// Package manifests: package.json, pyproject.toml, Cargo.toml, DESCRIPTION, gemspec → the declared license.
import { analyzeLicenseText, analyzeText } from './analyze-text.js'
import { parseExpression, resolveLicenseName, resolveLicenseUrl, type ResolvedValue } from './declared-license.js'
import { restrictionsFromLicense } from './detect/index.js'
import { alignDecoded, mappedLineIndex } from './read/align.js'
import type { DeclaredValue, ManifestLicense } from './read/manifest.js'
import { manifestFormat, readDescription, readGemspec, readTomlManifest } from './read/manifests.js'
import { readPackageJson } from './read/package-json.js'
import { finishReport } from './report-utils.js'
import type { Diagnostic, Evidence, FileKind, FileReport, LicenseFinding, RestrictionFinding } from './schema/index.js'
import { createLineIndex, type LineIndex } from './text/index.js'

const messages = {
  invalid: (raw: string, reason: string) => `The declared license \`${raw}\` is not a valid SPDX expression (${reason})`,
  corrected: (raw: string, fixed: string) => `The declared license \`${raw}\` is not a valid SPDX expression; read as \`${fixed}\``,
  unknown: (raw: string) => `The declared license \`${raw}\` is not a known license`,
  seeFile: (file: string) => `The license is declared to be in the file \`${file}\`; analyze that file for its terms`,
  unlicensed: 'The package is declared UNLICENSED: no right to use it is granted (all rights reserved)',
  none: 'The manifest declares no license',
}

// Trove classifiers whose name alone does not resolve. Example: "License :: OSI Approved :: MIT License".
const CLASSIFIERS: Record<string, string> = {
  'mit license': 'MIT',
  'apache software license': 'Apache-2.0',
  'python software foundation license': 'PSF-2.0',
  'isc license (iscl)': 'ISC',
  'the unlicense (unlicense)': 'Unlicense',
  'zlib/libpng license': 'Zlib',
  'gnu general public license v2 (gplv2)': 'GPL-2.0-only',
  'gnu general public license v2 or later (gplv2+)': 'GPL-2.0-or-later',
  'gnu general public license v3 (gplv3)': 'GPL-3.0-only',
  'gnu general public license v3 or later (gplv3+)': 'GPL-3.0-or-later',
  'gnu lesser general public license v2 (lgplv2)': 'LGPL-2.0-only',
  'gnu lesser general public license v2 or later (lgplv2+)': 'LGPL-2.0-or-later',
  'gnu lesser general public license v3 (lgplv3)': 'LGPL-3.0-only',
  'gnu lesser general public license v3 or later (lgplv3+)': 'LGPL-3.0-or-later',
  'gnu affero general public license v3': 'AGPL-3.0-only',
  'gnu affero general public license v3 or later (agplv3+)': 'AGPL-3.0-or-later',
  'mozilla public license 2.0 (mpl 2.0)': 'MPL-2.0',
  'eclipse public license 2.0 (epl-2.0)': 'EPL-2.0',
  'boost software license 1.0 (bsl-1.0)': 'BSL-1.0',
  'cc0 1.0 universal (cc0 1.0) public domain dedication': 'CC0-1.0',
}

/**
 * Analyze a package manifest: its declared license (with evidence at the field), diagnostics for invalid,
 * misspelled or pointer values, and the restrictions the declared licenses carry.
 *
 * @param source - the manifest text.
 * @param path - its path; the file name picks the reader (package.json, pyproject.toml, Cargo.toml, ...).
 * @param kind - `package-json` or `manifest`.
 * @example
 * analyzeManifest('{"license": "MIT OR Apache-2.0"}', 'package.json', 'package-json').expression // 'MIT OR Apache-2.0'
 */
export function analyzeManifest(source: string, path: string | undefined, kind: FileKind): FileReport {
  const lines = createLineIndex(source)
  const format = kind === 'package-json' ? 'package-json' : manifestFormat(path)
  if (!format) return analyzeText(source, { path, kind })
  const read: ManifestLicense =
    format === 'package-json'
      ? readPackageJson(source, lines)
      : format === 'pyproject' || format === 'cargo'
        ? readTomlManifest(source, lines, format)
        : format === 'description'
          ? readDescription(source)
          : readGemspec(source)
  const diagnostics: Diagnostic[] = [...read.diagnostics]
  const licenses: LicenseFinding[] = []
  const restrictions: RestrictionFinding[] = []
  const values = read.values.length ? read.values : read.fallback
  const parts: string[] = []
  let unlicensed = false
  for (const v of values) {
    const evidence = [lines.evidence(v.start, v.end)]
    const at = evidence[0].position
    if (v.form === 'file') {
      diagnostics.push({ ruleId: 'license-in-file', source: 'licit', severity: 'info', reason: messages.seeFile(v.value), position: at })
      continue
    }
    if (v.form === 'unlicensed') {
      unlicensed = true
      diagnostics.push({ ruleId: 'unlicensed', source: 'licit', severity: 'warning', reason: messages.unlicensed, position: at })
      continue
    }
    if (v.form === 'text') {
      const map = alignDecoded(v.value, source.slice(v.start, v.end))
      const a = analyzeLicenseText(v.value, mappedLineIndex(v.value, map, v.start, lines))
      licenses.push(...a.licenses.map((l) => ({ ...l, evidence: l.evidence.map((e) => reslice(e, lines)) })))
      restrictions.push(...a.restrictions.map((r) => ({ ...r, evidence: r.evidence.map((e) => reslice(e, lines)) })))
      if (a.licenses.length) parts.push(wrap(a.expression))
      continue
    }
    const r = resolveValue(v)
    if (r.diagnostic) diagnostics.push({ ...r.diagnostic, position: at })
    if (!r.resolved.ids.length) continue
    parts.push(wrap(r.resolved.expression))
    const confidence = r.resolved.how === 'spdx' && !r.resolved.suggestion ? 1 : 0.9
    for (const id of r.resolved.ids) {
      licenses.push({ licenseId: id, expression: r.resolved.ids.length > 1 ? r.resolved.expression : undefined, confidence, matcher: 'declared', evidence })
      restrictions.push(...restrictionsFromLicense(id, evidence, { textPresent: false }))
    }
  }
  const distinct = [...new Set(parts)]
  const expression = distinct.length ? (distinct.length === 1 ? unwrap(distinct[0]) : distinct.join(` ${read.combine} `)) : unlicensed ? 'NONE' : values.length || read.fatal ? 'NOASSERTION' : 'NONE'
  if (!values.length && !read.fatal) diagnostics.push({ ruleId: 'no-declared-license', source: 'licit', severity: 'info', reason: messages.none })
  const declaredEvidence = values.map((v) => lines.evidence(v.start, v.end))
  return finishReport({
    path,
    kind,
    expression,
    declared: values.length ? { expression, raw: values.map((v) => v.value).join(read.combine === 'OR' ? ' | ' : ', '), evidence: declaredEvidence } : undefined,
    licenses,
    restrictions,
    diagnostics,
  })
}

/** Resolve one declared value; an invalid or misspelled expression is corrected when the fix is unambiguous. */
function resolveValue(v: DeclaredValue): { resolved: ResolvedValue; diagnostic?: Omit<Diagnostic, 'position'> } {
  const raw = v.normalized ?? v.value
  if (v.form === 'url') return { resolved: resolveLicenseUrl(raw) ?? { expression: 'NOASSERTION', ids: [], how: 'unknown' } }
  if (v.form === 'classifier') {
    const name = raw.split('::').pop()?.trim() ?? ''
    const known = CLASSIFIERS[name.toLowerCase()]
    return { resolved: known ? resolveLicenseName(known) : resolveLicenseName(name) }
  }
  if (v.form === 'expression') {
    const strict = parseExpression(raw)
    if (strict.ok) return { resolved: { expression: strict.expression, ids: strict.ids, how: 'spdx' } }
    const lenient = resolveLicenseName(raw)
    if (lenient.ids.length) {
      return { resolved: { ...lenient, suggestion: lenient.expression }, diagnostic: { ruleId: 'invalid-license-expression', source: 'licit', severity: 'warning', reason: messages.corrected(v.value, lenient.expression) } }
    }
    const hint = strict.suggestion ? `; did you mean \`${strict.suggestion}\`?` : ''
    return { resolved: lenient, diagnostic: { ruleId: 'invalid-license-expression', source: 'licit', severity: 'warning', reason: messages.invalid(v.value, strict.reason) + hint } }
  }
  const resolved = resolveLicenseName(raw)
  if (!resolved.ids.length) return { resolved, diagnostic: { ruleId: 'unknown-declared-license', source: 'licit', severity: 'warning', reason: messages.unknown(v.value) } }
  return { resolved }
}

const wrap = (e: string) => (/\s(?:OR|AND)\s/.test(e) ? `(${e})` : e)
const unwrap = (e: string) => (e.startsWith('(') && e.endsWith(')') ? e.slice(1, -1) : e)

function reslice(e: Evidence, lines: LineIndex): Evidence {
  return { position: e.position, text: lines.source.slice(e.position.start.offset, e.position.end.offset) }
}
