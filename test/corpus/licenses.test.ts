// Tests for licenses/*.yaml (schema, key phrases against ../shared texts) and the runtime accessors over corpus/licenses.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { LicenseMetaSchema, type LicenseMeta } from '../../src/schema/index.js'
import { tokenize } from '../../src/text/index.js'
import {
  allLicenseMeta,
  canonicalIdOf,
  findByHubId,
  findByName,
  findByUrl,
  findGroupByName,
  getLicenseMeta,
  groupMembers,
  groupOf,
  licenseName,
  nameKey,
  opennessOf,
  urlKey,
  resolveModelRepo,
} from '../../src/corpus/licenses.js'
import { buildLicenses, loadLicenseFiles } from '../../scripts/corpus/licenses.js'

const root = join(import.meta.dirname, '..', '..')
const shared = join(root, '..', 'shared')
const textsDir = join(shared, 'license-texts')
const haveTexts = existsSync(join(textsDir, 'manifest.json'))
const licensesDir = join(root, 'licenses')
const yamlFiles = readdirSync(licensesDir).filter((f) => f.endsWith('.yaml'))
const metas: LicenseMeta[] = yamlFiles.map((f) => LicenseMetaSchema.parse(parseYaml(readFileSync(join(licensesDir, f), 'utf8'))))

describe('licenses/*.yaml', () => {
  it.each(yamlFiles)('%s validates against LicenseMetaSchema and is named after its id', (file) => {
    const raw = parseYaml(readFileSync(join(licensesDir, file), 'utf8'))
    const result = LicenseMetaSchema.safeParse(raw)
    expect(result.error?.issues ?? []).toEqual([])
    expect(`${result.data!.id}.yaml`).toBe(file)
  })

  it('loads as a whole without cross-file problems', () => {
    expect(loadLicenseFiles(licensesDir).length).toBe(yamlFiles.length)
  })

  it('keeps aliases, URLs and model patterns unambiguous', () => {
    const seen = new Map<string, string>()
    for (const m of metas) {
      for (const key of [...m.aliases.map((a) => `alias:${nameKey(a)}`), ...m.urls.map((u) => `url:${urlKey(u)}`), ...m.models.map((p) => `model:${p.toLowerCase()}`)]) {
        const prev = seen.get(key)
        expect(prev === undefined || prev === m.id, `${key} in ${prev} and ${m.id}`).toBe(true)
        seen.set(key, m.id)
      }
    }
  })

  it.runIf(haveTexts)('has one file per manifest entry, with its facts', () => {
    const manifest = JSON.parse(readFileSync(join(textsDir, 'manifest.json'), 'utf8')) as {
      id: string
      spdxId: string | null
      hfHubId: string | null
      group: string | null
    }[]
    for (const e of manifest) {
      const meta = metas.find((m) => m.id === e.id)
      expect(meta, e.id).toBeDefined()
      expect(meta!.spdxId ?? null, e.id).toBe(e.spdxId)
      expect(meta!.group ?? null, e.id).toBe(e.group)
      if (e.hfHubId) expect(meta!.hfHubIds, e.id).toContain(e.hfHubId)
    }
  })

  it('states restriction parameters in the documented conventions', () => {
    for (const m of metas) {
      for (const r of m.restrictions) {
        const p = r.parameters
        const where = `${m.id} ${r.kind}`
        if (r.kind === 'user-count' || r.kind === 'revenue-threshold') expect(Number.isInteger(p.threshold), where).toBe(true)
        if (r.kind === 'user-count') expect(['monthly-active-users', 'daily-active-users', 'users', 'monthly-visits'], where).toContain(p.metric)
        if (r.kind === 'revenue-threshold') expect(p.currency, where).toMatch(/^[A-Z]{3}$/)
        if (r.kind === 'field-of-use') expect(['inline', 'policy'], where).toContain(p.via)
        if (r.kind === 'territorial') expect(Array.isArray(p.excluded), where).toBe(true)
        if (r.kind === 'output-training')
          expect(['other-llms', 'foundation-models', 'any-model', 'competing-models', 'derivative-status'], where).toContain(p.scope)
        if (r.kind === 'non-commercial')
          expect(['research-only', 'non-production', 'non-commercial', 'evaluation-only', 'registration-required'], where).toContain(p.scope)
        if (r.kind === 'licensor-control')
          expect(['remote-restriction', 'guardrail', 'termination-at-will', 'unilateral-changes'], where).toContain(p.mechanism)
      }
    }
  })
})

/** Token values of a text, joined by single spaces, with a leading and trailing space for whole-word search. */
function words(text: string): string {
  return ` ${tokenize(text, { keepCopyright: true }).map((t) => t.value).join(' ')} `
}

describe.runIf(haveTexts)('key phrases', () => {
  const texts = new Map<string, string>()
  if (haveTexts) {
    for (const f of readdirSync(textsDir).filter((f) => f.endsWith('.txt'))) {
      texts.set(f.replace(/\.txt$/, ''), readFileSync(join(textsDir, f), 'utf8'))
    }
  }
  const withText = metas.filter((m) => texts.has(m.id) && m.keyPhrases.length)
  const tokenized = new Map([...texts].map(([id, t]) => [id, words(t)]))

  it('exist for every license text in ../shared', () => {
    const missing = [...texts.keys()].filter((id) => !metas.find((m) => m.id === id)?.keyPhrases.length)
    expect(missing).toEqual([])
  })

  it.each(withText.map((m) => [m.id, m] as const))('%s: each phrase is in its own text and in no other', (_id, meta) => {
    for (const phrase of meta.keyPhrases) {
      const needle = words(phrase)
      expect(tokenized.get(meta.id), `"${phrase}" in ${meta.id}`).toContain(needle)
      // A text that incorporates this one (a licence with its policy appended) may repeat its phrases.
      const hosts = new Set(metas.filter((m) => m.incorporates.includes(meta.id)).map((m) => m.id))
      const clones = [...tokenized]
        .filter(([id, t]) => id !== meta.id && !hosts.has(id) && t.includes(needle))
        .map(([id]) => id)
      expect(clones, `"${phrase}" also in`).toEqual([])
    }
  })
})

describe('key phrases of SPDX licenses', () => {
  const full = createRequire(import.meta.url)('spdx-license-list/full') as Record<string, { licenseText: string }>
  const spdxTexts = new Map(Object.entries(full).map(([id, l]) => [id, words(l.licenseText)]))
  const withPhrases = metas.filter((m) => m.spdxId && m.keyPhrases.length && spdxTexts.has(m.spdxId))

  it('cover the Creative Commons NC family and the GNU licenses', () => {
    const ids = withPhrases.map((m) => m.spdxId)
    for (const id of ['CC-BY-NC-4.0', 'CC-BY-NC-SA-4.0', 'CC-BY-NC-ND-4.0', 'CC-BY-NC-3.0', 'GPL-3.0-only', 'AGPL-3.0-only']) {
      expect(ids).toContain(id)
    }
  })

  it.each(withPhrases.map((m) => [m.spdxId!, m] as const))('%s: each phrase is in its SPDX text and in no other', (id, meta) => {
    const own = spdxTexts.get(id)!
    // Texts that embed this one (GPL-2.0 with an exception, the -or-later twin) may repeat its phrases.
    const head = own.split(' ').slice(0, 60).join(' ')
    for (const phrase of meta.keyPhrases) {
      const needle = words(phrase)
      expect(own, `"${phrase}" in ${id}`).toContain(needle)
      const clones = [...spdxTexts]
        .filter(([other, t]) => other !== id && !t.includes(head) && t.includes(needle))
        .map(([other]) => other)
      expect(clones, `"${phrase}" also in`).toEqual([])
    }
  })
})

describe('corpus/licenses.json', () => {
  it.runIf(haveTexts)('is up to date with licenses/', async () => {
    const built = await buildLicenses({ root, shared })
    expect(readFileSync(join(root, 'corpus', 'licenses.json'), 'utf8')).toBe(built['licenses.json'])
  })

  it('holds every YAML entry with its canonical id', () => {
    expect(allLicenseMeta().length).toBe(yamlFiles.length)
    for (const m of allLicenseMeta()) expect(m.canonicalId).toBe(canonicalIdOf(m))
  })
})

describe('accessors', () => {
  it('getLicenseMeta accepts canonical ids, bare ids and SPDX ids in any case', () => {
    expect(getLicenseMeta('LicenseRef-llama-3.1-community')?.id).toBe('llama-3.1-community')
    expect(getLicenseMeta('llama-3.1-community')?.id).toBe('llama-3.1-community')
    expect(getLicenseMeta('licenseref-LLAMA-3.1-community')?.id).toBe('llama-3.1-community')
    expect(getLicenseMeta('cc-by-nc-4.0')?.canonicalId).toBe('CC-BY-NC-4.0')
    expect(getLicenseMeta('LicenseRef-openmdw-1.0')?.canonicalId).toBe('OpenMDW-1.0')
    expect(getLicenseMeta('no-such-license')).toBeUndefined()
  })

  it('canonicalIdOf prefers the SPDX id', () => {
    expect(canonicalIdOf({ id: 'openmdw-1.0', spdxId: 'OpenMDW-1.0' })).toBe('OpenMDW-1.0')
    expect(canonicalIdOf({ id: 'qwen' })).toBe('LicenseRef-qwen')
  })

  it('licenseName covers YAML entries, groups and plain SPDX ids', () => {
    expect(licenseName('LicenseRef-llama-3.1-community')).toBe('Llama 3.1 Community License Agreement')
    expect(licenseName('LicenseRef-gemma-terms-of-use')).toBe('Gemma Terms of Use')
    expect(licenseName('Zlib')).toBe('zlib License')
    expect(licenseName('LicenseRef-nothing')).toBeUndefined()
  })

  it('opennessOf ranks authored entries and falls back to SPDX families', () => {
    expect(opennessOf('MIT')).toBe('permissive')
    expect(opennessOf('CC-BY-NC-4.0')).toBe('non-commercial')
    expect(opennessOf('LicenseRef-llama-3.1-community')).toBe('open-restricted')
    expect(opennessOf('GPL-1.0-or-later')).toBe('copyleft')
    expect(opennessOf('LGPL-2.0-only')).toBe('weak-copyleft')
    expect(opennessOf('MPL-1.1')).toBe('weak-copyleft')
    expect(opennessOf('CC-BY-NC-SA-2.5')).toBe('non-commercial')
    expect(opennessOf('CC-BY-SA-2.0')).toBe('copyleft')
    expect(opennessOf('CC0-1.0')).toBe('public-domain')
    expect(opennessOf('NCSA')).toBe('permissive')
    expect(opennessOf('Spencer-86')).not.toBe('non-commercial')
    expect(opennessOf('LicenseRef-unknown-thing')).toBeUndefined()
  })

  it('findByHubId maps the Hub table', () => {
    expect(findByHubId('apache-2.0')).toEqual({ canonicalId: 'Apache-2.0' })
    expect(findByHubId('agpl-3.0')).toEqual({ canonicalId: 'AGPL-3.0-only' })
    expect(findByHubId('gpl-3.0')).toEqual({ canonicalId: 'GPL-3.0-only' })
    expect(findByHubId('lgpl-2.1')).toEqual({ canonicalId: 'LGPL-2.1-only' })
    expect(findByHubId('cc-by-nc-4.0')).toEqual({ canonicalId: 'CC-BY-NC-4.0' })
    expect(findByHubId('llama2')).toEqual({ canonicalId: 'LicenseRef-llama-2-community' })
    expect(findByHubId('llama3.1')).toEqual({ canonicalId: 'LicenseRef-llama-3.1-community' })
    expect(findByHubId('Gemma')).toEqual({ canonicalId: 'LicenseRef-gemma-terms-of-use' })
    expect(findByHubId('openrail++')).toEqual({ canonicalId: 'LicenseRef-creativeml-openrail-plusplus' })
    expect(findByHubId('openmdw-1.0')).toEqual({ canonicalId: 'OpenMDW-1.0' })
    expect(findByHubId('bsd')).toEqual({ canonicalId: 'NOASSERTION', family: 'bsd' })
    expect(findByHubId('openrail')).toEqual({ canonicalId: 'NOASSERTION', family: 'openrail' })
    expect(findByHubId('other')).toEqual({ canonicalId: null })
    expect(findByHubId('unknown')).toEqual({ canonicalId: null })
    expect(findByHubId('not-a-hub-id')).toBeUndefined()
  })

  it.runIf(haveTexts)('findByHubId knows every id of the Hub table', () => {
    const md = readFileSync(join(shared, 'huggingface', 'repositories-licenses.md'), 'utf8')
    const ids = [...md.matchAll(/\|\s*`([^`]+)`\s*\|/g)].map((m) => m[1])
    expect(ids.length).toBeGreaterThan(80)
    for (const id of ids) expect(findByHubId(id), id).toBeDefined()
  })

  it('findByName ignores case and punctuation', () => {
    expect(findByName('LLAMA 3.1 Community License')?.id).toBe('llama-3.1-community')
    expect(findByName('llama3.1')?.id).toBe('llama-3.1-community')
    expect(findByName('Apache License, Version 2.0')?.id).toBe('Apache-2.0')
    expect(findByName('')).toBeUndefined()
    expect(findByName('tongyi-qianwen-research')?.id).toBe('tongyi-qianwen-research')
    expect(findByName('deepseek-license')?.id).toBe('deepseek-license-1.0')
  })

  it('findByName leaves family names to findGroupByName', () => {
    // "Gemma Terms of Use" is the title of every dated version, so it names the group.
    expect(findByName('Gemma Terms of Use')).toBeUndefined()
    expect(findByName('gemma')).toBeUndefined()
    expect(findGroupByName('Gemma Terms of Use')?.canonicalId).toBe('LicenseRef-gemma-terms-of-use')
    expect(findGroupByName('nvidia-open-model-license')?.canonicalId).toBe('LicenseRef-nvidia-open-model-license')
    expect(findGroupByName('Tencent Hunyuan Community License')?.canonicalId).toBe('LicenseRef-tencent-hunyuan-community')
    expect(findGroupByName('Qwen License')?.canonicalId).toBe('LicenseRef-qwen-license')
    expect(findGroupByName('qwen-research-license')?.members).toContain('LicenseRef-tongyi-qianwen-research')
    expect(findGroupByName('MIT License')).toBeUndefined()
  })

  it('findByUrl ignores scheme, www and trailing slash, and treats Hub raw links like blob links', () => {
    expect(findByUrl('http://www.llama.com/llama3_1/license/')?.id).toBe('llama-3.1-community')
    expect(findByUrl('https://huggingface.co/meta-llama/Llama-3.1-8B/raw/main/LICENSE')?.id).toBe('llama-3.1-community')
    expect(findByUrl('https://example.com/license')).toBeUndefined()
    expect(findByUrl('https://creativecommons.org/licenses/by-nc/4.0/')?.id).toBe('CC-BY-NC-4.0')
  })

  it('findByUrl reads a LICENSE link inside a known base-model repository as that repository\'s license', () => {
    expect(findByUrl('https://huggingface.co/microsoft/Phi-3-mini-128k-instruct/resolve/main/LICENSE')?.id).toBe('MIT')
    expect(findByUrl('https://huggingface.co/Qwen/Qwen2.5-72B-Instruct/blob/main/LICENSE')?.id).toBe('qwen')
    expect(findByUrl('https://huggingface.co/someone/unknown/blob/main/LICENSE')).toBeUndefined()
  })

  it('resolveModelRepo picks the most specific glob', () => {
    expect(resolveModelRepo('meta-llama/Llama-3.1-8B-Instruct')).toEqual({
      licenseId: 'LicenseRef-llama-3.1-community',
      pattern: 'meta-llama/Llama-3.1-*',
    })
    expect(resolveModelRepo('https://huggingface.co/meta-llama/meta-llama-3.1-70b')?.licenseId).toBe('LicenseRef-llama-3.1-community')
    expect(resolveModelRepo('someone/my-model')).toBeUndefined()
    // Qwen2.5: most sizes are Apache-2.0, the 72B model is under the Qwen licence, the 3B under the research one.
    expect(resolveModelRepo('Qwen/Qwen2.5-7B-Instruct')?.licenseId).toBe('Apache-2.0')
    expect(resolveModelRepo('Qwen/Qwen2.5-72B-Instruct')?.licenseId).toBe('LicenseRef-qwen')
    expect(resolveModelRepo('Qwen/Qwen2.5-3B-Instruct')?.licenseId).toBe('LicenseRef-qwen-research')
    expect(resolveModelRepo('Qwen/Qwen2.5-32B')?.licenseId).toBe('Apache-2.0')
    expect(resolveModelRepo('meta-llama/Llama-Guard-3-8B')?.licenseId).toBe('LicenseRef-llama-3.1-community')
    expect(resolveModelRepo('meta-llama/Llama-Guard-3-1B')?.licenseId).toBe('LicenseRef-llama-3.2-community')
    expect(resolveModelRepo('deepseek-ai/DeepSeek-Coder-V2-Lite-Instruct')?.licenseId).toBe('LicenseRef-deepseek-license-1.0')
  })

  it('resolveModelRepo reports the group when every version of it governs the models', () => {
    expect(resolveModelRepo('google/gemma-2-9b-it')).toEqual({
      licenseId: 'LicenseRef-gemma-terms-of-use',
      pattern: 'google/gemma-*',
      versionId: 'LicenseRef-gemma-terms-of-use-2025-03-24',
    })
    expect(resolveModelRepo('google/medgemma-4b-it')?.licenseId).toBe('LicenseRef-health-ai-developer-foundations-terms-of-use')
  })

  it('groupOf and groupMembers follow groups.json', () => {
    expect(groupOf('LicenseRef-gemma-terms-of-use-2024-04-01')?.canonicalId).toBe('LicenseRef-gemma-terms-of-use')
    expect(groupOf('OpenMDW-1.0')?.canonicalId).toBe('LicenseRef-openmdw')
    expect(groupMembers('LicenseRef-openmdw')).toEqual(['OpenMDW-1.0', 'LicenseRef-openmdw-1.1'])
    expect(groupMembers('LicenseRef-qwen-license')).toContain('LicenseRef-qwen')
    expect(groupOf('MIT')).toBeUndefined()
    expect(groupMembers('MIT')).toEqual([])
  })
})
