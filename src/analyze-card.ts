// Model cards (stub): declared license, base models, governing license.
import { analyzeText } from './analyze-text.js'
import type { FileReport } from './schema/index.js'

export function analyzeModelCard(source: string, path?: string): FileReport {
  return analyzeText(source, { path, kind: 'model-card' })
}
