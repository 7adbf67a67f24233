// Package manifests (stub): package.json, pyproject.toml, Cargo.toml declared licenses.
import { analyzeText } from './analyze-text.js'
import type { FileKind, FileReport } from './schema/index.js'

export function analyzeManifest(source: string, path: string | undefined, kind: FileKind): FileReport {
  return analyzeText(source, { path, kind })
}
