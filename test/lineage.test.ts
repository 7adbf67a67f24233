// lineage: base models resolved offline, family names, lineage statements, and the governing combination.
import { describe, expect, it } from 'vitest'
import { combineGoverning, findLineageStatements, inferLicenseFromName, resolveBaseModel } from '../src/lineage.js'
import { findBaseStatements } from '../src/read/base-statements.js'

const input = (licenseId: string) => ({ licenseId, evidence: [], from: licenseId })

describe('inferLicenseFromName', () => {
  it.each([
    ['unsloth/Meta-Llama-3.1-8B-bnb-4bit', 'LicenseRef-llama-3.1-community'],
    ['someone/Llama-3.2-1B-Instruct-GGUF', 'LicenseRef-llama-3.2-community'],
    ['x/llama3_8b_finetune', 'LicenseRef-llama-3-community'],
    ['TheBloke/Llama-2-13B-fp16', 'LicenseRef-llama-2-community'],
    ['codellama/CodeLlama-7b-hf', 'LicenseRef-llama-2-community'],
    ['DavidAU/L3.1-Some-Merge-8B', 'LicenseRef-llama-3.1-community'],
    ['x/Llama-4-Scout-17B', 'LicenseRef-llama-4-community'],
    ['soob3123/amoral-gemma3-27B', 'LicenseRef-gemma-terms-of-use'],
    ['google/medgemma-4b-it', 'LicenseRef-health-ai-developer-foundations-terms-of-use'],
  ])('%s → %s', (name, id) => {
    expect(inferLicenseFromName(name)?.licenseId).toBe(id)
  })

  it.each(['TinyLlama/TinyLlama-1.1B', 'openlm-research/open_llama_7b', 'Qwen/Qwen2.5-7B', 'mistralai/Mistral-7B-v0.1', 'x/llama-cpp-tools', 'liuhaotian/llava-v1.5-7b'])(
    'leaves %s unresolved',
    (name) => {
      expect(inferLicenseFromName(name)).toBeUndefined()
    },
  )
})

describe('resolveBaseModel', () => {
  it('says how sure it is', () => {
    const byName = resolveBaseModel('someone/Meta-Llama-3.1-8B')
    expect(byName).toMatchObject({ licenseId: 'LicenseRef-llama-3.1-community' })
    expect(byName.confidence).toBeGreaterThan(0.5)
    const byTag = resolveBaseModel('someone/secret-merge', ['llama-cpp', 'llama 3.1'])
    expect(byTag).toMatchObject({ licenseId: 'LicenseRef-llama-3.1-community', source: 'tag', matched: 'llama 3.1' })
    expect(byTag.confidence).toBeLessThan(byName.confidence)
    expect(resolveBaseModel('someone/secret-merge', ['llama', 'gguf'])).toEqual({ confidence: 0 })
  })
})

describe('findLineageStatements', () => {
  it('finds explicit statements only', () => {
    const text = 'As this model is based on Llama 2, it is also subject to the Meta Llama 2 terms. Its tokenizer resembles Gemma.'
    const found = findLineageStatements(text)
    expect(found.map((f) => [f.licenseId, text.slice(f.start, f.end)])).toEqual([
      ['LicenseRef-llama-2-community', 'based on Llama 2'],
      ['LicenseRef-llama-2-community', 'subject to the Meta Llama 2'],
    ])
  })
})

describe('combineGoverning', () => {
  it('keeps a declaration when nothing is inherited', () => {
    expect(combineGoverning({ expression: 'MIT OR Apache-2.0', ids: [input('MIT'), input('Apache-2.0')] }, [])).toMatchObject({ expression: 'MIT OR Apache-2.0', conflicts: [] })
  })

  it('drops a more permissive declaration and flags laundering', () => {
    const g = combineGoverning({ expression: 'Apache-2.0', ids: [input('Apache-2.0')] }, [input('LicenseRef-llama-3.1-community')])
    expect(g.expression).toBe('LicenseRef-llama-3.1-community')
    expect(g.conflicts).toEqual([expect.objectContaining({ declared: 'Apache-2.0', outcome: 'dropped', laundering: true })])
  })

  it('keeps a stricter declaration next to the inherited license', () => {
    const g = combineGoverning({ expression: 'CC-BY-NC-4.0', ids: [input('CC-BY-NC-4.0')] }, [input('LicenseRef-llama-2-community')])
    expect(g.expression).toBe('CC-BY-NC-4.0 AND LicenseRef-llama-2-community')
    expect(g.conflicts[0]).toMatchObject({ outcome: 'partial', laundering: false })
  })

  it('lets the inherited version win over another version of the same license', () => {
    const g = combineGoverning({ expression: 'LicenseRef-llama-3-community', ids: [input('LicenseRef-llama-3-community')] }, [input('LicenseRef-llama-3.1-community')])
    expect(g.expression).toBe('LicenseRef-llama-3.1-community')
    expect(g.conflicts[0]).toMatchObject({ outcome: 'dropped', laundering: false })
  })

  it('treats a group and its member as the same license, keeping the specific one', () => {
    const g = combineGoverning({ expression: 'LicenseRef-gemma-terms-of-use', ids: [input('LicenseRef-gemma-terms-of-use')] }, [input('LicenseRef-gemma-terms-of-use-2025-03-24')])
    expect(g.expression).toBe('LicenseRef-gemma-terms-of-use-2025-03-24')
    expect(g.conflicts).toEqual([])
  })

  it('drops a policy the governing license incorporates', () => {
    const g = combineGoverning(undefined, [input('LicenseRef-llama-3.1-community'), input('LicenseRef-llama-3.1-acceptable-use-policy')])
    expect(g.expression).toBe('LicenseRef-llama-3.1-community')
  })
})

describe('combineGoverning with policies', () => {
  it('does not count a policy the declared license incorporates as a conflict', () => {
    const g = combineGoverning({ expression: 'LicenseRef-llama-3.2-community', ids: [input('LicenseRef-llama-3.2-community')] }, [input('LicenseRef-llama-3.2-acceptable-use-policy')])
    expect(g.expression).toBe('LicenseRef-llama-3.2-community')
    expect(g.conflicts).toEqual([])
  })
})

describe('findBaseStatements', () => {
  it('finds the model a card says it was made from', () => {
    const text = 'Original model: https://huggingface.co/org/Base-7B\nThis model was converted to GGUF format from [`org/Base-7B`](x) and is a fine-tuned version of [other/Thing-1B](y).'
    expect(findBaseStatements(text).map((s) => [s.id, s.relation, text.slice(s.start, s.end)])).toEqual([
      ['org/Base-7B', 'quantized', 'org/Base-7B'],
      ['other/Thing-1B', 'finetune', 'other/Thing-1B'],
    ])
  })
  it('ignores repository ids without such a statement', () => {
    expect(findBaseStatements('See [org/Base-7B](https://huggingface.co/org/Base-7B) for details.')).toEqual([])
  })
})

describe('lineage statements that keep the declaration', () => {
  it('marks a statement whose sentence says the license applies as well', () => {
    const [also] = findLineageStatements('Being based on Llama 2, it is also under those terms.')
    expect(also.alongside).toBe(true)
    const [only] = findLineageStatements('Trained elsewhere. It is based on Llama 2. Both runs used eight GPUs.')
    expect(only.alongside).toBe(false)
  })

  it('keeps a permissive declaration when the card says both licenses apply', () => {
    const g = combineGoverning({ expression: 'Apache-2.0', ids: [input('Apache-2.0')] }, [{ ...input('LicenseRef-llama-2-community'), alongside: true }])
    expect(g.expression).toBe('Apache-2.0 AND LicenseRef-llama-2-community')
    expect(g.conflicts[0]).toMatchObject({ outcome: 'partial', laundering: false })
  })
})
