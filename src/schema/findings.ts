// Result shapes: license findings, restriction findings, diagnostics and the per-file report.
import { z } from 'zod'
import { EvidenceSchema, PositionSchema } from './position.js'

export const SeveritySchema = z.enum(['error', 'warning', 'info'])
export type Severity = z.infer<typeof SeveritySchema>

/** The closed set of restriction kinds (definitions: RESTRICTIONS.md of the evaluation set). */
export const RestrictionKindSchema = z.enum([
  'field-of-use',
  'user-count',
  'revenue-threshold',
  'output-training',
  'non-commercial',
  'territorial',
  'naming-attribution',
  'flow-down',
  'licensor-control',
])
export type RestrictionKind = z.infer<typeof RestrictionKindSchema>

/** How a license finding was obtained, cheapest first. */
export const MatcherSchema = z.enum([
  'exact', // normalized text hash equals a reference
  'spdx-tag', // SPDX-License-Identifier line or an SPDX expression
  'declared', // a manifest field or model-card front matter (`license:`)
  'reference', // a notice, a license name or URL mention
  'header', // an official license header / standard notice text
  'dice', // full-text similarity (n-gram Dice + containment)
  'lineage', // inherited through base_model
])
export type Matcher = z.infer<typeof MatcherSchema>

export const CandidateSchema = z.object({
  licenseId: z.string(),
  confidence: z.number().min(0).max(1),
})
export type Candidate = z.infer<typeof CandidateSchema>

export const LicenseFindingSchema = z.object({
  /** Canonical id: SPDX id, or `LicenseRef-<id>`, or `LicenseRef-<group>` when only the family is known. */
  licenseId: z.string(),
  /** SPDX expression this finding stands for when it is more than one id (an `OR`, a `WITH`). */
  expression: z.string().optional(),
  /** Human name of the license, when known. */
  name: z.string().optional(),
  confidence: z.number().min(0).max(1),
  matcher: MatcherSchema,
  evidence: z.array(EvidenceSchema),
  /** Nearest other references with their scores, when the match was not certain. */
  candidates: z.array(CandidateSchema).optional(),
})
export type LicenseFinding = z.infer<typeof LicenseFindingSchema>

/** Message shape shared with ESLint `LintMessage` and vfile-message. */
const messageShape = {
  ruleId: z.string(),
  source: z.string(),
  severity: SeveritySchema,
  reason: z.string(),
  position: PositionSchema.optional(),
  fatal: z.boolean().optional(),
  note: z.string().optional(),
  url: z.string().optional(),
}

export const RestrictionFindingSchema = z.object({
  ...messageShape,
  kind: RestrictionKindSchema,
  licenseId: z.string().optional(),
  /** Kind-specific parameters, e.g. `{threshold: 700000000, metric: 'monthly-active-users'}`. */
  parameters: z.record(z.string(), z.unknown()),
  evidence: z.array(EvidenceSchema),
})
export type RestrictionFinding = z.infer<typeof RestrictionFindingSchema>

export const DiagnosticSchema = z.object(messageShape)
export type Diagnostic = z.infer<typeof DiagnosticSchema>

export const FileKindSchema = z.enum(['license', 'model-card', 'package-json', 'manifest', 'source', 'text', 'binary'])
export type FileKind = z.infer<typeof FileKindSchema>

export const CountsSchema = z.object({
  licenses: z.number().int(),
  restrictions: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  infos: z.number().int(),
  fatal: z.number().int(),
})
export type Counts = z.infer<typeof CountsSchema>

/** What a model card or manifest says about itself. */
export const DeclarationSchema = z.object({
  /** The declared SPDX expression (canonical ids), or NONE / NOASSERTION. */
  expression: z.string(),
  /** The raw declared value as written (`llama3.1`, `other / tongyi-qianwen-research`, ...). */
  raw: z.string().optional(),
  evidence: z.array(EvidenceSchema),
})
export type Declaration = z.infer<typeof DeclarationSchema>

export const BaseModelSchema = z.object({
  id: z.string(),
  relation: z.string().optional(),
  /** The license the base resolves to offline, when it does. */
  licenseId: z.string().optional(),
  evidence: z.array(EvidenceSchema),
})
export type BaseModel = z.infer<typeof BaseModelSchema>

export const FileReportSchema = z.object({
  schemaVersion: z.literal(1),
  path: z.string().optional(),
  kind: FileKindSchema,
  /** The governing SPDX expression over canonical ids, or `NONE` / `NOASSERTION`. */
  expression: z.string(),
  /** What the file declares (model card `license:`, package.json `license`), when it declares anything. */
  declared: DeclarationSchema.optional(),
  baseModels: z.array(BaseModelSchema).optional(),
  licenses: z.array(LicenseFindingSchema),
  restrictions: z.array(RestrictionFindingSchema),
  diagnostics: z.array(DiagnosticSchema),
  counts: CountsSchema,
})
export type FileReport = z.infer<typeof FileReportSchema>
