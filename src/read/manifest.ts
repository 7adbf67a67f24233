// The shape every manifest reader returns: declared license values with their source ranges.
import type { Diagnostic } from '../schema/index.js'

/**
 * How a declared value is to be read:
 * `expression` an SPDX expression (package.json, Cargo, PEP 639); `name` a free license name (gemspec,
 * DESCRIPTION, poetry); `classifier` a Trove classifier; `file` a pointer to a license file; `url` a license
 * URL; `unlicensed` npm's "not licensed for use"; `text` a license text inlined in the manifest.
 */
export type DeclaredForm = 'expression' | 'name' | 'classifier' | 'file' | 'url' | 'unlicensed' | 'text'

/** One declared value: decoded `value`, `[start, end)` of its source (quotes included). */
export interface DeclaredValue {
  value: string
  start: number
  end: number
  form: DeclaredForm
  /** The value rewritten by the reader in SPDX terms when its format has its own names (R's `GPL (>= 2)`). */
  normalized?: string
}

export interface ManifestLicense {
  /** Declared values in source order. */
  values: DeclaredValue[]
  /** How several values combine: npm's legacy `licenses` array and R's `|` are choices (OR). */
  combine: 'AND' | 'OR'
  /** Fallback values (Trove classifiers) used only when `values` is empty. */
  fallback: DeclaredValue[]
  diagnostics: Diagnostic[]
  /** Set when the manifest cannot be read at all (invalid JSON). */
  fatal?: boolean
}

/** An empty result to fill in. */
export function emptyManifest(): ManifestLicense {
  return { values: [], combine: 'AND', fallback: [], diagnostics: [] }
}
