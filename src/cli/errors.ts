// CLI errors: usage mistakes (exit 2, message only), expected LicitErrors (message only), anything else (stack).
import { LicitError } from '../index.js'

/** A mistake on the command line: unknown option, bad value, missing argument. */
export class UsageError extends Error {
  readonly code = 'E_USAGE'
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** Whether Node's parseArgs rejected the command line (its errors carry ERR_PARSE_ARGS_* codes). */
export function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')
}

/**
 * The text to print for an error: the message alone for errors we expect (usage, LicitError codes such as
 * E_ROOT_NOT_FOUND), the stack for anything else, which is a bug worth reporting.
 */
export function describeError(error: unknown): string {
  if (error instanceof UsageError || error instanceof LicitError || isParseArgsError(error)) return `licit: ${(error as Error).message}`
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`
  return `licit: ${String(error)}`
}

/** Last resort for the bin: print the error and exit with 2 (internal error). */
export function handleError(error: unknown): void {
  process.stderr.write(describeError(error) + '\n')
  process.exitCode = 2
}
