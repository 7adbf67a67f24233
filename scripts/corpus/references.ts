// Corpus part: references (stub until its owner fills it in).
import type { BuildContext } from './build.js'

export async function buildReferences(_ctx: BuildContext): Promise<Record<string, string>> {
  return {}
}
