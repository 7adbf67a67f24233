// toSarif: the log satisfies SARIF 2.1.0's required fields and constraints, and maps findings faithfully.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { toSarif, toSarifLog } from '../../src/report/sarif.js'
import { auditReport, fileReport } from './fixtures.js'

// The required properties and value constraints of the SARIF 2.1.0 JSON schema (sarif-schema-2.1.0.json) for
// the objects licit emits: sarifLog{version, runs}, run{tool}, tool{driver}, toolComponent{name},
// reportingDescriptor{id}, result{message}, message{text|id}, region lines/columns ≥ 1, level enum.
const message = z.object({ text: z.string().optional(), id: z.string().optional() }).refine((m) => m.text !== undefined || m.id !== undefined, 'message needs text or id')
const level = z.enum(['none', 'note', 'warning', 'error'])
const region = z
  .object({
    startLine: z.number().int().min(1),
    startColumn: z.number().int().min(1).optional(),
    endLine: z.number().int().min(1).optional(),
    endColumn: z.number().int().min(1).optional(),
    charOffset: z.number().int().min(-1).optional(),
    charLength: z.number().int().min(0).optional(),
  })
  .refine((r) => r.endLine === undefined || r.endLine >= r.startLine, 'endLine before startLine')
const artifactLocation = z.object({ uri: z.string().refine((u) => !/[\s\\]/.test(u), 'uri must be a URI reference (no spaces or backslashes)'), uriBaseId: z.string().optional() })
const result = z.object({
  ruleId: z.string().optional(),
  ruleIndex: z.number().int().min(-1).optional(),
  level: level.optional(),
  message,
  locations: z.array(z.object({ physicalLocation: z.object({ artifactLocation, region: region.optional() }) })).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
})
const reportingDescriptor = z.object({ id: z.string(), name: z.string().optional(), shortDescription: message.optional(), defaultConfiguration: z.object({ level }).optional() })
const SarifSchema = z.object({
  $schema: z.string().optional(),
  version: z.literal('2.1.0'),
  runs: z.array(
    z.object({
      tool: z.object({ driver: z.object({ name: z.string(), version: z.string().optional(), informationUri: z.string().optional(), rules: z.array(reportingDescriptor).optional() }) }),
      originalUriBaseIds: z.record(z.string(), z.object({ uri: z.string() })).optional(),
      results: z.array(result).optional(),
    }),
  ),
})

describe('toSarif', () => {
  const log = toSarifLog(auditReport)
  const run = log.runs[0]

  it('satisfies the SARIF 2.1.0 required fields, for audits and for files', () => {
    expect(() => SarifSchema.parse(JSON.parse(toSarif(auditReport)))).not.toThrow()
    expect(() => SarifSchema.parse(JSON.parse(toSarif([fileReport])))).not.toThrow()
    expect(() => SarifSchema.parse(JSON.parse(toSarif(fileReport)))).not.toThrow()
  })

  it('has one rule per rule id, and every result points at its rule', () => {
    const ids = run.tool.driver.rules.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(['user-threshold', 'lineage-permissive-declaration', 'policy-deny', 'symlink-outside-root'])
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId)
    expect(run.tool.driver.name).toBe('licit')
  })

  it('maps severity to level (info → note) and raises policy violations to error', () => {
    const levels = run.results.map((r) => `${r.ruleId}:${r.level}`)
    // The base's user-count restriction is a fail-on violation; the derivative's inherited copy is not listed as one.
    expect(levels).toEqual(['user-threshold:error', 'user-threshold:warning', 'lineage-permissive-declaration:error', 'policy-deny:error', 'symlink-outside-root:note'])
    expect(run.results[0].properties).toMatchObject({ violation: true, kind: 'user-count', package: 'org/base' })
    expect(run.results[1].properties?.parameters).toEqual({ threshold: 700000000, inheritedFrom: ['org/base'] })
  })

  it('locates results relative to the root, with regions from positions', () => {
    expect(run.originalUriBaseIds).toEqual({ ROOT: { uri: 'file:///srv/models%20tree/' } })
    expect(run.results[2].locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'jane__tuned/README.md', uriBaseId: 'ROOT' }, region: { startLine: 2, startColumn: 10, endLine: 2, endColumn: 13, charOffset: 13, charLength: 3 } } },
    ])
    // A deny violation has no position: it points at the package's declaration file.
    expect(run.results[3].locations?.[0].physicalLocation).toEqual({ artifactLocation: { uri: 'jane__tuned/README.md', uriBaseId: 'ROOT' } })
  })

  it('percent-encodes file paths and keeps them relative for file reports', () => {
    const fileRun = toSarifLog(fileReport).runs[0]
    expect(fileRun.originalUriBaseIds).toBeUndefined()
    expect(fileRun.results.map((r) => r.locations?.[0].physicalLocation.artifactLocation.uri)).toEqual(['models/a%20b/LICENSE', 'models/a%20b/LICENSE'])
    expect(fileRun.results.map((r) => r.level)).toEqual(['warning', 'note'])
  })

  it('takes the tool version from options', () => {
    expect(toSarifLog(fileReport, { toolVersion: '9.9.9' }).runs[0].tool.driver.version).toBe('9.9.9')
  })
})
