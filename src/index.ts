// licit's public API: re-exports only.

/** Classify one text (pure, synchronous). */
export { classify, type ClassifyOptions } from './analyze.js'
/**
 * Decode file bytes (UTF-8 with its BOM kept, UTF-16 by BOM, a Latin-1 fallback, binary detection) before `classify`.
 * @example classify(decodeText(readFileSync('LICENSE')).text, { path: 'LICENSE' })
 */
export { decodeText, type DecodedText, type TextEncoding } from './text/decode.js'
/**
 * Audit a folder (node_modules, a model collection, a repository): packages, declared vs. found licenses,
 * restrictions inherited along base_model links, and policy violations. Node only.
 * @example const report = await audit('node_modules', { policy: { deny: ['AGPL-3.0-only'] } })
 */
export { audit } from './audit/audit.js'
/**
 * Format a FileReport, an array of them or an AuditReport as a readable table.
 * @example process.stdout.write(toStylish(report))
 */
export { toStylish, type StylishOptions } from './report/stylish.js'
/**
 * Format a report as JSON (the schema-validated shape).
 * @example writeFileSync('report.json', toJson(report))
 */
export { toJson, type JsonOptions } from './report/json.js'
/**
 * Format a report as SARIF 2.1.0 for code-scanning tools.
 * @example writeFileSync('licit.sarif', toSarif(await audit('.')))
 */
export { toSarif, type SarifOptions, type SarifLog } from './report/sarif.js'
/**
 * Describe a license by id: name, family, openness, whether it binds derivatives, incorporated policies and the
 * restriction facts licit carries for files that only reference it.
 * @example describeLicense('LicenseRef-llama-3.1-community')?.openness // 'open-restricted'
 */
export { describeLicense, type LicenseInfo } from './license-info.js'
/**
 * Parse and canonicalize an SPDX expression without throwing (`gpl-2.0+ or mit` → `GPL-2.0-or-later OR MIT`).
 * @example parseLicenseExpression('Apache-2.0 OR MIT') // {ok: true, expression: 'Apache-2.0 OR MIT', ids: ['Apache-2.0', 'MIT']}
 */
export { parseLicenseExpression, correctLicenseId, type ParsedExpression } from './match/expression.js'
/**
 * Resolve a Hugging Face model id to the license of its weights, offline (`meta-llama/Llama-3.2-3B` → Llama 3.2).
 * @example resolveBaseModel('meta-llama/Llama-3.2-3B-Instruct').licenseId // 'LicenseRef-llama-3.2-community'
 */
export { resolveBaseModel, type BaseResolution } from './lineage.js'
/** Errors licit expects, each with a stable `code`. */
export { LicitError } from './errors.js'
/** Zod schemas (single source of truth) and their inferred types. */
export * from './schema/index.js'
