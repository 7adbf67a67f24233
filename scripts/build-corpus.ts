// `npm run corpus`: builds the derived corpus/ folder from spdx-license-list, ../shared and licenses/.
// Deterministic: the same sources give byte-identical files. `--check` compares instead of writing.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { buildCorpus } from './corpus/build.js'

const root = join(import.meta.dirname, '..')
const out = join(root, 'corpus')
const check = process.argv.includes('--check')
const files = await buildCorpus({ root, shared: join(root, '..', 'shared') })
let stale = 0
mkdirSync(out, { recursive: true })
for (const [name, content] of Object.entries(files)) {
  const path = join(out, name)
  if (check) {
    const same = existsSync(path) && readFileSync(path, 'utf8') === content
    if (!same) {
      stale++
      console.error(`stale: corpus/${name}`)
    }
  } else {
    writeFileSync(path, content)
    console.log(`corpus/${name}  ${(content.length / 1024).toFixed(0)} KiB`)
  }
}
if (check && stale) process.exit(1)
