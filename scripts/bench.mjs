// `npm run bench`: speed and memory figures (printed, never asserted). Uses the built package in dist/.
// Corpus load, per-file median/p95 on the development cases and on all reference texts, files/s, peak RSS;
// then the audit benchmark (scripts/bench-audit.mjs) when present.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'

const root = join(import.meta.dirname, '..')
const shared = process.env.LICIT_SHARED ?? join(root, '..', 'shared')
const rssMiB = () => (process.resourceUsage().maxRSS / 1024).toFixed(0)

let t = performance.now()
const { classify } = await import(join(root, 'dist', 'index.js'))
const importMs = performance.now() - t
t = performance.now()
classify('x', { path: 'LICENSE' }) // loads the corpus lazily
const loadMs = performance.now() - t
console.log(`import ${importMs.toFixed(1)} ms; corpus load (first classify) ${loadMs.toFixed(1)} ms; RSS after load ${rssMiB()} MiB`)

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) walk(p, out)
    else out.push(p)
  }
  return out
}

function run(label, items, rounds = 3) {
  const times = []
  let chars = 0
  for (let r = 0; r < rounds; r++) {
    for (const [path, text] of items) {
      const s = performance.now()
      classify(text, { path })
      times.push(performance.now() - s)
      if (r === 0) chars += text.length
    }
  }
  times.sort((a, b) => a - b)
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))]
  const total = times.reduce((a, b) => a + b, 0)
  console.log(
    `${label.padEnd(28)} ${String(items.length).padStart(5)} files  median ${q(0.5).toFixed(2)} ms  p95 ${q(0.95).toFixed(2)} ms  max ${times.at(-1).toFixed(1)} ms  ${((times.length / total) * 1000).toFixed(0)} files/s  ${((chars * rounds) / 1024 / 1024 / (total / 1000)).toFixed(1)} MiB/s`,
  )
}

const spdx = createRequire(join(root, 'package.json'))('spdx-license-list/full')
const spdxItems = Object.entries(spdx).map(([id, v]) => [`LICENSE-${id}`, v.licenseText])
run('SPDX reference texts', spdxItems)
// a "typical LICENSE file": the common permissive and copyleft texts
const typical = ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'BSD-2-Clause', 'ISC', 'GPL-3.0-only', 'MPL-2.0', 'LGPL-2.1-only'].map((id) => ['LICENSE', spdx[id].licenseText])
run('typical LICENSE files', typical, 30)
if (existsSync(join(shared, 'license-texts'))) {
  const ai = readdirSync(join(shared, 'license-texts')).filter((f) => f.endsWith('.txt')).map((f) => [f, readFileSync(join(shared, 'license-texts', f), 'utf8')])
  run('AI-model license texts', ai)
}
if (existsSync(join(shared, 'eval', 'cases'))) {
  const cases = walk(join(shared, 'eval', 'cases')).map((p) => [p, readFileSync(p, 'utf8')])
  run('development cases', cases)
}
console.log(`peak RSS before the large-input test ${rssMiB()} MiB`)
const big = spdx['Apache-2.0'].licenseText + '\n' + 'lorem ipsum dolor sit amet '.repeat(2_000_000)
t = performance.now()
classify(big, { path: 'big.txt' })
console.log(`one ${(big.length / 1024 / 1024).toFixed(0)} MB text: ${(performance.now() - t).toFixed(0)} ms`)
console.log(`peak RSS including the 52 MB input ${rssMiB()} MiB`)

const auditBench = join(root, 'scripts', 'bench-audit.mjs')
if (existsSync(auditBench)) {
  const r = spawnSync(process.execPath, ['--expose-gc', auditBench], { stdio: 'inherit' })
  if (r.status) process.exitCode = r.status
}
