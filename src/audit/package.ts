// One package's files → its PackageReport: declared license, governing expression, restrictions, mismatches.
import type { AuditDiagnostic, Declaration, FileReport, Mismatch, PackageReport, PackageRestriction, PackageType } from '../schema/index.js'
import { createLineIndex } from '../text/position.js'
import { andExpressions, expressionIds } from './expression.js'
import { isLicenseTextName } from './files.js'
import { sameLicense } from './licenses.js'
import { mismatchMessages as m } from './messages.js'

/** What the audit collects about a package while walking; turned into a PackageReport at the end. */
export interface PackageState {
  dir: string
  type: PackageType
  name: string
  version?: string
  /** An npm package installed in a node_modules folder (its sub-folders are its own files, not packages). */
  installed?: boolean
  /** Lower-case ids a card's `base_model` may use for this package (`org/name`, `name`, the card's model name). */
  keys: Set<string>
  files: FileReport[]
  diagnostics: AuditDiagnostic[]
  /** Declaration read directly from package.json, used when the manifest reader gives none. */
  manifestDeclared?: Declaration & { path: string }
}

/** A folder name for display: Hugging Face mirrors write `org/name` as `org__name`. */
export function displayName(folder: string): string {
  return folder.includes('__') ? folder.replace('__', '/') : folder
}

/** The package.json fields the audit needs, read without throwing. */
export interface ManifestFields {
  name?: string
  version?: string
  declared?: Declaration
  error?: string
}

/**
 * Read `name`, `version` and the declared license (`license`, or the legacy `licenses: [{type}]` array, which
 * meant a choice) from package.json text. The declaration is a fallback for when the manifest reader gives none:
 * it keeps a valid-looking SPDX string as written and calls anything else (`SEE LICENSE IN …`) NOASSERTION.
 */
export function readManifestFields(text: string): ManifestFields {
  let json: unknown
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { error: 'not an object' }
  const o = json as Record<string, unknown>
  const out: ManifestFields = {}
  if (typeof o.name === 'string') out.name = o.name
  if (typeof o.version === 'string') out.version = o.version
  let raw: string | undefined
  if (typeof o.license === 'string') raw = o.license
  else if (o.license && typeof o.license === 'object' && typeof (o.license as { type?: unknown }).type === 'string') raw = (o.license as { type: string }).type
  else if (Array.isArray(o.licenses)) {
    const types = o.licenses.map((l) => (typeof l === 'string' ? l : l && typeof l === 'object' ? (l as { type?: unknown }).type : undefined)).filter((t): t is string => typeof t === 'string')
    if (types.length) raw = types.join(' OR ')
  }
  if (raw !== undefined) {
    const trimmed = raw.trim().replace(/^\((.*)\)$/, '$1')
    // An SPDX expression uses only these characters; "SEE LICENSE IN LICENSE.txt" or "UNLICENSED" do not name one.
    const looksSpdx = /^[A-Za-z0-9][A-Za-z0-9.+:()\- ]{0,300}$/.test(trimmed) && !/^(UNLICENSED|SEE\s)/i.test(trimmed)
    const at = text.indexOf(JSON.stringify(raw).slice(1, -1))
    const evidence = at >= 0 ? [createLineIndex(text).evidence(at, at + JSON.stringify(raw).length - 2)] : []
    out.declared = { expression: looksSpdx ? trimmed : 'NOASSERTION', raw, evidence }
  } else out.declared = { expression: 'NONE', evidence: [] }
  return out
}

const dirOf = (path: string) => {
  const i = path.lastIndexOf('/')
  return i < 0 ? '.' : path.slice(0, i)
}

// "LICENSE-CODE", "CODE_LICENSE.txt", "LICENSE_code.md".
const CODE_LICENSE = /code/i

function inReuseFolder(pkg: PackageState, path: string): boolean {
  return dirOf(path) === (pkg.dir === '.' ? 'LICENSES' : `${pkg.dir}/LICENSES`)
}

/** Whether a file speaks for the whole package: at its top level, or in a REUSE-style `LICENSES/` folder. */
function isPackageLevel(pkg: PackageState, path: string): boolean {
  const d = dirOf(path)
  return d === pkg.dir || d === (pkg.dir === '.' ? 'LICENSES' : `${pkg.dir}/LICENSES`)
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1)
const named = (e: string) => e !== 'NONE' && e !== 'NOASSERTION'
const covers = (seen: string[], id: string) => seen.some((s) => sameLicense(s, id))

/** The package's declaration: the manifest reader's, else the card reader's, else package.json read directly. */
function declarationOf(pkg: PackageState): (Declaration & { path: string }) | undefined {
  const manifest = pkg.files.find((f) => f.kind === 'package-json' && f.declared && isPackageLevel(pkg, f.path ?? ''))
  if (manifest?.declared) return { ...manifest.declared, path: manifest.path ?? 'package.json' }
  const card = pkg.files.find((f) => f.kind === 'model-card' && f.declared && isPackageLevel(pkg, f.path ?? ''))
  if (card?.declared) return { ...card.declared, path: card.path ?? 'README.md' }
  return pkg.manifestDeclared
}

/**
 * Compare what the package declares with each top-level license text. A text naming none of the declared
 * licenses contradicts the declaration (error); one naming more than declared makes it incomplete (warning);
 * a text with nothing declared at all is noted (info). With `partial` (each text is one of several, as in a REUSE
 * `LICENSES/` folder) a text never contradicts, it can only add. Low-confidence text matches whose candidates include a
 * declared license count as agreeing.
 */
export function findMismatches(declared: (Declaration & { path: string }) | undefined, texts: FileReport[], options: { partial?: boolean } = {}): Mismatch[] {
  const out: Mismatch[] = []
  if (!declared) return out
  const declaredIds = expressionIds(declared.expression)
  const declaredIn = baseName(declared.path)
  for (const file of texts) {
    const found = expressionIds(file.expression)
    if (!found.length) continue
    const position = file.licenses[0]?.evidence[0]?.position
    const where = { source: 'licit', path: file.path, position, found: file.expression }
    if (!declaredIds.length) {
      if (declared.expression === 'NONE') out.push({ ...where, ruleId: 'license-undeclared', severity: 'info', declared: 'NONE', reason: m.undeclared(declaredIn, file.path ?? '', file.expression) })
      continue
    }
    const agrees = (id: string) =>
      declaredIds.some((d) => sameLicense(d, id)) ||
      file.licenses.some((l) => l.licenseId === id && (l.candidates ?? []).some((c) => declaredIds.some((d) => sameLicense(d, c.licenseId))))
    const extra = found.filter((id) => !agrees(id))
    if (!extra.length) continue
    const fileName = file.path ?? 'the license file'
    if (extra.length === found.length && !options.partial) {
      out.push({ ...where, ruleId: 'declared-mismatch', severity: 'error', declared: declared.expression, reason: m.contradicts(declaredIn, declared.expression, fileName, file.expression) })
    } else {
      out.push({ ...where, ruleId: 'declared-incomplete', severity: 'warning', declared: declared.expression, reason: m.incomplete(fileName, extra.join(', '), declaredIn, declared.expression) })
    }
  }
  return out
}

/** One restriction per (kind, license, parameters), each with the file it was found in. */
export function collectRestrictions(files: FileReport[]): PackageRestriction[] {
  const seen = new Set<string>()
  const out: PackageRestriction[] = []
  for (const f of files) {
    for (const r of f.restrictions) {
      const key = restrictionKey(r)
      if (seen.has(key)) continue
      seen.add(key)
      out.push({ ...r, path: f.path })
    }
  }
  return out
}

/** Identity of a restriction for de-duplication; where it was inherited from does not make it different. */
export function restrictionKey(r: { kind: string; licenseId?: string; parameters: Record<string, unknown> }): string {
  const { inheritedFrom: _ignored, ...params } = r.parameters
  return `${r.kind}|${r.licenseId ?? ''}|${JSON.stringify(params)}`
}

/**
 * Build the package's report (lineage and policy come later). The governing expression starts from the
 * declaration (for a model card, the card reader's governing expression) and adds every top-level license text
 * that names something the declaration does not: when the two disagree, both bind until someone settles it.
 */
export function finalizePackage(pkg: PackageState): PackageReport {
  const files = [...pkg.files].sort((a, b) => ((a.path ?? '') < (b.path ?? '') ? -1 : 1))
  const declared = declarationOf(pkg)
  const texts = files.filter((f) => f.kind !== 'model-card' && f.kind !== 'package-json' && isPackageLevel(pkg, f.path ?? '') && (inReuseFolder(pkg, f.path ?? '') || isLicenseTextName(baseName(f.path ?? ''))))
  // What the declaration is checked against: not a model's code license (LICENSE-CODE beside the weights' license
  // is the norm, not a contradiction); REUSE LICENSES/ files only for licenses they add (each is one of several).
  const checked = texts.filter((f) => !(pkg.type === 'model' && CODE_LICENSE.test(baseName(f.path ?? ''))))
  const single = checked.filter((f) => !inReuseFolder(pkg, f.path ?? ''))
  const reuse = checked.filter((f) => inReuseFolder(pkg, f.path ?? ''))
  const card = files.find((f) => f.kind === 'model-card' && isPackageLevel(pkg, f.path ?? ''))
  const parts: string[] = []
  if (card) parts.push(card.expression)
  if (declared) parts.push(declared.expression)
  parts.push(...texts.map((t) => t.expression))
  let expression = andExpressions(parts, covers)
  if (!named(expression)) {
    // Nothing declared and no license text: what READMEs and notices at the top level say.
    const others = files.filter((f) => isPackageLevel(pkg, f.path ?? '') && named(f.expression)).map((f) => f.expression)
    const fallback = andExpressions(others, covers)
    if (named(fallback)) expression = fallback
  }
  const licenses: string[] = declared ? expressionIds(declared.expression) : []
  for (const f of files) for (const id of [...(f.declared ? expressionIds(f.declared.expression) : []), ...expressionIds(f.expression)]) if (!licenses.includes(id)) licenses.push(id)
  return {
    name: pkg.name,
    ...(pkg.version !== undefined ? { version: pkg.version } : {}),
    dir: pkg.dir,
    type: pkg.type,
    ...(declared ? { declared } : {}),
    expression,
    licenses,
    restrictions: collectRestrictions(files),
    mismatches: [...findMismatches(declared, single), ...findMismatches(declared, reuse, { partial: true })],
    diagnostics: pkg.diagnostics,
    files,
  }
}
