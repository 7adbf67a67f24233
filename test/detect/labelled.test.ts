// The labelled development set in ../shared/eval/restrictions.jsonl, when it is present (texts are read there,
// never copied). Skipped in a checkout without ../shared.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { detectRestrictions } from '../../src/detect/index.js'
import { createLineIndex } from '../../src/text/index.js'

const shared = join(__dirname, '..', '..', '..', 'shared')
const labelsPath = join(shared, 'eval', 'restrictions.jsonl')
const require = createRequire(import.meta.url)

describe.skipIf(!existsSync(labelsPath))('labelled restriction set', () => {
  it('reaches F1 ≥ 0.95 with every threshold right and evidence on the labelled clause', () => {
    const spdx: Record<string, { licenseText: string }> = require('spdx-license-list/full')
    const labels: { file: string; findings: { kind: string; parameters: Record<string, unknown>; quote: string }[]; absent: string[] }[] =
      readFileSync(labelsPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
    let tp = 0
    let fp = 0
    let fn = 0
    let covered = 0
    let quotes = 0
    const wrongThresholds: string[] = []
    for (const label of labels) {
      const source = label.file.startsWith('spdx:') ? spdx[label.file.slice(5)].licenseText : readFileSync(join(shared, label.file), 'utf8')
      const found = detectRestrictions(source, createLineIndex(source))
      for (const f of label.findings) {
        const got = found.filter((g) => g.kind === f.kind)
        got.length ? tp++ : fn++
        if ('threshold' in f.parameters && !got.some((g) => g.parameters.threshold === f.parameters.threshold)) wrongThresholds.push(`${label.file} ${f.kind}`)
        const at = source.indexOf(f.quote)
        if (at >= 0) {
          quotes++
          if (got.some((g) => g.evidence.some((ev) => ev.position.start.offset < at + f.quote.length && ev.position.end.offset > at))) covered++
        }
      }
      for (const k of label.absent) if (found.some((g) => g.kind === k)) fp++
    }
    const precision = tp / (tp + fp)
    const recall = tp / (tp + fn)
    expect((2 * precision * recall) / (precision + recall)).toBeGreaterThanOrEqual(0.95)
    expect(wrongThresholds).toEqual([])
    expect(covered / quotes).toBeGreaterThanOrEqual(0.95)
  })
})
