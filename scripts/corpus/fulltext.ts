// Corpus part: fulltext (stub until its owner fills it in).
import type { BuildContext } from './build.js'

export async function buildFullText(_ctx: BuildContext): Promise<Record<string, string>> {
  return {}
}
