import { describe } from 'vitest'
import { territorial } from '../../src/detect/territorial.js'
import { ruleTester } from './rule-tester.js'

describe('territory-exclusion', () => {
  ruleTester(territorial, {
    valid: [
      'You must not export the Software to Cuba, Iran, North Korea or Syria in violation of sanctions.',
      'This Agreement is governed by the laws of the People’s Republic of China.',
      '“Laws” means the laws of mainland China (excluding Hong Kong, Macau and Taiwan).',
      'Acme Ireland Limited (if you are located in the EEA or Switzerland) or Acme Inc. (if you are located outside of the EEA) is the licensor.',
      'The Territory means the whole world.',
    ],
    invalid: [
      {
        code: '“Territory” means worldwide, excluding the European Union and the United Kingdom.',
        parameters: { excluded: ['EU', 'GB'] },
      },
      {
        code: 'The licence in Section 2 is not granted to you if you are a company established in, or an individual resident in, Canada.',
        parameters: { excluded: ['CA'] },
      },
      {
        code: 'You may not use or deploy the Model in Brazil or India.',
        parameters: { excluded: ['BR', 'IN'] },
      },
    ],
  })
})
