// Audit benchmark (printed, never asserted): builds a large synthetic tree in a temp folder, audits it with the
// built package, prints files/s and peak RSS; then audits this project's own node_modules and lists where a
// package's declared license disagrees with its LICENSE text.
//
//   node --expose-gc scripts/bench-audit.mjs            (LICIT_BENCH_FILES=100000 for a bigger tree)
//   LICIT_ENTRY=src/index.ts npx tsx scripts/bench-audit.mjs   (run against the sources instead of dist/)
//   LICIT_BENCH_WORKERS=0 …                                      (classify on the main thread only)
//
// Nothing here is committed data: LICENSE texts are copied at run time from the LICENSE files of the installed
// packages in node_modules; every other file is generated filler.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = join(import.meta.dirname, '..')
const entry = resolve(root, process.env.LICIT_ENTRY ?? join('dist', 'index.js'))
const target = Number(process.env.LICIT_BENCH_FILES ?? 50_000)
// Worker threads for the audit (default: audit's own default, the CPU count up to 4).
const workers = process.env.LICIT_BENCH_WORKERS === undefined ? {} : { workers: Number(process.env.LICIT_BENCH_WORKERS) }
const mib = (bytes) => (bytes / 1024 / 1024).toFixed(0)
const peakRss = () => mib(process.resourceUsage().maxRSS * 1024)

const { audit } = await import(pathToFileURL(entry).href)

/** LICENSE texts of the installed packages, with the license their package.json declares. */
function installedLicenses() {
  const out = []
  const nm = join(root, 'node_modules')
  const visit = (dir) => {
    let pkg
    try {
      pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    } catch {
      return
    }
    if (typeof pkg.license !== 'string') return
    for (const name of readdirSync(dir)) {
      if (!/^licen[cs]e(\.md|\.txt)?$/i.test(name)) continue
      const text = readFileSync(join(dir, name), 'utf8')
      if (text.length > 200 && text.length < 40_000) out.push({ declared: pkg.license, text })
      break
    }
  }
  for (const name of readdirSync(nm)) {
    if (name.startsWith('.')) continue
    if (name.startsWith('@')) for (const sub of readdirSync(join(nm, name))) visit(join(nm, name, sub))
    else visit(join(nm, name))
  }
  return out
}

/** Write the synthetic tree; returns how many files it holds. */
function buildTree(dir, licenses) {
  let files = 0
  const write = (rel, text) => {
    const p = join(dir, rel)
    mkdirSync(join(p, '..'), { recursive: true })
    writeFileSync(p, text)
    files++
  }
  const apache = licenses.find((l) => l.declared === 'Apache-2.0') ?? licenses[0]
  write('package.json', JSON.stringify({ name: 'bench-app', version: '1.0.0', license: 'MIT' }))
  let i = 0
  while (files < target) {
    const lic = licenses[i % licenses.length]
    const scope = i % 10 === 0 ? `@scope${i % 7}/` : ''
    // Every 25th package sits in the node_modules of the one before it.
    const base = i % 25 === 0 && i > 0 ? `node_modules/pkg${i - 1}/node_modules/${scope}pkg${i}` : `node_modules/${scope}pkg${i}`
    // Every 50th package declares MIT over an Apache-2.0 text: a mismatch the audit must find.
    const mismatch = i % 50 === 49
    write(`${base}/package.json`, JSON.stringify({ name: `${scope}pkg${i}`, version: `1.${i % 10}.0`, license: mismatch ? 'MIT' : lic.declared, main: 'lib/index.js' }, null, 2))
    write(`${base}/LICENSE`, mismatch ? apache.text : lic.text)
    write(`${base}/README.md`, `# pkg${i}\n\nA generated package for the audit benchmark.\n\n## Install\n\nnpm install pkg${i}\n`)
    for (let f = 0; f < 14; f++) write(`${base}/${f < 7 ? 'lib' : 'lib/util'}/m${f}.js`, `// generated module ${f}\nexport const v${f} = ${f}\n`)
    write(`${base}/types/index.d.ts`, `export declare const v0: number\n`)
    i++
  }
  // A few model folders: a base with a card, derivatives pointing at it (my own short card texts).
  for (let m = 0; m < 20; m++) {
    write(`models/org__base-${m}/README.md`, `---\nlicense: llama3.1\n---\n\n# Base ${m}\n\nA generated base model card.\n`)
    write(`models/user__tuned-${m}/README.md`, `---\nlicense: ${m % 2 ? 'mit' : 'llama3.1'}\nbase_model: org/base-${m}\n---\n\n# Tuned ${m}\n\nA generated fine-tune card.\n`)
    write(`models/user__tuned-${m}/config.json`, '{"hidden_size": 64}\n')
  }
  return { files, packages: i }
}

const licenses = installedLicenses()
const tmp = mkdtempSync(join(tmpdir(), 'licit-bench-audit-'))
try {
  let t = performance.now()
  const built = buildTree(tmp, licenses)
  console.log(`audit bench: synthetic tree of ${built.files} files, ${built.packages} npm packages, 40 model folders (built in ${((performance.now() - t) / 1000).toFixed(1)} s; LICENSE texts from ${licenses.length} installed packages)`)
  globalThis.gc?.()
  const rssBefore = process.memoryUsage().rss
  let sampledPeak = rssBefore
  const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss)), 50)
  t = performance.now()
  const report = await audit(tmp, { config: false, ...workers })
  const seconds = (performance.now() - t) / 1000
  clearInterval(sampler)
  const s = report.summary
  const mismatches = report.packages.flatMap((p) => p.mismatches)
  console.log(
    `audit: ${s.files} files, ${s.directories} folders, ${s.packages} packages, ${s.analyzed} analyzed in ${seconds.toFixed(2)} s → ${(s.files / seconds).toFixed(0)} files/s (${(s.analyzed / seconds).toFixed(0)} analyzed/s)`,
  )
  console.log(`audit: ${mismatches.filter((m) => m.ruleId === 'declared-mismatch').length} declared-mismatch (expected ≥ ${Math.floor(built.packages / 50)}), ${mismatches.filter((m) => m.ruleId === 'lineage-permissive-declaration').length} lineage errors (expected 10)`)
  console.log(`audit: RSS before ${mib(rssBefore)} MiB, sampled peak ${mib(sampledPeak)} MiB, process peak ${peakRss()} MiB`)
} finally {
  rmSync(tmp, { recursive: true, force: true })
}

// The real tree: this project's node_modules. Declared (package.json) against the LICENSE text.
const nm = join(root, 'node_modules')
if (statSync(nm, { throwIfNoEntry: false })?.isDirectory()) {
  const t = performance.now()
  const report = await audit(nm, { config: false, ...workers })
  const seconds = (performance.now() - t) / 1000
  console.log(`\nnode_modules: ${report.summary.packages} packages, ${report.summary.files} files in ${seconds.toFixed(2)} s (${(report.summary.files / seconds).toFixed(0)} files/s)`)
  const rows = report.packages.flatMap((p) => p.mismatches.filter((m) => m.severity !== 'info').map((m) => ({ p, m })))
  if (!rows.length) console.log('node_modules: every declared license agrees with its LICENSE text')
  for (const { p, m } of rows) console.log(`  ${m.severity.padEnd(7)} ${`${p.name}@${p.version ?? ''}`.padEnd(34)} declared ${m.declared.padEnd(14)} text ${m.found.padEnd(28)} ${m.path ?? ''}`)
  const undeclared = report.packages.flatMap((p) => p.mismatches.filter((m) => m.ruleId === 'license-undeclared').map(() => p.name))
  if (undeclared.length) console.log(`  (no license declared but a LICENSE text present: ${undeclared.join(', ')})`)
}
