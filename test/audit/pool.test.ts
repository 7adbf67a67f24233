// The analyzer pool: worker threads give the same reports as in-process analysis.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { analyzeFile } from '../../src/audit/files.js'
import { createAnalyzer } from '../../src/audit/pool.js'

const tmp = mkdtempSync(join(tmpdir(), 'licit-pool-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))
const ids = ['MIT', 'ISC', 'Apache-2.0', 'BSD-2-Clause', 'Zlib']
const files = Array.from({ length: 120 }, (_, i) => {
  const abs = join(tmp, `LICENSE-${i}`)
  writeFileSync(abs, i % 40 === 7 ? new Uint8Array([0, 1, 2]) : `SPDX-License-Identifier: ${ids[i % ids.length]}\n`)
  return { abs, rel: `LICENSE-${i}`, maxSize: 1000, keepText: i % 2 === 0 }
})

describe('createAnalyzer', () => {
  it('runs in process with 0 workers', async () => {
    const a = createAnalyzer(0)
    expect((await a.analyze(files[0])).report.expression).toBe('MIT')
    expect(a.threads).toBe(0)
    await a.close()
  })

  it('starts workers after the warm-up and returns the same reports, texts only when asked', async () => {
    const a = createAnalyzer(2)
    const results = await Promise.all(files.map((f) => a.analyze(f)))
    expect(a.threads).toBe(2)
    await a.close()
    for (let i = 0; i < files.length; i++) {
      const expected = await analyzeFile(files[i].abs, files[i].rel, 1000)
      expect(results[i].report).toEqual(expected.report)
      expect(results[i].skipped).toBe(expected.skipped)
      if (!results[i].skipped && i >= 48) expect(results[i].text !== undefined).toBe(files[i].keepText)
    }
    expect(results.filter((r) => r.skipped).map((r) => r.report.kind)).toEqual(['binary', 'binary', 'binary'])
  })
})
