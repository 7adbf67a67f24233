import { describe } from 'vitest'
import { revenueThreshold } from '../../src/detect/revenue-threshold.js'
import { ruleTester } from './rule-tester.js'

describe('revenue-threshold', () => {
  ruleTester(revenueThreshold, {
    valid: [
      'In no event will our liability exceed USD $1,000,000.',
      'You may charge a fee of $50 for physical media; revenue from support is yours.',
      'Revenue generated from your own products belongs to you.',
      'The licensee pays an annual fee of 5,000 euros.',
    ],
    invalid: [
      {
        code: 'If you or your affiliates earn more than US$5,000,000 in annual revenue, this grant ends and you need an enterprise licence.',
        parameters: { threshold: 5000000, currency: 'USD', period: 'year' },
        covers: 'more than US$5,000,000 in annual revenue',
      },
      {
        code: 'Organizations whose annual turnover is above EUR 2 million must obtain a commercial license.',
        parameters: { threshold: 2000000, currency: 'EUR', period: 'year' },
      },
      {
        code: 'Products earning more than fifteen million US dollars in monthly revenue shall show the model name.',
        parameters: { threshold: 15000000, currency: 'USD', period: 'month' },
      },
      {
        code: 'Free use is limited to entities with gross revenue of less than $250,000 per year.',
        parameters: { threshold: 250000, currency: 'USD', period: 'year' },
      },
      {
        code: 'If you make commercial use of the Work and the revenue attributable to it exceeds $1,000,000 per year, you must pay a royalty of 10% of that revenue.',
        parameters: { threshold: 1000000, currency: 'USD', period: 'year' },
      },
      {
        code: 'If you or your affiliates have total annual revenue of more than fifty million U.S. dollars, you need a separate commercial license.',
        parameters: { threshold: 50000000, currency: 'USD', period: 'year' },
      },
      {
        code: 'A company with more than 40 million RMB of revenue must register first.',
        parameters: { threshold: 40000000, currency: 'CNY' },
      },
    ],
  })
})
