// Reads the license fields of a package.json: `license` (SPDX, SEE LICENSE IN, UNLICENSED) and legacy forms.
import type { LineIndex } from '../text/index.js'
import { parseJsonWithRanges, type JsonNode } from './json-keys.js'
import { emptyManifest, type DeclaredValue, type ManifestLicense } from './manifest.js'

const messages = {
  invalidJson: (reason: string) => `package.json is not valid JSON: ${reason}`,
  notObject: 'package.json does not hold a JSON object',
  legacyObject: 'The `license` field is an object ({type, url}); npm expects an SPDX expression string',
  legacyArray: 'The `licenses` array is deprecated; npm expects one SPDX expression, e.g. "(MIT OR Apache-2.0)"',
  notString: 'The `license` field is neither a string nor a {type, url} object',
}

// npm's pointer to a license file. Example match: "SEE LICENSE IN LICENSE.txt".
const SEE_LICENSE = /^see license in[ \t]{1,10}(\S[^\r\n]{0,300})$/i

/**
 * Read the declared license of a package.json.
 *
 * @param source - the file's text.
 * @param lines - a line index over it (for diagnostic positions).
 * @returns the declared values; invalid JSON gives one fatal `invalid-json` diagnostic at the error.
 * @example
 * readPackageJson('{"license": "MIT"}', createLineIndex(src)).values[0].value // 'MIT'
 */
export function readPackageJson(source: string, lines: LineIndex): ManifestLicense {
  const out = emptyManifest()
  const parsed = parseJsonWithRanges(source)
  if (!parsed.ok) {
    out.fatal = true
    out.diagnostics.push({ ruleId: 'invalid-json', source: 'licit', severity: 'error', fatal: true, reason: messages.invalidJson(parsed.reason), position: lines.toPosition(parsed.offset, Math.min(source.length, parsed.offset + 1)) })
    return out
  }
  const root = parsed.node
  if (root.type !== 'object') {
    out.fatal = true
    out.diagnostics.push({ ruleId: 'invalid-json', source: 'licit', severity: 'error', fatal: true, reason: messages.notObject, position: lines.toPosition(root.start, root.end) })
    return out
  }
  const license = root.entries.find((e) => e.key === 'license')?.value
  const licenses = root.entries.find((e) => e.key === 'licenses')?.value
  if (license) {
    const v = fromLicenseNode(license)
    if (v) out.values.push(v)
    if (license.type === 'object') out.diagnostics.push({ ruleId: 'deprecated-license-field', source: 'licit', severity: 'info', reason: messages.legacyObject, position: lines.toPosition(license.start, license.end) })
    else if (!v) out.diagnostics.push({ ruleId: 'invalid-license-field', source: 'licit', severity: 'warning', reason: messages.notString, position: lines.toPosition(license.start, license.end) })
  } else if (licenses) {
    const items = licenses.type === 'array' ? licenses.items : [licenses]
    for (const item of items) {
      const v = fromLicenseNode(item)
      if (v) out.values.push(v)
    }
    out.combine = 'OR'
    out.diagnostics.push({ ruleId: 'deprecated-license-field', source: 'licit', severity: 'info', reason: messages.legacyArray, position: lines.toPosition(licenses.start, licenses.end) })
  }
  return out
}

/** A `license` string, or a legacy `{type, url}` object (type first, url when type is missing). */
function fromLicenseNode(node: JsonNode): DeclaredValue | undefined {
  if (node.type === 'string') {
    const value = node.value.trim()
    if (!value) return undefined
    const see = SEE_LICENSE.exec(value)
    if (see) return { value: see[1].trim(), start: node.start, end: node.end, form: 'file' }
    if (value.toUpperCase() === 'UNLICENSED') return { value, start: node.start, end: node.end, form: 'unlicensed' }
    return { value, start: node.start, end: node.end, form: 'expression' }
  }
  if (node.type === 'object') {
    const type = node.entries.find((e) => e.key === 'type')?.value
    if (type?.type === 'string' && type.value.trim()) {
      const v = fromLicenseNode(type)
      return v && v.form === 'expression' ? { ...v, form: 'name' } : v
    }
    const url = node.entries.find((e) => e.key === 'url')?.value
    if (url?.type === 'string' && url.value.trim()) return { value: url.value.trim(), start: url.start, end: url.end, form: 'url' }
  }
  return undefined
}
