// Audit shapes: the policy, per-package reports (license files, declared vs found, lineage), violations, summary.
import { z } from 'zod'
import { DeclarationSchema, DiagnosticSchema, FileReportSchema, RestrictionFindingSchema, RestrictionKindSchema } from './findings.js'

/** A policy: which licenses are allowed or denied and which findings fail the audit. Also the `.licitrc.json` format. */
export const PolicySchema = z
  .object({
    /** License ids the project accepts; when set, a package whose expression cannot be satisfied with them is a violation. */
    allow: z.array(z.string()).optional(),
    /** License ids the project refuses; a package whose expression names one (on every choice) is a violation. */
    deny: z.array(z.string()).optional(),
    /** Restriction kinds that are violations whatever their severity (`['output-training', 'user-count']`). */
    failOn: z.array(RestrictionKindSchema).optional(),
    /** Restrictions and mismatches at or above this severity are violations; `off` turns that off. Default `error`. */
    severity: z.enum(['error', 'warning', 'info', 'off']).optional(),
  })
  .strict()
export type Policy = z.infer<typeof PolicySchema>

/** How a package was recognized: an npm package.json, a model folder (card or model license), or a folder with license files. */
export const PackageTypeSchema = z.enum(['npm', 'model', 'folder'])
export type PackageType = z.infer<typeof PackageTypeSchema>

/** A diagnostic raised while walking or reading; `path` is relative to the audit root (POSIX separators). */
export const AuditDiagnosticSchema = DiagnosticSchema.extend({ path: z.string().optional() })
export type AuditDiagnostic = z.infer<typeof AuditDiagnosticSchema>

/** A restriction that binds a package, with the file it was found in. Inherited ones carry `parameters.inheritedFrom`. */
export const PackageRestrictionSchema = RestrictionFindingSchema.extend({ path: z.string().optional() })
export type PackageRestriction = z.infer<typeof PackageRestrictionSchema>

/** A disagreement: the declared license against a license text, or a derivative against what it inherits. */
export const MismatchSchema = DiagnosticSchema.extend({
  /** What the package declares (package.json `license`, card `license:`). */
  declared: z.string(),
  /** What the text (or the base model) says. */
  found: z.string(),
  path: z.string().optional(),
})
export type Mismatch = z.infer<typeof MismatchSchema>

/** One `base_model` link of a model package. */
export const LineageLinkSchema = z.object({
  /** The base id as the card writes it (`meta-llama/Llama-3.1-8B`). */
  id: z.string(),
  relation: z.string().optional(),
  /** The package folder it resolved to inside the audited tree, when it did. */
  dir: z.string().optional(),
  /** The base's governing expression (from the tree, else what the card reader resolved offline). */
  expression: z.string().optional(),
})
export type LineageLink = z.infer<typeof LineageLinkSchema>

export const PackageReportSchema = z.object({
  /** package.json `name`, the card's model name, or the folder name (`org__name` → `org/name`). */
  name: z.string(),
  version: z.string().optional(),
  /** The package folder relative to the root (POSIX separators; `.` for the root itself). */
  dir: z.string(),
  type: PackageTypeSchema,
  /** What the package says about itself, and where. */
  declared: DeclarationSchema.extend({ path: z.string() }).optional(),
  /** The governing SPDX expression: what binds a user of the package, or `NONE` / `NOASSERTION`. */
  expression: z.string(),
  /** Distinct license ids found in the package's files (declared and in texts). */
  licenses: z.array(z.string()),
  restrictions: z.array(PackageRestrictionSchema),
  mismatches: z.array(MismatchSchema),
  /** `base_model` links (model packages only). */
  lineage: z.array(LineageLinkSchema).optional(),
  diagnostics: z.array(AuditDiagnosticSchema),
  /** Reports of the license-relevant files analyzed, paths relative to the root. */
  files: z.array(FileReportSchema),
})
export type PackageReport = z.infer<typeof PackageReportSchema>

/** A policy violation: why the audit fails. */
export const ViolationSchema = DiagnosticSchema.extend({
  /** The package folder (as in `PackageReport.dir`). */
  package: z.string(),
  path: z.string().optional(),
  kind: RestrictionKindSchema.optional(),
  licenseId: z.string().optional(),
})
export type Violation = z.infer<typeof ViolationSchema>

export const AuditSummarySchema = z.object({
  /** Regular files seen by the walker. */
  files: z.number().int(),
  directories: z.number().int(),
  /** Files classified. */
  analyzed: z.number().int(),
  /** License-relevant files skipped (too large, binary, unreadable). */
  skipped: z.number().int(),
  packages: z.number().int(),
  /** Packages per governing expression. */
  expressions: z.record(z.string(), z.number().int()),
  /** Restrictions per kind, over all packages (inherited ones included). */
  restrictions: z.record(z.string(), z.number().int()),
  mismatches: z.number().int(),
  violations: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  infos: z.number().int(),
  durationMs: z.number(),
})
export type AuditSummary = z.infer<typeof AuditSummarySchema>

export const AuditReportSchema = z.object({
  schemaVersion: z.literal(1),
  /** The audited folder as given (resolved to an absolute path). */
  root: z.string(),
  /** The policy applied (options over `.licitrc.json`). */
  policy: PolicySchema,
  packages: z.array(PackageReportSchema),
  violations: z.array(ViolationSchema),
  /** Walk problems outside any package (unreadable folders, symlinks skipped). */
  diagnostics: z.array(AuditDiagnosticSchema),
  summary: AuditSummarySchema,
})
export type AuditReport = z.infer<typeof AuditReportSchema>

/** Progress reported while auditing (for a status line). */
export interface AuditProgress {
  files: number
  directories: number
  analyzed: number
  packages: number
  /** The path being read, relative to the root. */
  path: string
}

export const AuditOptionsSchema = z
  .object({
    /** Follow symbolic links that point outside the root (default `false`; links inside are followed once). */
    followSymlinks: z.boolean().optional(),
    /** Skip license-relevant files larger than this many bytes, with a diagnostic (default 5 MB). */
    maxFileSize: z.number().int().positive().optional(),
    /** How many files or folders are read at once (default 16). */
    concurrency: z.number().int().min(1).max(1024).optional(),
    /** Worker threads that classify files once a tree proves large (default 0: all on the main thread). Each costs ~60 MB. */
    workers: z.number().int().min(0).max(64).optional(),
    /** Classify every text file under a package, not only license-relevant ones (default `false`). */
    allFiles: z.boolean().optional(),
    /** Folder names never entered (default `['.git', '.hg', '.svn']`). */
    ignore: z.array(z.string()).optional(),
    /** Policy; merged over the config file's. */
    policy: PolicySchema.optional(),
    /** A config file path, or `false` for none (default: `<root>/.licitrc.json` when it exists). */
    config: z.union([z.string(), z.literal(false)]).optional(),
    /** Called now and then with walk counts. */
    onProgress: z.custom<(progress: AuditProgress) => void>((v) => typeof v === 'function', 'Expected a function').optional(),
  })
  .strict()
export type AuditOptions = z.infer<typeof AuditOptionsSchema>
