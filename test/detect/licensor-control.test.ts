import { describe } from 'vitest'
import { licensorControl } from '../../src/detect/licensor-control.js'
import { ruleTester } from './rule-tester.js'

describe('licensor-control', () => {
  ruleTester(licensorControl, {
    valid: [
      'This is a revocable license.',
      'The Licensor may terminate this Agreement if you are in breach of any of its terms.',
      'You may terminate this license at any time by deleting all copies.',
      'The Foundation may publish revised and/or new versions of this License from time to time.',
      'The most recent copy of this policy can be found at https://example.com/policy.',
      'We may update the Model from time to time; you should use the latest version.',
      'No terms of this license can be modified except in a writing signed by both parties.',
    ],
    invalid: [
      {
        code: 'The Licensor may remotely disable or restrict use of the Model that it believes breaks this License.',
        parameters: { mechanism: 'remote-restriction' },
      },
      {
        code: 'If you circumvent any safety guardrail built into the Model, this license terminates automatically.',
        parameters: { mechanism: 'guardrail' },
      },
      {
        code: 'Acme may terminate this Agreement at any time, for any reason, upon written notice to you.',
        parameters: { mechanism: 'termination-at-will' },
      },
      {
        code: 'Acme reserves the right to amend these terms from time to time. The Usage Policy may be updated at any time.',
        parameters: { mechanism: 'unilateral-changes' },
      },
      {
        code: '“Policy” means the Acme content policy at https://acme.example/policy, as updated from time to time. Acme may terminate this Agreement at any time upon notice.',
        parameters: { mechanism: 'termination-at-will' },
      },
    ],
  })
})
