import { describe } from 'vitest'
import { userThreshold } from '../../src/detect/user-threshold.js'
import { ruleTester } from './rule-tester.js'

describe('user-threshold', () => {
  ruleTester(userThreshold, {
    valid: [
      'There is no limit on the number of users who may run the Model.',
      'You may deploy the Model for any number of users, regardless of the number of seats.',
      'Users of the Model must be at least 13 years old.',
      'The Model was trained on 700 million tokens and serves users worldwide.',
      'Licensee shall notify its users of any change within 30 days.',
    ],
    invalid: [
      {
        code: 'If your services exceed 250 million monthly active users, you must ask us for a separate licence.',
        parameters: { threshold: 250000000, metric: 'monthly-active-users' },
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 98,
      },
      {
        code: 'Rights under this agreement end once the products of Licensee reach more than seven hundred million monthly active users.',
        parameters: { threshold: 700000000, metric: 'monthly-active-users' },
      },
      {
        code: 'Preamble.\n\nA company whose apps have over 2,000,000 daily active users (DAU) needs a commercial agreement.',
        parameters: { threshold: 2000000, metric: 'daily-active-users' },
        covers: 'over 2,000,000 daily active users',
        line: 3,
        column: 1,
      },
      {
        code: 'Sites with more than 10 million monthly visits must display the notice described below.',
        parameters: { threshold: 10000000, metric: 'monthly-visits' },
      },
      {
        code: 'This license covers installations with up to 25 users; larger teams need an enterprise license.',
        parameters: { threshold: 25, metric: 'users' },
      },
      {
        code: 'If the total monthly unique users (MUU) of your service is greater than 3 million MUUs, request a license.',
        parameters: { threshold: 3000000, metric: 'monthly-active-users' },
      },
      {
        code: "If your or your affiliates' products have more than 1 million daily active users (DAU), you must apply to us for written authorization.",
        parameters: { threshold: 1000000, metric: 'daily-active-users' },
      },
      {
        code: 'If, on the release date, the monthly active users of your products is greater than 1.5 billion monthly active users in the preceding calendar month, you must request a license.',
        parameters: { threshold: 1500000000, metric: 'monthly-active-users' },
      },
      {
        code: 'If Licensee has more than 100M MAU in any month, the display duty in Section 4 applies.',
        parameters: { threshold: 100000000, metric: 'monthly-active-users' },
      },
    ],
  })
})
