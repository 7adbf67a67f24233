import { describe, expect, it } from 'vitest'
import { currencyOf, MONEY, NUMBER, parseNumber } from '../../src/detect/numbers.js'

describe('parseNumber', () => {
  it.each([
    ['700 million', 700000000],
    ['700,000,000', 700000000],
    ['seven hundred million', 700000000],
    ['one hundred and fifty thousand', 150000],
    ['twenty-five million', 25000000],
    ['1.5 billion', 1500000000],
    ['20M', 20000000],
    ['USD $1,000,000', 1000000],
    ['3 thousand', 3000],
    ['42', 42],
  ])('%s → %d', (text, value) => {
    expect(parseNumber(text)).toBe(value)
  })

  it('returns undefined without a number', () => {
    expect(parseNumber('many users')).toBeUndefined()
  })
})

describe('currencyOf', () => {
  it.each([
    ['USD $1,000,000', 'USD'],
    ['$5M', 'USD'],
    ['20 million US dollars', 'USD'],
    ['EUR 10 million', 'EUR'],
    ['€3m', 'EUR'],
    ['£200,000', 'GBP'],
    ['40 million RMB', 'CNY'],
  ])('%s → %s', (text, code) => {
    expect(currencyOf(text)).toBe(code)
  })
})

describe('number and money patterns', () => {
  it('match whole figures', () => {
    expect(new RegExp(NUMBER, 'i').exec('more than 700 million users')?.[0]).toBe('700 million')
    expect(new RegExp(MONEY, 'i').exec('more than USD $1,000,000 in revenue')?.[0]).toBe('USD $1,000,000')
    expect(new RegExp(MONEY, 'i').exec('more than 20 million US dollars a month')?.[0]).toBe('20 million US dollars')
  })

  it('do not read a scale letter out of the next word', () => {
    expect(new RegExp(NUMBER, 'i').exec('20 monthly')?.[0]).toBe('20')
  })
})
