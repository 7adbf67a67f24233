// toJson: the report round-trips through its schema.
import { describe, expect, it } from 'vitest'
import { toJson } from '../../src/report/json.js'
import { AuditReportSchema, FileReportSchema } from '../../src/schema/index.js'
import { auditReport, fileReport } from './fixtures.js'

describe('toJson', () => {
  it('writes reports that parse back through their schemas', () => {
    expect(AuditReportSchema.parse(JSON.parse(toJson(auditReport)))).toEqual(auditReport)
    expect(FileReportSchema.array().parse(JSON.parse(toJson([fileReport])))).toEqual([fileReport])
  })
  it('indents by default and writes one line when asked, always ending with a newline', () => {
    expect(toJson(fileReport)).toMatch(/^\{\n {2}"schemaVersion": 1,/)
    const compact = toJson(fileReport, { pretty: false })
    expect(compact.trimEnd().split('\n')).toHaveLength(1)
    expect(compact.endsWith('\n')).toBe(true)
  })
  it('rejects something that is not a report', () => {
    expect(() => toJson('MIT' as never)).toThrow(TypeError)
  })
})
