// Number and money normalization for thresholds: "700 million" / "seven hundred million" / "USD $1,000,000".

/** English number words and their values (units, teens, tens). */
const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80,
  ninety: 90,
}

/** Scale words, spelled out or abbreviated ("700M", "1.5bn", "20k"). */
const SCALE: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  millions: 1e6,
  mio: 1e6,
  mm: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  billions: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  // Indian numbering: a lakh is 100,000, a crore 10,000,000 ("fifty crore rupees", "₹2 crore").
  lakh: 1e5,
  lakhs: 1e5,
  crore: 1e7,
  crores: 1e7,
}

const WORD = `(?:${Object.keys(SMALL).join('|')}|hundred|thousand|million|billion|trillion|lakhs?|crores?)`
/**
 * A number written in words: "seven hundred million", "twenty-five thousand", "one hundred and fifty".
 * Separators and words are disjoint character sets, so the bounded repetition cannot backtrack badly.
 */
// "half a million" is read as one number too.
export const WORD_NUMBER = `(?:\\bhalf[\\s-]{1,3}a[\\s-]{1,3}(?:thousand|million|billion)\\b|\\b${WORD}(?:[\\s-]{1,3}(?:and[\\s-]{1,3})?${WORD}){0,8}\\b)`
/**
 * A number in digits with an optional scale: "700", "1,000,000", "1 000 000", "1.5", "700 million", "20M".
 * Thousands groups are bounded; the scale word must end at a word boundary ("20 monthly" is not "20 m").
 */
export const DIGIT_NUMBER =
  '\\b\\d{1,3}(?:[,\\u00a0\\u202f ]\\d{3}){1,5}(?:\\.\\d{1,4})?(?:\\s{0,8}(?:million|billion|thousand|trillion|lakhs?|crores?|mn|bn|m|b|k)\\b)?|\\b\\d{1,15}(?:\\.\\d{1,4})?(?:\\s{0,8}(?:million|billion|thousand|trillion|lakhs?|crores?|mn|bn|m|b|k)\\b)?'
/** Either form. */
export const NUMBER = `(?:${DIGIT_NUMBER}|${WORD_NUMBER})`

/**
 * Parse a number written in digits and/or words into an integer.
 *
 * @param text - "700 million", "1,000,000", "seven hundred million", "1.5bn", "20 M".
 * @returns the value, or `undefined` when `text` holds no number.
 * @example parseNumber('seven hundred million') // → 700000000
 * @example parseNumber('USD $1,000,000') // → 1000000 (currency marks are ignored)
 */
export function parseNumber(text: string): number | undefined {
  const t = text.toLowerCase().replace(/[\u00a0\u202f]/g, ' ')
  const digits = /(\d{1,3}(?:[, ]\d{3})+|\d+)(\.\d+)?\s*([a-z]+)?/.exec(t)
  if (digits) {
    const whole = digits[1].replace(/[, ]/g, '')
    let value = Number(whole + (digits[2] ?? ''))
    const scale = digits[3] ? SCALE[digits[3]] : undefined
    if (scale && scale >= 1e3) value *= scale
    return Number.isFinite(value) ? Math.round(value) : undefined
  }
  return parseWords(t)
}

/** "seven hundred and fifty million" → 750000000; standard short-scale reading. */
function parseWords(text: string): number | undefined {
  const half = /\bhalf[\s-]+a[\s-]+(thousand|million|billion)\b/.exec(text)
  if (half) return SCALE[half[1]] / 2
  const words = text.split(/[\s-]+/).filter((w) => w && w !== 'and')
  let total = 0
  let current = 0
  let seen = false
  for (const w of words) {
    if (w in SMALL) {
      current += SMALL[w]
      seen = true
    } else if (w === 'hundred') {
      current = (current || 1) * 100
      seen = true
    } else if (w in SCALE && SCALE[w] >= 1e3) {
      total += (current || 1) * SCALE[w]
      current = 0
      seen = true
    }
  }
  return seen ? total + current : undefined
}

/** Currency marks and names → ISO 4217. A bare `$` is USD (RESTRICTIONS.md). */
const CURRENCIES: [RegExp, string][] = [
  [/\b(?:usd|us\s?\$|u\.s\.\s?\$|us\s+dollars?|u\.s\.\s+dollars?|united\s+states\s+dollars?)\b|us\$/i, 'USD'],
  [/\b(?:eur|euros?)\b|€/i, 'EUR'],
  [/\b(?:gbp|pounds?\s+sterling|british\s+pounds?)\b|£/i, 'GBP'],
  [/\b(?:cny|rmb|yuan|renminbi)\b/i, 'CNY'],
  [/\b(?:jpy|yen)\b/i, 'JPY'],
  [/\b(?:inr|rupees?|rs\.)|₹/i, 'INR'],
  [/\b(?:cad|canadian\s+dollars?)\b/i, 'CAD'],
  [/\b(?:aud|australian\s+dollars?)\b/i, 'AUD'],
  [/\b(?:chf|swiss\s+francs?)\b/i, 'CHF'],
  [/\b(?:krw|won)\b|₩/i, 'KRW'],
  [/¥/, 'CNY'],
  [/\$|\bdollars?\b/i, 'USD'],
]

/**
 * The ISO 4217 code of the first currency named in `text`.
 * @example currencyOf('more than USD $1,000,000') // → 'USD'
 * @example currencyOf('€5 million') // → 'EUR'
 */
export function currencyOf(text: string): string | undefined {
  for (const [re, code] of CURRENCIES) if (re.test(text)) return code
  return undefined
}

/** Source text of a regex for a money amount: a currency mark before or a currency name after a number. */
const CURRENCY_BEFORE = '(?:(?:USD|US|U\\.S\\.|EUR|GBP|CNY|RMB|JPY|INR|Rs\\.?|CAD|AUD|CHF|KRW)\\s{0,2}[$€£¥₹₩]?|[$€£¥₹₩])\\s{0,3}'
const CURRENCY_AFTER =
  '\\s{0,8}(?:(?:US|U\\.S\\.|United States|Canadian|Australian|Hong Kong|Singapore)\\s+dollars?|dollars?|USD|EUR|euros?|GBP|pounds(?:\\s+sterling)?|CNY|RMB|(?:Chinese\\s+)?yuan|renminbi|JPY|(?:Japanese\\s+)?yen|INR|(?:Indian\\s+)?rupees?|CAD|AUD|CHF|Swiss\\s+francs?|KRW|(?:Korean\\s+)?won)\\b(?:\\s{0,2}\\([A-Z]{3}\\))?'
/** A money amount: a currency mark before ("USD $1,000,000", "€5M") or a currency name after ("20 million US dollars"). */
export const MONEY = `(?:${CURRENCY_BEFORE}(?:${DIGIT_NUMBER})(?:${CURRENCY_AFTER})?|(?:${NUMBER})${CURRENCY_AFTER})`
