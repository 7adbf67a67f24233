import { describe } from 'vitest'
import { flowDown } from '../../src/detect/flow-down.js'
import { ruleTester } from './rule-tester.js'

describe('flow-down', () => {
  ruleTester(flowDown, {
    valid: [
      'If you redistribute the Model, you must give recipients a copy of this Agreement.',
      'You must retain all copyright notices in the source files.',
      'You may add your own copyright statement to your modifications and may provide additional or different license terms for your modifications.',
      'Every recipient automatically receives an offer from the Licensor to exercise the licensed rights under the terms of this Public License.',
      'You may not offer or impose any additional terms on the material if doing so restricts exercise of the licensed rights by any recipient.',
      'Unless you state otherwise, any contribution you submit shall be under the terms and conditions of this License.',
    ],
    invalid: [
      {
        code: 'The use restrictions of Section 4 must be included as an enforceable provision in any agreement under which you distribute the Model.',
        parameters: {},
      },
      {
        code: 'You must require every user of your service to comply with the restrictions in Exhibit A.',
        parameters: {},
      },
      {
        code: 'Copies and derivatives of the Materials that you share will remain subject to this Agreement.',
        parameters: {},
      },
      {
        code: 'You may distribute fine-tuned versions only under the terms of this License.',
        parameters: {},
      },
      {
        code: 'Adapted material you share must be released under the same license as the original.',
        parameters: {},
      },
      {
        code: 'You may not impose any terms on the Model that conflict with the terms of this Agreement.',
        parameters: {},
      },
      {
        code: 'Models you derive from the Weights will be limited to non-commercial research as well.',
        parameters: {},
      },
    ],
  })
})
