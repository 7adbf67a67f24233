// licit's public API: re-exports only.

/** Classify one text (pure, synchronous). */
export { classify, type ClassifyOptions } from './analyze.js'
/** Errors licit expects, each with a stable `code`. */
export { LicitError } from './errors.js'
/** Zod schemas (single source of truth) and their inferred types. */
export * from './schema/index.js'
