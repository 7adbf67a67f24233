// Which files matter for licensing (by name), and reading one into a FileReport: size limit, decoding, classify.
import { promises as fs } from 'node:fs'
import { classify } from '../analyze.js'
import type { Diagnostic, FileKind, FileReport } from '../schema/index.js'
import { decodeText } from '../text/decode.js'
import { fileMessages as m } from './messages.js'
import { errorCode } from './walk.js'

// A file that is a license text by name: "LICENSE", "LICENCE.md", "COPYING.LESSER", "LICENSE-MIT",
// "MODEL_LICENSE", "LICENSE-MODEL", "Llama2_LICENSE.txt", "UNLICENSE". Such a file makes its folder a package.
const LICENSE_TEXT = /licen[cs]e|copying/i
// Other license-relevant names: "NOTICE", "THIRD_PARTY_NOTICES.txt", "COPYRIGHT", "PATENTS", "USE_POLICY.md",
// "ACCEPTABLE_USE_POLICY", "TERMS_OF_USE.md". They belong to the package of their folder.
const LICENSE_RELATED = /notice|copyright|patents|use[-_ .]?policy|acceptable[-_ .]?use|terms[-_ .]?of[-_ .]?(?:use|service)/i
// "README", "README.md", "readme.markdown": read as a model card when it has front matter, else as a notice.
const README = /^readme(?:\.(?:md|markdown|mdx|txt|rst|adoc))?$/i
// "MODEL_CARD.md", "model-card.md", "modelcard.md".
const CARD = /^model[-_ ]?card.{0,40}\.(?:md|markdown)$/i

// Extensions that mark code or data even when the name says "license" (license.js, licenses.json, LICENSE.png).
const NOT_TEXT = new Set(
  'js cjs mjs ts cts mts tsx jsx map json json5 py pyc pyi go rb java kt kts class jar c h cc cpp hpp cs rs php sh bash zsh ps1 bat cmd yml yaml toml xml xsd css scss less sass png jpg jpeg gif svg ico webp bmp pdf zip gz tgz bz2 xz 7z whl wasm o a so dll dylib exe bin lock cfg ini plist vue svelte swift m mm pl pm lua r scala sql snap hbs ejs pug erb twig tpl njk coffee dart ex exs erl hs ml fs clj elm nim zig d'.split(' '),
)

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}

/** Whether a file name is a license text (LICENSE*, COPYING*, *LICENSE*), not code that merely mentions one. */
export function isLicenseTextName(name: string): boolean {
  return LICENSE_TEXT.test(name) && !NOT_TEXT.has(extensionOf(name))
}

/** Whether a file name is license-relevant: a license text, a notice, a policy, a README or a model card. */
export function isLicenseRelevantName(name: string): boolean {
  if (README.test(name) || CARD.test(name)) return true
  return (LICENSE_TEXT.test(name) || LICENSE_RELATED.test(name)) && !NOT_TEXT.has(extensionOf(name))
}

/** Whether a name is a README or model card (a candidate model card). */
export function isCardName(name: string): boolean {
  return README.test(name) || CARD.test(name)
}

/** Whether a file not named as license-relevant is still worth reading as text when every file is audited. */
export function isTextCandidate(name: string): boolean {
  const ext = extensionOf(name)
  return !BINARY_EXT.has(ext)
}

const BINARY_EXT = new Set('png jpg jpeg gif ico webp bmp tiff pdf zip gz tgz bz2 xz 7z whl jar class o a so dll dylib exe bin wasm pyc safetensors gguf pt pth ckpt onnx npy npz h5 pb tflite mp3 mp4 wav ogg webm woff woff2 ttf otf eot'.split(' '))

/** The bytes of a file, or why they could not be used. */
export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; diagnostic: Diagnostic; size?: number }

/** Read a file unless it is larger than `maxSize` bytes. */
export async function readBytes(abs: string, maxSize: number): Promise<ReadResult> {
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(abs, 'r')
    const { size } = await handle.stat()
    if (size > maxSize) {
      return { ok: false, size, diagnostic: { ruleId: 'file-too-large', source: 'licit', severity: 'warning', fatal: true, reason: m.tooLarge(size, maxSize) } }
    }
    const bytes = await handle.readFile()
    return { ok: true, bytes }
  } catch (error) {
    return { ok: false, diagnostic: { ruleId: 'unreadable-file', source: 'licit', severity: 'warning', fatal: true, reason: m.unreadable(errorCode(error)) } }
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

/** A report for a file that could not be analyzed; it still appears in the package so the gap is visible. */
export function skippedReport(path: string, kind: FileKind, diagnostic: Diagnostic): FileReport {
  return {
    schemaVersion: 1,
    path,
    kind,
    expression: 'NOASSERTION',
    licenses: [],
    restrictions: [],
    diagnostics: [diagnostic],
    counts: { licenses: 0, restrictions: 0, errors: diagnostic.severity === 'error' ? 1 : 0, warnings: diagnostic.severity === 'warning' ? 1 : 0, infos: diagnostic.severity === 'info' ? 1 : 0, fatal: diagnostic.fatal ? 1 : 0 },
  }
}

/** A classified file and (for package.json, cards) the text it came from, which the caller drops after use. */
export interface AnalyzedFile {
  report: FileReport
  text?: string
  skipped: boolean
}

/**
 * Read, decode and classify one file. Never throws: a file too large, binary or unreadable becomes a report
 * with a fatal diagnostic. Unless `detachReport` is false, the returned report shares no strings with the file
 * text (see `detach`), so holding many reports does not hold their files.
 */
export async function analyzeFile(abs: string, rel: string, maxSize: number, detachReport = true): Promise<AnalyzedFile> {
  const read = await readBytes(abs, maxSize)
  if (!read.ok) return { report: skippedReport(rel, 'text', read.diagnostic), skipped: true }
  const decoded = decodeText(read.bytes)
  if (decoded.binary) return { report: skippedReport(rel, 'binary', decoded.diagnostics[0]), skipped: true }
  let report: FileReport
  try {
    report = classify(decoded.text, { path: rel })
  } catch (error) {
    // classify promises not to throw on content; if it does, that is a bug to report, not a reason to stop.
    const reason = `Internal error while classifying: ${error instanceof Error ? error.message : String(error)}`
    return { report: skippedReport(rel, 'text', { ruleId: 'internal-error', source: 'licit', severity: 'error', fatal: true, reason }), skipped: true }
  }
  if (decoded.diagnostics.length) {
    report = { ...report, diagnostics: [...decoded.diagnostics, ...report.diagnostics], counts: { ...report.counts } }
    for (const d of decoded.diagnostics) {
      if (d.severity === 'error') report.counts.errors++
      else if (d.severity === 'warning') report.counts.warnings++
      else report.counts.infos++
    }
  }
  return { report: detachReport ? detach(report) : report, text: decoded.text, skipped: false }
}

/**
 * Copy a report so none of its strings is a slice of the file text. V8 keeps a sliced string's parent alive,
 * so without this every evidence quote would pin a whole file in memory for the length of the audit.
 */
export function detach<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}
