// analyzeModelCard: declared license, lineage, governing license, mismatches, evidence into the original card.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyzeModelCard } from '../src/analyze-card.js'
import { restrictionsFromLicense } from '../src/detect/index.js'
import { FileReportSchema, type FileReport } from '../src/schema/index.js'

const card = (name: string) => readFileSync(new URL(`./fixtures/model-cards/${name}`, import.meta.url), 'utf8')

/** Every evidence (findings, declaration, base models) quotes the original card exactly. */
function expectEvidenceIsSlice(source: string, r: FileReport) {
  const all = [
    ...r.licenses.flatMap((f) => f.evidence),
    ...r.restrictions.flatMap((f) => f.evidence),
    ...(r.declared?.evidence ?? []),
    ...(r.baseModels ?? []).flatMap((b) => b.evidence),
  ]
  for (const ev of all) expect(source.slice(ev.position.start.offset, ev.position.end.offset)).toBe(ev.text)
  expect(FileReportSchema.safeParse(r).success).toBe(true)
}

const rules = (r: FileReport) => r.diagnostics.map((d) => d.ruleId)

describe('analyzeModelCard', () => {
  it('reads a consistent card: declared Hub id and a resolvable base agree', () => {
    const src = card('valid-llama.md')
    const r = analyzeModelCard(src, 'README.md')
    expect(r.kind).toBe('model-card')
    expect(r.expression).toBe('LicenseRef-llama-3.1-community')
    expect(r.declared).toMatchObject({ expression: 'LicenseRef-llama-3.1-community', raw: 'llama3.1' })
    expect(r.declared?.evidence[0].position.start).toEqual({ line: 4, column: 10, offset: src.indexOf('llama3.1') })
    expect(r.baseModels).toEqual([
      expect.objectContaining({ id: 'meta-llama/Llama-3.1-8B-Instruct', relation: 'quantized', licenseId: 'LicenseRef-llama-3.1-community' }),
    ])
    expect(r.licenses.map((l) => l.matcher)).toEqual(expect.arrayContaining(['declared', 'lineage']))
    expect(rules(r)).not.toContain('declared-license-mismatch')
    expectEvidenceIsSlice(src, r)
  })

  it('flags license laundering: a permissive declaration on a Gemma fine-tune is an error', () => {
    const src = card('laundering.md')
    const r = analyzeModelCard(src)
    expect(r.expression).toMatch(/^LicenseRef-gemma-terms-of-use/)
    expect(r.declared?.expression).toBe('MIT')
    const mismatch = r.diagnostics.find((d) => d.ruleId === 'declared-license-mismatch')
    expect(mismatch?.severity).toBe('error')
    expect(mismatch?.position?.start.line).toBe(2)
    expect(mismatch?.note).toMatch(/declared: MIT at 2:10; governing: LicenseRef-gemma-terms-of-use.* at 3:13/)
    expect(r.counts.errors).toBeGreaterThanOrEqual(1)
    expectEvidenceIsSlice(src, r)
  })

  it('keeps a stricter declaration alongside the inherited license, with a warning', () => {
    const src = card('statement.md')
    const r = analyzeModelCard(src)
    expect(r.expression).toBe('CC-BY-NC-4.0 AND LicenseRef-llama-2-community')
    const lineage = r.licenses.find((l) => l.matcher === 'lineage')
    expect(lineage?.evidence[0].text).toBe('based on Llama 2')
    expect(r.diagnostics.find((d) => d.ruleId === 'declared-license-mismatch')?.severity).toBe('warning')
    // The base itself cannot be resolved offline: said so, not guessed.
    expect(r.diagnostics.find((d) => d.ruleId === 'unresolved-base-model')?.severity).toBe('info')
    expectEvidenceIsSlice(src, r)
  })

  it('reads list-valued base_model as a merge and reports the base it cannot resolve', () => {
    const src = card('merge-list.md')
    const r = analyzeModelCard(src)
    expect(r.baseModels?.map((b) => [b.id, b.relation])).toEqual([
      ['google/gemma-2-9b-it', 'merge'],
      ['example-org/plain-merge-helper', 'merge'],
    ])
    expect(r.baseModels?.[1].licenseId).toBeUndefined()
    expect(r.expression).toMatch(/^LicenseRef-gemma-terms-of-use/)
    const unresolved = r.diagnostics.find((d) => d.ruleId === 'unresolved-base-model')
    expect(unresolved?.position?.start.line).toBe(4)
    expectEvidenceIsSlice(src, r)
  })

  it('resolves license: other through license_name', () => {
    const src = card('other-license.md')
    const r = analyzeModelCard(src)
    expect(r.expression).toBe('LicenseRef-tongyi-qianwen-research')
    expect(r.declared?.raw).toBe('other / tongyi-qianwen-research')
    expect(r.declared?.evidence.map((e) => e.text)).toEqual(['other', 'tongyi-qianwen-research', 'https://example.org/LICENSE'])
    expectEvidenceIsSlice(src, r)
  })

  it('reports broken YAML with a position and still reads what it can', () => {
    const src = card('broken-front-matter.md')
    const r = analyzeModelCard(src)
    const d = r.diagnostics.find((x) => x.ruleId === 'invalid-front-matter')
    expect(d).toMatchObject({ severity: 'warning', fatal: false })
    expect(d?.position?.start.line).toBeGreaterThanOrEqual(3)
    expect(d?.position?.start.line).toBeLessThanOrEqual(5)
    expect(r.declared?.expression).toBe('Apache-2.0')
    expect(r.expression).toBe('Apache-2.0')
    expectEvidenceIsSlice(src, r)
  })

  it('reports an unclosed front matter fence', () => {
    const src = '---\nlicense: mit\n\n# Title\n'
    const r = analyzeModelCard(src)
    expect(rules(r)).toContain('invalid-front-matter')
    expectEvidenceIsSlice(src, r)
  })

  it('accepts blank lines before the front matter', () => {
    const src = card('leading-blank.md')
    const r = analyzeModelCard(src)
    expect(r.expression).toBe('MIT')
    expect(r.declared?.evidence[0].position.start.line).toBe(3)
  })

  it('treats a template placeholder as no declaration and an unknown base as unresolved', () => {
    const src = card('placeholder.md')
    const r = analyzeModelCard(src)
    expect(r.declared).toBeUndefined()
    expect(rules(r)).toEqual(expect.arrayContaining(['placeholder-license', 'unresolved-base-model']))
    expect(r.expression).toBe('NOASSERTION')
    expect(r.baseModels?.[0].relation).toBe('adapter')
  })

  it('detects restrictions in gated-access text with evidence mapped into the escaped YAML', () => {
    const src = card('gated.md')
    const r = analyzeModelCard(src)
    const fou = r.restrictions.find((x) => x.kind === 'field-of-use')
    expect(fou).toBeDefined()
    expect(fou?.evidence[0].position.start.line).toBe(4)
    expect(fou?.evidence[0].text).toContain('military')
    expectEvidenceIsSlice(src, r)
  })

  it('infers a base license from a family name, and says it was inferred', () => {
    const src = '---\nlicense: apache-2.0\nbase_model: someone/Meta-Llama-3.1-8B-bnb-4bit\n---\n# Fine-tune\n'
    const r = analyzeModelCard(src)
    expect(r.expression).toBe('LicenseRef-llama-3.1-community')
    expect(rules(r)).toEqual(expect.arrayContaining(['inferred-base-model', 'declared-license-mismatch']))
    const lineage = r.licenses.find((l) => l.matcher === 'lineage')
    expect(lineage?.confidence).toBeLessThan(0.95)
  })

  it('does not let a permissive base override a different declaration on new work', () => {
    const src = '---\nlicense: cc-by-4.0\nbase_model: org/some-model\n---\n'
    const r = analyzeModelCard(src)
    expect(r.expression).toBe('CC-BY-4.0')
  })

  it('reads a license from the body when there is no front matter', () => {
    const src = '# Model Card\n\n## Model Details\n\nA small model.\n\n## License\n\nSPDX-License-Identifier: Apache-2.0\n'
    const r = analyzeModelCard(src, 'MODEL_CARD.md')
    expect(r.expression).toBe('Apache-2.0')
    // The license section is the card's declaration when there is no front matter.
    expect(r.declared?.expression).toBe('Apache-2.0')
    expect(r.declared?.evidence[0].position.start.line).toBe(9)
    expectEvidenceIsSlice(src, r)
  })

  it('prefers the license section over other mentions in a card without front matter', () => {
    const src = '# Model Card\n\n## Model Details\n\nTrained on a corpus under CC-BY-4.0 terms (SPDX-License-Identifier: CC-BY-4.0).\n\n**License:** SPDX-License-Identifier: MIT\n'
    const r = analyzeModelCard(src, 'MODEL_CARD.md')
    expect(r.expression).toBe('MIT')
    expect(r.licenses.map((l) => l.licenseId)).toEqual(expect.arrayContaining(['CC-BY-4.0', 'MIT']))
  })

  it('takes the base from a quantizer statement when there is no base_model key', () => {
    const src = '---\nlicense: apache-2.0\n---\n# Some quants\n\nThis is a quantized version of [someone/Llama-3.2-1B-Tuned](https://huggingface.co/someone/Llama-3.2-1B-Tuned).\n'
    const r = analyzeModelCard(src)
    expect(r.baseModels).toEqual([expect.objectContaining({ id: 'someone/Llama-3.2-1B-Tuned', relation: 'quantized', licenseId: 'LicenseRef-llama-3.2-community' })])
    expect(r.baseModels?.[0].evidence[0].position.start.line).toBe(6)
    expect(r.expression).toBe('LicenseRef-llama-3.2-community')
    expectEvidenceIsSlice(src, r)
  })

  it('resolves an unknown direct base through the Hub base_model tags', () => {
    const src = '---\nbase_model: someone/secret-tune\ntags:\n- base_model:finetune:google/gemma-2-2b-it\n---\n'
    const r = analyzeModelCard(src)
    expect(r.baseModels?.[0]).toMatchObject({ id: 'someone/secret-tune' })
    expect(r.baseModels?.[0].licenseId).toMatch(/^LicenseRef-gemma-terms-of-use/)
    expect(r.expression).toMatch(/^LicenseRef-gemma-terms-of-use/)
  })

  it('reads an unknown license: other from its license section only', () => {
    const elsewhere = analyzeModelCard('---\nlicense: other\nlicense_name: my-own\n---\n# x\n\nData notes (SPDX-License-Identifier: CC-BY-4.0).\n')
    expect(elsewhere.expression).toBe('NOASSERTION')
    expect(elsewhere.diagnostics.map((d) => d.ruleId)).toContain('unknown-declared-license')
    const section = analyzeModelCard('---\nlicense: other\nlicense_name: my-own\n---\n# x\n\n## License\n\nSPDX-License-Identifier: MIT\n')
    expect(section.expression).toBe('MIT')
  })

  it('carries the governing license restrictions, with evidence at the base model that imposes them', () => {
    const src = card('laundering.md')
    const r = analyzeModelCard(src)
    const governing = r.expression
    const facts = restrictionsFromLicense(governing, [], { textPresent: false })
    for (const f of facts) {
      const got = r.restrictions.find((x) => x.kind === f.kind && x.licenseId === f.licenseId)
      expect(got, f.kind).toBeDefined()
      expect(got!.evidence.map((e) => e.text)).toContain('google/gemma-2-2b-it')
    }
    // Nothing of the MIT declaration binds.
    expect(r.restrictions.some((x) => x.licenseId === 'MIT')).toBe(false)
  })

  it('never throws on hostile cards', () => {
    const odd = ['---\n---\n', '---\n: :\n- - -\n---\n', '---\nlicense: [[[[\n---', '---\nbase_model: {a: 1}\nlicense: 42\n---\n', '\uFEFF---\nlicense: mit\r\n---\r\n', '---\nlicense:\n' + '  - x\n'.repeat(2000) + '---\n']
    for (const src of odd) expectEvidenceIsSlice(src, analyzeModelCard(src))
  })
})
