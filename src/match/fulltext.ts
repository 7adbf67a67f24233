// Full-text matching (stub): finds whole license texts, inside larger files and several per file.
import type { LicenseFinding } from '../schema/index.js'
import type { LineIndex, Token } from '../text/index.js'

export interface FullTextResult {
  /** Confident matches, each with the region it covers as evidence, in source order. */
  matches: LicenseFinding[]
  /** The closest reference when nothing matched confidently but the text looks like a license. */
  nearest?: LicenseFinding
}

export function matchFullText(_source: string, _tokens: Token[], _lines: LineIndex): FullTextResult {
  return { matches: [] }
}
