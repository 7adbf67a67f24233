// The published JSON Schemas (schema/*.schema.json) are current with the zod schemas they are generated from.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildSchemas } from '../../scripts/schema.js'

describe('schema/*.schema.json', () => {
  const built = buildSchemas()
  it.each(Object.keys(built))('%s is up to date (regenerate with `npx tsx scripts/schema.ts`)', (name) => {
    expect(readFileSync(join(import.meta.dirname, '..', '..', 'schema', name), 'utf8')).toBe(built[name])
  })

  it('describes the report shapes with named definitions', () => {
    const audit = JSON.parse(built['audit-report.schema.json'])
    expect(audit.required).toEqual(expect.arrayContaining(['schemaVersion', 'root', 'packages', 'violations', 'summary']))
    expect(Object.keys(audit.$defs)).toEqual(expect.arrayContaining(['PackageReport', 'Position', 'RestrictionKind', 'Violation']))
    expect(Object.keys(audit.$defs).some((k) => k.startsWith('__'))).toBe(false)
  })
})
