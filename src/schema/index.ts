// Re-exports every schema and inferred type.
export * from './position.js'
export * from './findings.js'
export * from './license-meta.js'
export * from './audit.js'
