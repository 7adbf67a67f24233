import { describe, expect, it } from 'vitest'
import { hasKey, indexKeys, keys, keyWords } from '../../src/detect/keywords.js'

// Declared here so the tests do not depend on which detectors happen to be loaded.
const WORDS = ['not', 'may not', 'terminat', 'terminate', 'under this', ' end ', 'use', 'user', 'n\'t', 'é']
const GATE = keys(...WORDS)
const OTHER = keys('zebra crossing')

/** The reference semantics: every declared word that is a substring of the clause with white space runs as one space. */
function naive(lower: string): string[] {
  const flat = lower.replace(/\s+/g, ' ')
  return WORDS.filter((w) => flat.includes(w)).sort()
}
const mine = (lower: string) => keyWords(indexKeys(lower)).filter((w) => WORDS.includes(w))

describe('indexKeys', () => {
  it('finds overlapping keys and keys that are prefixes of others', () => {
    expect(mine('you may not terminate the user')).toEqual(['may not', 'not', 'terminat', 'terminate', 'use', 'user'])
    expect(mine('termination')).toEqual(['terminat'])
  })

  it('reads any white space run as one space, including line breaks and no-break spaces', () => {
    expect(mine('may\n  not')).toEqual(['may not', 'not'])
    expect(mine('under\u00a0this')).toEqual(['under this'])
    expect(mine('under\u2003\tthis')).toEqual(['under this'])
    expect(mine('to the end of it')).toEqual([' end '])
    expect(mine('endless')).toEqual([])
  })

  it('handles characters outside ASCII in keys and text', () => {
    expect(mine('café — n’t')).toEqual(['é'])
    expect(mine('don\'t')).toEqual(["n't"])
  })

  it('agrees with a plain substring search on random clauses', () => {
    const alphabet = ['n', 'o', 't', ' ', '  ', '\n', 'm', 'a', 'y', 'e', 'r', 'i', 'u', 's', 'd', 'h', "'", 'é', '\u00a0', 'x']
    let seed = 7
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed % n
    }
    for (let k = 0; k < 2000; k++) {
      let t = ''
      for (let i = rnd(60); i > 0; i--) t += alphabet[rnd(alphabet.length)]
      expect(mine(t), JSON.stringify(t)).toEqual(naive(t))
    }
  })
})

describe('hasKey', () => {
  it('is open when any word of the gate occurs', () => {
    expect(hasKey(indexKeys('the user'), GATE)).toBe(true)
    expect(hasKey(indexKeys('nothing here'), OTHER)).toBe(false)
    expect(hasKey(indexKeys('a zebra  crossing'), OTHER)).toBe(true)
  })
})
