// Build: ESM + CJS + types for the library, ESM for the bin and for the audit's worker thread.
import { defineConfig } from 'tsup'

// JSON-only packages are bundled: esbuild drops the `with { type: 'json' }` attribute on external imports, and
// Node refuses a JSON import without it (ERR_IMPORT_ASSERTION_TYPE_MISSING).
const noExternal = ['spdx-license-ids', 'spdx-exceptions']

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    noExternal,
    shims: true,
  },
  {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    noExternal,
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    // The audit's worker-thread entry, loaded by path from dist/ (src/audit/pool.ts), so it is its own bundle.
    entry: { 'audit-worker': 'src/audit/worker.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    noExternal,
  },
])
