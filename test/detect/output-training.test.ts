import { describe } from 'vitest'
import { outputTraining } from '../../src/detect/output-training.js'
import { ruleTester } from './rule-tester.js'

describe('output-training', () => {
  ruleTester(outputTraining, {
    valid: [
      'You own the outputs you generate and may use them for any purpose, including training other models.',
      'Use the Model to train your own adapters as you see fit.',
      'Outputs may only be used for research purposes.',
      'You may not use any output to create works that break the acceptable use policy.',
      '"Derivative" means any modified version of the Model. For the avoidance of doubt, Outputs are not Derivatives.',
      'If you use the Materials to fine-tune a model, you must name the base model in its card.',
      'Models may not be suitable for high-risk uses.\n+ Developers should assess outputs and build feedback mechanisms into their models.',
    ],
    invalid: [
      {
        code: 'You shall not use the Model or any of its outputs to improve any other large language model.',
        parameters: { scope: 'other-llms' },
      },
      {
        code: 'Licensee will not use outputs or results of the Materials to build or enhance any general-purpose foundation model.',
        parameters: { scope: 'foundation-models' },
      },
      {
        code: 'You may not use Output to train, fine-tune or distill any model that competes with the Model.',
        parameters: { scope: 'competing-models' },
      },
      {
        code: "Licensee must not use Outputs to develop, train or improve a model that competes with the Licensor's products.",
        parameters: { scope: 'competing-models' },
      },
      {
        code: 'You must not use the Model outputs to train other text-to-video models.',
        parameters: { scope: 'competing-models' },
      },
      {
        code: 'You agree not to use synthetic data generated with the Model to develop any other machine learning model.',
        parameters: { scope: 'any-model' },
      },
      {
        code: '"Derivative Model" means any model that is trained on, or distilled from, the outputs of the Model.',
        parameters: { scope: 'derivative-status' },
      },
      {
        code: 'If you use the Model or its outputs to create or fine-tune an AI model that you release, you shall state “Trained with Acme” in its documentation.',
        parameters: { scope: 'derivative-status' },
      },
      {
        code: 'You may not use or allow others to use the Model for the following prohibited activities:\n\n- spam;\n- generating synthetic data outputs to train or improve third-party models.',
        parameters: { scope: 'any-model' },
        covers: 'generating synthetic data outputs',
      },
    ],
  })
})
