import { describe } from 'vitest'
import { fieldOfUse } from '../../src/detect/field-of-use.js'
import { ruleTester } from './rule-tester.js'

describe('use-restriction (field-of-use)', () => {
  ruleTester(fieldOfUse, {
    valid: [
      'You must comply with all applicable laws when using the Software.',
      'You may not use the Model for any unlawful purpose or in violation of any applicable law.',
      'You must comply with export control laws, including restrictions on exports to embargoed countries.',
      'Neither the name of the author nor the names of contributors may be used to endorse products.',
      'The U.S. Government cannot be held liable for damages caused by the Software.',
      'You may not use the trademarks of the Licensor except as needed to describe the origin of the work.',
      'The Initial Contributor may not require Recipients to display, at any time, more than the following:\n\n(a) a credit line; (b) a link.',
      'This software is not designed or intended for use in nuclear facilities, weapons systems or life support.',
      'You agree to the Brand Usage Policy, which is incorporated by reference.',
    ],
    invalid: [
      {
        code: 'You shall not use the Model for any military purpose or to build weapons.',
        parameters: { via: 'inline' },
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 74,
      },
      {
        code: 'Use restrictions\n\nYou agree that you will not use the Model, or let anyone else use it, to:\n\n1. generate spam;\n2. operate critical infrastructure;\n3. make credit decisions.\n',
        parameters: { via: 'inline' },
        covers: 'operate critical infrastructure',
      },
      {
        code: 'The following uses are prohibited:\n- mass surveillance of individuals\n- creation of malware',
        parameters: { via: 'inline' },
      },
      {
        code: 'Public bodies. For clarity, permitted use does not include any use by the following entities:\na) police and other law enforcement agencies,\nb) courts.',
        parameters: { via: 'inline' },
      },
      {
        code: 'Your use of the Model must comply with the Acme Acceptable Use Policy at https://acme.example/aup, which is incorporated by reference into this Agreement.',
        parameters: { via: 'policy', policy: 'acme-acceptable-use-policy', url: 'https://acme.example/aup' },
      },
      {
        code: 'You must not use the Model for purposes set out in the Zeta Prohibited Use Policy (zeta.ai/policy). You also must not use it to operate medical devices.',
        parameters: { via: 'policy', policy: 'zeta-prohibited-use-policy', url: 'zeta.ai/policy' },
      },
      {
        code: '1. You will adhere to the Acceptable Use Policy for the Model, which is incorporated by reference.\n\n2. Other terms.\n\nAcme Acceptable Use Policy\n\nYou agree not to use the Model to:\n- engage in espionage;\n- harass others.',
        parameters: { via: 'inline' },
        covers: 'engage in espionage',
      },
      {
        code: 'You will use the Model only as permitted by the use restrictions set forth in Exhibit B.\n\nEXHIBIT B\nUse restrictions\nYou must not use the Model for biometric identification.',
        parameters: { via: 'inline' },
      },
    ],
  })
})
