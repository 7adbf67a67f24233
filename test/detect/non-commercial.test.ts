import { describe } from 'vitest'
import { nonCommercial } from '../../src/detect/non-commercial.js'
import { ruleTester } from './rule-tester.js'

describe('non-commercial', () => {
  ruleTester(nonCommercial, {
    valid: [
      'You may use the Software for commercial or non-commercial purposes.',
      'Permission is granted to use this work for any purpose, including commercial use.',
      'This software has been designed for research purposes only and is not a medical device.',
      'Open terms may include reasonable restrictions such as non-commercial limitations.',
      'This alternative is allowed only for noncommercial distribution of the object code.',
      'If your revenue exceeds $1M you need another license.',
    ],
    invalid: [
      {
        code: 'We grant you a revocable license to use the Weights solely for your non-commercial research.',
        parameters: { scope: 'research-only' },
      },
      {
        code: 'You may copy and adapt the Dataset for NonCommercial purposes only.',
        parameters: { scope: 'non-commercial' },
      },
      {
        code: 'The license permits use for testing and evaluation purposes in non-production environments only.',
        parameters: { scope: 'non-production' },
      },
      {
        code: 'You may use the Model exclusively for internal evaluation; any other use requires a paid license.',
        parameters: { scope: 'evaluation-only' },
      },
      {
        code: 'Academic use is free. Anyone who wants to use the models for commercial purposes must register on our website; registered users may then use them commercially at no cost.',
        parameters: { scope: 'registration-required' },
        covers: 'must register',
      },
      {
        code: 'If you intend to use the Model for commercial purposes, you must contact us beforehand and obtain written authorization.',
        parameters: { scope: 'registration-required' },
      },
      {
        code: 'You are granted a license to reproduce the Model for non-commercial purposes. If you intend to use the Model for commercial purposes, you must contact us beforehand and obtain written authorization.',
        parameters: { scope: 'non-commercial' },
      },
      {
        code: 'To use the model commercially, you must apply by email and obtain our written authorization; once authorized you may use it commercially free of charge.',
        parameters: { scope: 'registration-required' },
      },
      {
        code: 'You may not exercise the rights granted above in any manner primarily intended for commercial advantage or monetary compensation.',
        parameters: { scope: 'non-commercial' },
      },
      {
        code: 'Any noncommercial purpose is a permitted purpose.',
        parameters: { scope: 'non-commercial' },
      },
    ],
  })
})
