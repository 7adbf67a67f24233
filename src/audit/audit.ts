// audit(): walk a folder, find packages (npm, model folders, folders with license files), classify their
// license-relevant files, then lineage, policy and a summary.
import { promises as fs } from 'node:fs'
import { basename, dirname, posix, resolve } from 'node:path'
import { z } from 'zod'
import { LicitError } from '../errors.js'
import {
  AuditOptionsSchema,
  type AuditDiagnostic,
  type AuditOptions,
  type AuditReport,
  type AuditSummary,
  type BaseModel,
  type FileReport,
  type PackageReport,
} from '../schema/index.js'
import { isCardName, isLicenseRelevantName, isLicenseTextName, isTextCandidate, type AnalyzedFile } from './files.js'
import { applyLineage, normalizeModelId, type LineageNode } from './lineage.js'
import { configMessages as cm, fileMessages as fm } from './messages.js'
import { displayName, finalizePackage, readManifestFields, type PackageState } from './package.js'
import { evaluatePolicy, loadPolicy, mergePolicy } from './policy.js'
import { createAnalyzer } from './pool.js'
import { errorCode, walkTree, type WalkDirectory, type WalkFile } from './walk.js'

/** Default size limit for one file: larger "license" files are generated bundles, not licenses. */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024

interface Context {
  /** The package enclosing this folder's children. */
  pkg?: PackageState
  /** Set when this folder sits directly in `node_modules` (or in an `@scope` there): an npm package slot. */
  slot?: 'node_modules' | 'scope'
  /** The parent folder's name (for `@scope/name`). */
  parentName: string
}

// A card worth classifying as one: front matter (possibly after a leading line) that mentions a license or a base
// model, within the first few lines. Example: "---\nlicense: llama3.1\nbase_model: meta-llama/Llama-3.1-8B\n---".
const FRONT_MATTER = /^\uFEFF?(?:[^\n]{0,200}\n){0,2}---[ \t]*\r?\n/
const CARD_FIELDS = /^(?:license|license_name|license_link|base_model)\s*:/m
// "model_name: Foo" and "model-index:\n- name: Foo" give the name a card goes by.
const MODEL_NAME = /^(?:model_name|model_id)\s*:\s*["']?([^"'\n#]{1,200}?)["']?[ \t]*$/m
const MODEL_INDEX_NAME = /^model-index:[ \t]*\r?\n[ \t]*-[ \t]*name:\s*["']?([^"'\n#]{1,200}?)["']?[ \t]*$/m
// A license-relevant name that marks a model package even without a card: MODEL_LICENSE, LICENSE-MODEL, USE_POLICY.md.
const MODEL_FILE = /model|use[-_ .]?policy|acceptable[-_ .]?use/i

const looksLikeCard = (text: string) => FRONT_MATTER.test(text.slice(0, 1000)) && CARD_FIELDS.test(text.slice(0, 16384))

/**
 * Audit a folder: every package in it (npm packages in `node_modules`, nested and scoped; model folders with a
 * card or a model license; any folder with license files), what each declares against what its license texts
 * say, the restrictions that bind its users (inherited along `base_model` links inside the tree), and the
 * violations of a policy (`options.policy` over `<root>/.licitrc.json`).
 *
 * Memory stays bounded for large trees: folders are streamed, at most `concurrency` are read at once, only
 * license-relevant files are read, and reports keep no file texts.
 *
 * @param root - the folder to audit.
 * @param options - `followSymlinks` (false), `maxFileSize` (5 MB), `concurrency` (16), `workers` (0), `allFiles` (false),
 *   `ignore` (['.git', '.hg', '.svn']), `policy`, `config` (path, or false), `onProgress`.
 * @returns the AuditReport. One bad file or package becomes a diagnostic; only an unreadable root rejects
 *   (`LicitError` `E_ROOT_NOT_FOUND`), or an unreadable or invalid config (`E_CONFIG_NOT_FOUND`, `E_CONFIG_INVALID`).
 * @example
 * const report = await audit('node_modules', { policy: { deny: ['AGPL-3.0-only'] } })
 * report.summary.violations // 0
 */
export async function audit(root: string, options: AuditOptions = {}): Promise<AuditReport> {
  const started = performance.now()
  if (typeof root !== 'string' || root === '') throw new TypeError(`Expected \`root\` to be a folder path, got \`${root === '' ? "''" : typeof root}\``)
  const parsed = AuditOptionsSchema.safeParse(options ?? {})
  if (!parsed.success) throw new TypeError(z.prettifyError(parsed.error), { cause: parsed.error })
  const opts = parsed.data
  const abs = resolve(root)
  await checkRoot(abs)
  const policy = mergePolicy(await loadPolicy(abs, opts.config), opts.policy)
  const maxSize = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE
  const diagnostics: AuditDiagnostic[] = []
  const packages: PackageState[] = []
  const baseModels = new Map<PackageState, BaseModel[]>()
  const counts = { analyzed: 0, skipped: 0, files: 0, directories: 0 }
  let lastProgress = 0

  const analyzer = createAnalyzer(opts.workers ?? 0)
  const read = (file: WalkFile, keepText = false) => analyzer.analyze({ abs: file.abs, rel: file.rel, maxSize, keepText })

  const analyze = async (pkg: PackageState, file: WalkFile): Promise<AnalyzedFile> => {
    const result = await read(file)
    if (result.skipped) counts.skipped++
    else counts.analyzed++
    pkg.files.push(result.report)
    if (opts.onProgress) {
      const now = performance.now()
      if (now - lastProgress > 100) {
        lastProgress = now
        opts.onProgress({ files: counts.files, directories: counts.directories, analyzed: counts.analyzed, packages: packages.length, path: file.rel })
      }
    }
    return result
  }

  const visit = async (dir: WalkDirectory<Context>): Promise<Context | null> => {
    counts.directories++
    counts.files += dir.files.length
    const ctx = dir.context
    const done = new Set<WalkFile>()
    let pkg: PackageState | undefined
    const newPackage = (type: PackageState['type'], name: string): PackageState => {
      const p: PackageState = { dir: dir.rel, type, name, keys: new Set(), files: [], diagnostics: [] }
      packages.push(p)
      return p
    }

    // 1. An npm package: package.json in a node_modules slot, or anywhere with a name (workspaces, the project).
    const manifest = dir.files.find((f) => f.name === 'package.json')
    if (manifest && dir.name !== 'node_modules') {
      const manifestFile = await read(manifest, true)
      const fields = manifestFile.text !== undefined ? readManifestFields(manifestFile.text) : {}
      if (ctx.slot || fields.name !== undefined) {
        pkg = newPackage('npm', fields.name ?? (ctx.slot === 'scope' ? `${ctx.parentName}/${dir.name}` : dir.name))
        if (ctx.slot || ctx.pkg?.installed) pkg.installed = true
        if (fields.version !== undefined) pkg.version = fields.version
        if (fields.declared) pkg.manifestDeclared = { ...fields.declared, path: manifest.rel }
        if (fields.error) pkg.diagnostics.push({ ruleId: 'invalid-package-json', source: 'licit', severity: 'warning', reason: fm.badPackageJson(fields.error), path: manifest.rel })
        pkg.files.push(manifestFile.report)
        if (manifestFile.skipped) counts.skipped++
        else counts.analyzed++
        done.add(manifest)
      }
    }

    // 2. Otherwise a model or folder package: a license text, a model card, or (at the root or outside any package)
    //    any license-relevant file. Inside an installed npm package, sub-folders belong to it (a project's own
    //    package.json does not stop its model folders or vendored code from being packages).
    const insideNpm = ctx.pkg?.installed === true
    if (!pkg && dir.name !== 'node_modules') {
      const cards: Array<{ file: WalkFile; result: AnalyzedFile }> = []
      if (!insideNpm) {
        for (const file of dir.files.filter((f) => isCardName(f.name))) {
          const head = await peek(file.abs)
          if (looksLikeCard(head)) cards.push({ file, result: await read(file, true) })
        }
      }
      const card = cards.find((c) => c.result.report.kind === 'model-card')
      const hasText = dir.files.some((f) => isLicenseTextName(f.name))
      const relevant = dir.files.some((f) => isLicenseRelevantName(f.name))
      const isRoot = dir.rel === '.'
      if (card || (!insideNpm && hasText) || (relevant && (isRoot || !ctx.pkg)) || (isRoot && opts.allFiles)) {
        const model = card !== undefined || dir.files.some((f) => isLicenseRelevantName(f.name) && MODEL_FILE.test(f.name))
        pkg = newPackage(model ? 'model' : 'folder', displayName(isRoot ? basename(abs) : dir.name))
      }
      for (const c of cards) {
        if (pkg) {
          pkg.files.push(c.result.report)
          if (c.result.skipped) counts.skipped++
          else counts.analyzed++
          done.add(c.file)
        }
        if (pkg && c.result.report.kind === 'model-card') {
          if (c.result.report.baseModels?.length) baseModels.set(pkg, [...(baseModels.get(pkg) ?? []), ...c.result.report.baseModels])
          const text = c.result.text ?? ''
          for (const re of [MODEL_NAME, MODEL_INDEX_NAME]) {
            const name = re.exec(text.slice(0, 16384))?.[1]?.trim()
            if (name) pkg.keys.add(normalizeModelId(name))
          }
        }
      }
    }

    if (pkg) {
      // Names a derivative's base_model may use: "org__name" → "org/name", "org/name" from the last two folders.
      const folder = dir.rel === '.' ? basename(abs) : dir.name
      pkg.keys.add(folder.toLowerCase())
      pkg.keys.add(displayName(folder).toLowerCase())
      if (dir.rel.includes('/')) pkg.keys.add(dir.rel.split('/').slice(-2).join('/').toLowerCase())
      // An npm package's README only matters when neither package.json nor a license file names a license; npm
      // READMEs are long, so skipping them otherwise saves a third of the time on a node_modules tree.
      const declaredExpression = pkg.manifestDeclared?.expression
      const skipReadme = pkg.type === 'npm' && ((declaredExpression !== undefined && declaredExpression !== 'NONE' && declaredExpression !== 'NOASSERTION') || dir.files.some((f) => isLicenseTextName(f.name)))
      for (const file of dir.files) {
        if (done.has(file) || !isLicenseRelevantName(file.name)) continue
        if (skipReadme && isCardName(file.name)) continue
        await analyze(pkg, file)
      }
    } else if (ctx.pkg) {
      // A folder inside a package: its notices and license texts (npm: vendored code) belong to that package;
      // a REUSE-style LICENSES/ folder holds license texts under any name.
      const reuse = dir.name === 'LICENSES' && posix.dirname(dir.rel) === ctx.pkg.dir
      for (const file of dir.files) {
        if (done.has(file)) continue
        if (reuse ? isTextCandidate(file.name) : isLicenseRelevantName(file.name) && !isCardName(file.name)) await analyze(ctx.pkg, file)
      }
    }
    const owner = pkg ?? ctx.pkg
    if (opts.allFiles && owner) {
      for (const file of dir.files) if (!done.has(file) && !owner.files.some((f) => f.path === file.rel) && isTextCandidate(file.name)) await analyze(owner, file)
    }
    const slot = dir.name === 'node_modules' ? 'node_modules' : ctx.slot === 'node_modules' && dir.name.startsWith('@') ? 'scope' : undefined
    return { pkg: owner, slot, parentName: dir.name }
  }

  const rootParent = basename(dirname(abs))
  let stats
  try {
    stats = await walkTree<Context>(abs, { slot: rootParent === 'node_modules' ? 'node_modules' : undefined, parentName: rootParent }, visit, {
      followSymlinks: opts.followSymlinks ?? false,
      concurrency: opts.concurrency ?? 16,
      ignore: new Set(opts.ignore ?? ['.git', '.hg', '.svn']),
      onDiagnostic: (d) => diagnostics.push(d),
    })
  } finally {
    await analyzer.close()
  }

  packages.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0))
  const reports: PackageReport[] = []
  const nodes: LineageNode[] = []
  for (const state of packages) {
    const report = finalizePackage(state)
    reports.push(report)
    if (state.type === 'model') nodes.push({ report, keys: state.keys, baseModels: baseModels.get(state) ?? [] })
  }
  applyLineage(nodes)
  const violations = reports.flatMap((r) => evaluatePolicy(r, policy))
  diagnostics.sort((a, b) => ((a.path ?? '') < (b.path ?? '') ? -1 : 1))
  return {
    schemaVersion: 1,
    root: abs,
    policy,
    packages: reports,
    violations,
    diagnostics,
    summary: summarize(reports, diagnostics, violations.length, { ...counts, files: stats.files, directories: stats.directories }, performance.now() - started),
  }
}

/** Reject when the root cannot be listed: the one failure that stops an audit. */
async function checkRoot(abs: string): Promise<void> {
  let stat
  try {
    stat = await fs.stat(abs)
  } catch (error) {
    throw new LicitError('E_ROOT_NOT_FOUND', cm.root(abs, errorCode(error)), { cause: error })
  }
  if (!stat.isDirectory()) throw new LicitError('E_ROOT_NOT_FOUND', cm.notDirectory(abs))
  try {
    const handle = await fs.opendir(abs)
    await handle.close()
  } catch (error) {
    throw new LicitError('E_ROOT_NOT_FOUND', cm.root(abs, errorCode(error)), { cause: error })
  }
}

/** The first kilobyte of a file as text ('' when unreadable): enough to see whether a README has front matter. */
async function peek(abs: string): Promise<string> {
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(abs, 'r')
    const buffer = new Uint8Array(1024)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    return new TextDecoder().decode(buffer.subarray(0, bytesRead))
  } catch {
    return ''
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

function summarize(
  packages: PackageReport[],
  diagnostics: AuditDiagnostic[],
  violations: number,
  counts: { analyzed: number; skipped: number; files: number; directories: number },
  durationMs: number,
): AuditSummary {
  const expressions: Record<string, number> = {}
  const restrictions: Record<string, number> = {}
  const tally = { errors: 0, warnings: 0, infos: 0 }
  const count = (s: 'error' | 'warning' | 'info') => {
    if (s === 'error') tally.errors++
    else if (s === 'warning') tally.warnings++
    else tally.infos++
  }
  let mismatches = 0
  for (const p of packages) {
    expressions[p.expression] = (expressions[p.expression] ?? 0) + 1
    for (const r of p.restrictions) {
      restrictions[r.kind] = (restrictions[r.kind] ?? 0) + 1
      count(r.severity)
    }
    mismatches += p.mismatches.length
    for (const m of p.mismatches) count(m.severity)
    for (const d of p.diagnostics) count(d.severity)
    for (const f of p.files as FileReport[]) for (const d of f.diagnostics) count(d.severity)
  }
  for (const d of diagnostics) count(d.severity)
  return { files: counts.files, directories: counts.directories, analyzed: counts.analyzed, skipped: counts.skipped, packages: packages.length, expressions, restrictions, mismatches, violations, ...tally, durationMs: Math.round(durationMs) }
}
