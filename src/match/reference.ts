// Notices, license names and URLs (stub).
import type { LicenseFinding } from '../schema/index.js'
import type { LineIndex, Token } from '../text/index.js'

export function matchReferences(_source: string, _tokens: Token[], _lines: LineIndex): LicenseFinding[] {
  return []
}
