// Locates the shipped `corpus/` folder and reads its JSON files synchronously (the one disk access of the core).
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { LicitError } from '../errors.js'

/** Version of the derived corpus format; the loader refuses files built for another one. */
export const CORPUS_FORMAT = 1

let corpusDir: string | undefined

function findCorpusDir(): string {
  if (corpusDir) return corpusDir
  // dist/index.js, dist/index.cjs and src/corpus/load.ts all sit below the package root
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'corpus', 'manifest.json'))) return (corpusDir = join(dir, 'corpus'))
    const up = dirname(dir)
    if (up === dir) break
    dir = up
  }
  throw new LicitError('E_CORPUS_MISSING', 'licit could not find its corpus/ folder next to the package')
}

const cache = new Map<string, unknown>()

/**
 * Read `corpus/<name>` as JSON once per process.
 *
 * @param options - `cache: false` for a file its caller decodes and keeps in another form (the full-text index):
 * the parsed strings are then not held for the life of the process.
 */
export function readCorpusJson<T>(name: string, options: { cache?: boolean } = {}): T {
  const hit = cache.get(name)
  if (hit !== undefined) return hit as T
  const value = JSON.parse(readFileSync(join(findCorpusDir(), name), 'utf8')) as T
  if (options.cache !== false) cache.set(name, value)
  return value
}
