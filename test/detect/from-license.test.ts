import { describe, expect, it } from 'vitest'
import { restrictionsFromLicense } from '../../src/detect/index.js'
import { RestrictionFindingSchema } from '../../src/schema/index.js'
import { createLineIndex } from '../../src/text/index.js'

const source = 'license: llama3.2'
const evidence = [createLineIndex(source).evidence(9, 17)]

describe('restrictionsFromLicense', () => {
  it('reports every known fact when the file only references the license', () => {
    const found = restrictionsFromLicense('LicenseRef-llama-3.2-community', evidence)
    const kinds = found.map((f) => f.kind)
    expect(kinds).toContain('user-count')
    expect(kinds).toContain('field-of-use')
    expect(found.find((f) => f.kind === 'user-count')?.parameters).toEqual({ threshold: 700000000, metric: 'monthly-active-users' })
    for (const f of found) {
      RestrictionFindingSchema.parse(f)
      expect(f.licenseId).toBe('LicenseRef-llama-3.2-community')
      expect(f.evidence).toEqual(evidence)
    }
  })

  it('reports only what the text incorporates when the text is present', () => {
    const found = restrictionsFromLicense('LicenseRef-llama-2-community', evidence, { textPresent: true })
    expect(found.length).toBeGreaterThan(0)
    for (const f of found) {
      expect(f.parameters.via).toBe('policy')
      expect(f.parameters.policy).toBe('llama-2-acceptable-use-policy')
    }
    expect(found.map((f) => f.kind)).toContain('field-of-use')
    expect(found.map((f) => f.kind)).not.toContain('user-count')
  })

  it('carries a policy’s territorial exclusion in, marked as coming from the policy', () => {
    const found = restrictionsFromLicense('LicenseRef-llama-3.2-community', evidence, { textPresent: true })
    expect(found.find((f) => f.kind === 'territorial')?.parameters).toMatchObject({ excluded: ['EU'], via: 'policy' })
  })

  it('accepts bare ids and is case-insensitive', () => {
    expect(restrictionsFromLicense('llama-3.2-community', evidence).length).toBe(restrictionsFromLicense('LICENSEREF-LLAMA-3.2-COMMUNITY', evidence).length)
  })

  it('reports for a family only the facts all its versions share', () => {
    const group = restrictionsFromLicense('LicenseRef-gemma-terms-of-use', evidence)
    expect(group.map((f) => f.kind)).toContain('flow-down')
    for (const f of group) expect(f.licenseId).toBe('LicenseRef-gemma-terms-of-use')
  })

  it('knows nothing about unknown or fact-free licenses', () => {
    expect(restrictionsFromLicense('LicenseRef-no-such-license', evidence)).toEqual([])
    expect(restrictionsFromLicense('MIT', evidence)).toEqual([])
  })
})
