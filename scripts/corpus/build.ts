// Assembles every part of the derived corpus; each part builder returns file name → file content.
import { buildFullText } from './fulltext.js'
import { buildLicenses } from './licenses.js'
import { buildReferences } from './references.js'

export interface BuildContext {
  /** The package root. */
  root: string
  /** The ../shared folder with spdx/, license-texts/ and huggingface/. */
  shared: string
}

export const CORPUS_FORMAT = 1

/** Build all corpus files in memory, in a fixed order. */
export async function buildCorpus(ctx: BuildContext): Promise<Record<string, string>> {
  const parts: Record<string, string> = {}
  Object.assign(parts, await buildLicenses(ctx))
  Object.assign(parts, await buildFullText(ctx))
  Object.assign(parts, await buildReferences(ctx))
  const names = Object.keys(parts).sort()
  const manifest = { format: CORPUS_FORMAT, files: names }
  const out: Record<string, string> = { 'manifest.json': JSON.stringify(manifest, null, 1) + '\n' }
  for (const n of names) out[n] = parts[n]
  return out
}
