import { describe } from 'vitest'
import { namingAttribution } from '../../src/detect/naming-attribution.js'
import { ruleTester } from './rule-tester.js'

describe('naming-attribution', () => {
  ruleTester(namingAttribution, {
    valid: [
      'You must retain the following notice in a "NOTICE" text file: "Model X is licensed under the X License".',
      'You are encouraged to mark your product as “Powered by X” on your website.',
      'If you publish research, you must acknowledge the use of the Model in your publication as follows: "Supported by the X Research License".',
      'You must clearly attribute the source of the Model to the Licensor.',
      'You may display “Made with X” on your website if you wish.',
    ],
    invalid: [
      {
        code: 'Any product that uses the Model shall prominently display “Built on Zeta” on its website or user interface.',
        parameters: { display: 'Built on Zeta' },
      },
      {
        code: 'If you release a model trained with the Materials, you must include “Zeta” at the beginning of its model name.',
        parameters: { namePrefix: 'Zeta' },
      },
      {
        code: 'You shall (A) ship this license; and (B) display "Powered by Zeta" in the product documentation. You shall also include "Zeta" at the start of any such model name.',
        parameters: { display: 'Powered by Zeta', namePrefix: 'Zeta' },
      },
      {
        code: 'Every public announcement about a derivative must include the following statement:\n\n“[product] is built using Zeta technology.”',
        parameters: { display: '[product] is built using Zeta technology.' },
        covers: 'is built using Zeta technology',
      },
    ],
  })
})
