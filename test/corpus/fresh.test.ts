// The committed corpus/ must be exactly what `npm run corpus` builds from the sources (when ../shared is here).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildCorpus } from '../../scripts/corpus/build.js'

const root = join(import.meta.dirname, '..', '..')
const shared = join(root, '..', 'shared')

describe('corpus/', () => {
  it.skipIf(!existsSync(join(shared, 'license-texts')))('is up to date with its sources', async () => {
    const files = await buildCorpus({ root, shared })
    const stale = Object.entries(files)
      .filter(([name, content]) => !existsSync(join(root, 'corpus', name)) || readFileSync(join(root, 'corpus', name), 'utf8') !== content)
      .map(([name]) => name)
    expect(stale, 'run `npm run corpus` and commit corpus/').toEqual([])
  }, 300_000)

  it('lists only files that exist', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'corpus', 'manifest.json'), 'utf8')) as { format: number; files: string[] }
    expect(manifest.format).toBe(1)
    for (const f of manifest.files) expect(existsSync(join(root, 'corpus', f)), f).toBe(true)
  })
})
