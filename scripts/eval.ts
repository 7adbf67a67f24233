// `npm run eval`: classifies every development case in ../shared/eval and scores identification and restrictions
// with the set's own scorer. Predictions are written to .eval/ for inspection.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, join } from 'node:path'
import { classify } from '../src/index.js'

const root = join(import.meta.dirname, '..')
const shared = process.env.LICIT_SHARED ?? join(root, '..', 'shared')
const evalDir = join(shared, 'eval')
if (!existsSync(join(evalDir, 'expected.jsonl'))) {
  console.error(`no evaluation set at ${evalDir}`)
  process.exit(2)
}
const out = join(root, '.eval')
mkdirSync(out, { recursive: true })
const readJsonl = (p: string) => readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l))

// identification
const expected = readJsonl(join(evalDir, 'expected.jsonl')) as Array<{ case: string }>
const ids: string[] = []
const started = performance.now()
for (const r of expected) {
  const text = readFileSync(join(evalDir, 'cases', r.case), 'utf8')
  const report = classify(text, { path: r.case })
  ids.push(JSON.stringify({ case: r.case, expression: report.expression, licenses: report.licenses.map((l) => [l.licenseId, +l.confidence.toFixed(3), l.matcher]) }))
}
const idMs = performance.now() - started
writeFileSync(join(out, 'ids.jsonl'), ids.join('\n') + '\n')

// restrictions: every labelled text (license-texts/<id>.txt or spdx:<ID>)
const spdx = createRequire(import.meta.url)('spdx-license-list/full') as Record<string, { licenseText: string }>
const labelled = readJsonl(join(evalDir, 'restrictions.jsonl')) as Array<{ file: string }>
const preds: string[] = []
for (const r of labelled) {
  const text = r.file.startsWith('spdx:') ? spdx[r.file.slice(5)]?.licenseText : readFileSync(join(shared, r.file), 'utf8')
  if (text === undefined) continue
  const report = classify(text, { path: r.file.startsWith('spdx:') ? 'LICENSE' : basename(r.file) })
  preds.push(JSON.stringify({ file: r.file, restrictions: report.restrictions }))
}
writeFileSync(join(out, 'restrictions.jsonl'), preds.join('\n') + '\n')

const score = (args: string[]) => execFileSync(process.execPath, [join(evalDir, 'score.mjs'), ...args], { cwd: root, encoding: 'utf8', env: process.env })
console.log(score(['ids', join(evalDir, 'expected.jsonl'), join(out, 'ids.jsonl')]).trimEnd())
console.log(`(${expected.length} cases classified in ${idMs.toFixed(0)} ms)`)
console.log(score(['restrictions', join(evalDir, 'restrictions.jsonl'), join(out, 'restrictions.jsonl'), shared]).trimEnd())
