// The public API is deliberate: this list changes only when the API does.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as api from '../src/index.js'

const root = join(import.meta.dirname, '..')

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'AuditDiagnosticSchema', 'AuditOptionsSchema', 'AuditReportSchema', 'AuditSummarySchema', 'BaseModelSchema',
      'CandidateSchema', 'CountsSchema', 'DeclarationSchema', 'DiagnosticSchema', 'EvidenceSchema', 'FileKindSchema',
      'FileReportSchema', 'LicenseFindingSchema', 'LicenseMetaSchema', 'LicitError', 'LineageLinkSchema',
      'MatcherSchema', 'MismatchSchema', 'OpennessSchema', 'PackageReportSchema', 'PackageRestrictionSchema',
      'PackageTypeSchema', 'PointSchema', 'PolicySchema', 'PositionSchema', 'RestrictionFactSchema',
      'RestrictionFindingSchema', 'RestrictionKindSchema', 'SeveritySchema', 'ViolationSchema', 'audit', 'classify',
      'correctLicenseId', 'decodeText', 'describeLicense', 'parseLicenseExpression', 'resolveBaseModel', 'toJson',
      'toSarif', 'toStylish',
    ])
  })

  it.skipIf(!existsSync(join(root, 'dist', 'index.cjs')))('is usable from CommonJS (built package)', () => {
    const cjs = createRequire(import.meta.url)(join(root, 'dist', 'index.cjs')) as typeof api
    const r = cjs.classify('SPDX-License-Identifier: MIT', { path: 'x.c' })
    expect(r.expression).toBe('MIT')
    expect(cjs.FileReportSchema.safeParse(r).success).toBe(true)
  })
})
