// Re-exports the text utilities: tokenizer, positions, hashes.
export * from './tokenize.js'
export * from './position.js'
export * from './hash.js'
export * from './equivalents.js'
