// SPDX expressions (stub): parse, validate and canonicalize, never throwing.

export type ParsedExpression =
  | { ok: true; expression: string; ids: string[] }
  | { ok: false; reason: string; suggestion?: string }

export function parseLicenseExpression(input: string): ParsedExpression {
  return { ok: false, reason: `not parsed yet: ${input}` }
}
