import { describe, expect, it } from 'vitest'
import { describeLicense } from '../src/license-info.js'

describe('describeLicense', () => {
  it('describes an AI-model license with its facts', () => {
    const info = describeLicense('LicenseRef-llama-3.1-community')!
    expect(info.name).toMatch(/Llama 3\.1/)
    expect(info.openness).toBe('open-restricted')
    expect(info.bindsDerivatives).toBe(true)
    expect(info.restrictions.find((r) => r.kind === 'user-count')?.parameters).toMatchObject({ threshold: 700000000 })
    expect(info.incorporates).toContain('LicenseRef-llama-3.1-acceptable-use-policy')
  })

  it('accepts bare ids, SPDX ids in any case and family ids', () => {
    expect(describeLicense('llama-2-community')?.licenseId).toBe('LicenseRef-llama-2-community')
    expect(describeLicense('mit')?.licenseId).toBe('MIT')
    expect(describeLicense('0bsd')?.openness).toBe('permissive')
    expect(describeLicense('LicenseRef-gemma-terms-of-use')?.members?.length).toBeGreaterThanOrEqual(3)
  })

  it('returns undefined for unknown ids and throws on non-strings', () => {
    expect(describeLicense('no-such-license')).toBeUndefined()
    expect(() => describeLicense(3 as unknown as string)).toThrow(TypeError)
  })
})
