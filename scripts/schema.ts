// Writes the published JSON Schemas (schema/*.schema.json) from the zod schemas, the single source of truth.
// Run with `npx tsx scripts/schema.ts`; `--check` exits 1 when a committed file is stale instead of writing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import * as schemas from '../src/schema/index.js'
import { AuditReportSchema, FileReportSchema } from '../src/schema/index.js'

const out = join(import.meta.dirname, '..', 'schema')

/** The JSON Schema documents to publish, by file name. */
export function buildSchemas(): Record<string, string> {
  // Name shared definitions after their exported schema (PositionSchema → $defs.Position) instead of __schema0.
  const registry = z.registry<{ id?: string }>()
  for (const [name, value] of Object.entries(schemas)) {
    if (name.endsWith('Schema') && value instanceof z.ZodType && name !== 'FileReportSchema' && name !== 'AuditReportSchema') registry.add(value, { id: name.slice(0, -'Schema'.length) })
  }
  const doc = (schema: z.ZodType, id: string, title: string) =>
    JSON.stringify({ $id: `https://unpkg.com/licit/schema/${id}`, title, ...z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output', metadata: registry }) }, null, 2) + '\n'
  return {
    'file-report.schema.json': doc(FileReportSchema, 'file-report.schema.json', 'licit FileReport'),
    'audit-report.schema.json': doc(AuditReportSchema, 'audit-report.schema.json', 'licit AuditReport'),
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const check = process.argv.includes('--check')
  let stale = 0
  mkdirSync(out, { recursive: true })
  for (const [name, text] of Object.entries(buildSchemas())) {
    const path = join(out, name)
    const same = existsSync(path) && readFileSync(path, 'utf8') === text
    if (check) {
      if (!same) {
        stale++
        console.error(`stale: schema/${name} (run npx tsx scripts/schema.ts)`)
      }
    } else if (!same) {
      writeFileSync(path, text)
      console.log(`wrote schema/${name}`)
    }
  }
  if (stale) process.exitCode = 1
}
