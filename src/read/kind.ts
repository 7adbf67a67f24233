// Decides which reader a file needs, from its name and content (stub: refined with the model-card reader).
import type { FileKind } from '../schema/index.js'

export function detectFileKind(path: string | undefined, source: string): FileKind {
  const name = (path ?? '').split(/[\\/]/).pop()?.toLowerCase() ?? ''
  if (name === 'package.json') return 'package-json'
  if (/^readme(\.md|\.markdown)?$|model_card\.md$/.test(name) && /^\uFEFF?---\r?\n/.test(source)) return 'model-card'
  return 'license'
}
