// Corpus part: licenses (stub until its owner fills it in).
import type { BuildContext } from './build.js'

export async function buildLicenses(_ctx: BuildContext): Promise<Record<string, string>> {
  return {}
}
