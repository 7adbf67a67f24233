// Scores detectRestrictions against the labelled restriction set in ../shared/eval/restrictions.jsonl.
// Usage: npx tsx scripts/eval-restrictions.ts [out.jsonl]   (then the shared scorer is run on the output)
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { detectRestrictions } from '../src/detect/index.js'
import { createLineIndex } from '../src/text/index.js'

const shared = process.env.LICIT_SHARED ?? join(process.cwd(), '..', 'shared')
const require = createRequire(import.meta.url)
const spdx: Record<string, { licenseText: string }> = require('spdx-license-list/full')
const labelsPath = join(shared, 'eval', 'restrictions.jsonl')
const arg = process.argv[2]
if (arg?.startsWith('-')) {
  console.error('usage: npx tsx scripts/eval-restrictions.ts [out.jsonl]')
  process.exit(2)
}
const out = arg ?? '/tmp/licit-restrictions-preds.jsonl'

interface Label {
  file: string
  findings: { kind: string; parameters: Record<string, unknown>; quote: string }[]
  absent: string[]
}
const labels: Label[] = readFileSync(labelsPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
const text = (file: string) => (file.startsWith('spdx:') ? spdx[file.slice(5)].licenseText : readFileSync(join(shared, file), 'utf8'))

const rows: string[] = []
let paramOk = 0
let paramAll = 0
let strictFp = 0
const paramMisses: string[] = []
for (const label of labels) {
  const source = text(label.file)
  const found = detectRestrictions(source, createLineIndex(source))
  rows.push(JSON.stringify({ file: label.file, restrictions: found }))
  for (const f of label.findings) {
    const got = found.filter((g) => g.kind === f.kind)
    if (!got.length) continue
    paramAll++
    const same = got.some((g) => Object.entries(f.parameters).every(([k, v]) => JSON.stringify(Array.isArray(v) ? [...v].sort() : v) === JSON.stringify(Array.isArray(g.parameters[k]) ? [...(g.parameters[k] as unknown[])].sort() : g.parameters[k])))
    if (same) paramOk++
    else paramMisses.push(`${label.file}\t${f.kind}\texpected ${JSON.stringify(f.parameters)} got ${got.map((g) => JSON.stringify(g.parameters)).join(' | ')}`)
  }
  for (const k of label.absent) if (found.some((g) => g.kind === k)) strictFp++
}
writeFileSync(out, rows.join('\n') + '\n')
execFileSync('node', [join(shared, 'eval', 'score.mjs'), 'restrictions', labelsPath, out, shared], { stdio: 'inherit' })
console.log(`parameters equal ${paramOk}/${paramAll}; strict false positives (policy findings counted) ${strictFp}`)
if (process.env.SHOW_FAILURES) for (const m of paramMisses) console.log('PARAM ' + m)
