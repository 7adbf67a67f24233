// Hand-built reports shared by the formatter tests (no classifier involved, so they test formatting only).
import type { AuditReport, FileReport } from '../../src/schema/index.js'

const pos = (line: number, c1: number, c2: number, offset: number) => ({ start: { line, column: c1, offset }, end: { line, column: c2, offset: offset + c2 - c1 } })

export const fileReport: FileReport = {
  schemaVersion: 1,
  path: 'models/a b/LICENSE',
  kind: 'license',
  expression: 'LicenseRef-llama-3.1-community',
  declared: { expression: 'MIT', raw: 'mit', evidence: [{ position: pos(2, 10, 13, 13), text: 'mit' }] },
  licenses: [
    { licenseId: 'LicenseRef-llama-3.1-community', confidence: 0.97, matcher: 'dice', evidence: [{ position: pos(1, 1, 40, 0), text: 'x' }, { position: pos(90, 1, 20, 5000), text: 'y' }], candidates: [{ licenseId: 'LicenseRef-llama-3-community', confidence: 0.9 }] },
  ],
  restrictions: [
    {
      ruleId: 'user-threshold',
      source: 'licit',
      severity: 'warning',
      reason: 'Rights end above 700 million monthly active users',
      kind: 'user-count',
      licenseId: 'LicenseRef-llama-3.1-community',
      parameters: { threshold: 700000000 },
      position: pos(30, 5, 60, 2000),
      evidence: [{ position: pos(30, 5, 60, 2000), text: 'z' }],
    },
  ],
  diagnostics: [{ ruleId: 'low-confidence', source: 'licit', severity: 'info', reason: 'Closest reference only at 0.97' }],
  counts: { licenses: 1, restrictions: 1, errors: 0, warnings: 1, infos: 1, fatal: 0 },
}

export const auditReport: AuditReport = {
  schemaVersion: 1,
  root: '/srv/models tree',
  policy: { failOn: ['user-count'] },
  packages: [
    {
      name: 'org/base',
      dir: 'org__base',
      type: 'model',
      expression: 'LicenseRef-llama-3.1-community',
      licenses: ['LicenseRef-llama-3.1-community'],
      restrictions: [{ ...fileReport.restrictions[0], path: 'org__base/LICENSE' }],
      mismatches: [],
      diagnostics: [],
      files: [{ ...fileReport, path: 'org__base/LICENSE', diagnostics: [] }],
    },
    {
      name: 'jane/tuned',
      version: '1.0',
      dir: 'jane__tuned',
      type: 'model',
      declared: { expression: 'MIT', raw: 'mit', evidence: [{ position: pos(2, 10, 13, 13), text: 'mit' }], path: 'jane__tuned/README.md' },
      expression: 'MIT AND LicenseRef-llama-3.1-community',
      licenses: ['MIT', 'LicenseRef-llama-3.1-community'],
      restrictions: [{ ...fileReport.restrictions[0], path: 'org__base/LICENSE', parameters: { threshold: 700000000, inheritedFrom: ['org/base'] } }],
      mismatches: [
        {
          ruleId: 'lineage-permissive-declaration',
          source: 'licit',
          severity: 'error',
          reason: 'Declares MIT, which is more permissive than LicenseRef-llama-3.1-community, inherited from its base model org/base',
          declared: 'MIT',
          found: 'LicenseRef-llama-3.1-community',
          path: 'jane__tuned/README.md',
          position: pos(2, 10, 13, 13),
        },
      ],
      lineage: [{ id: 'org/base', dir: 'org__base', expression: 'LicenseRef-llama-3.1-community' }],
      diagnostics: [],
      files: [],
    },
  ],
  violations: [
    { ruleId: 'policy-fail-on', source: 'licit', severity: 'error', reason: 'org/base: Rights end above 700 million monthly active users', package: 'org__base', kind: 'user-count', licenseId: 'LicenseRef-llama-3.1-community', path: 'org__base/LICENSE' },
    { ruleId: 'policy-deny', source: 'licit', severity: 'error', reason: 'jane/tuned@1.0 is licensed under MIT, which the policy denies', package: 'jane__tuned', licenseId: 'MIT' },
  ],
  diagnostics: [{ ruleId: 'symlink-outside-root', source: 'licit', severity: 'info', reason: 'The symbolic link points outside the root', path: 'out' }],
  summary: { files: 10, directories: 3, analyzed: 3, skipped: 0, packages: 2, expressions: { 'LicenseRef-llama-3.1-community': 1, 'MIT AND LicenseRef-llama-3.1-community': 1 }, restrictions: { 'user-count': 2 }, mismatches: 1, violations: 2, errors: 1, warnings: 2, infos: 1, durationMs: 1234 },
}
