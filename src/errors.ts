// The one error class for failures we expect, each with a stable `code` (E_CORPUS_INVALID, E_ROOT_NOT_FOUND, ...).

/** An expected failure: the CLI prints its message only, without a stack. */
export class LicitError extends Error {
  readonly code: string
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'LicitError'
    this.code = code
  }
}
