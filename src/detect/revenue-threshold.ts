// Detector `revenue-threshold` (kind revenue-threshold): rights or duties change above a revenue figure.
import { defineDetector, spanOf, type DetectContext, type Hit } from './define-detector.js'
import { currencyOf, MONEY, parseNumber } from './numbers.js'
import { hasKey, keys } from './keywords.js'
import { execAll } from './patterns.js'
import { formatCount } from './user-threshold.js'

const messages = {
  above: 'Rights or duties change above {currency} {figure} of {period}revenue ("{quote}")',
}

const COMPARISON =
  '(?:passes|passing|beyond|surpass(?:es|ing)?|reach(?:es|ing)?|tops|more\\s+than|greater\\s+than|higher\\s+than|in\\s+excess\\s+of|exceed(?:s|ed|ing)?|over|above|at\\s+least|less\\s+than|fewer\\s+than|lower\\s+than|under|below|up\\s+to|no\\s+more\\s+than|not\\s+more\\s+than|>=?|<=?|≥|≤)'
const REVENUE = '(?:revenues?|turnover|gross\\s+receipts|income|sales|ARR\\b|earnings|earn(?:s|ing)?)'
// Amount after a comparison, with revenue wording within a bounded gap on either side:
// "more than USD $1,000,000 in annual revenue", "annual revenue of less than US $1,000,000",
// "more than 20 million US dollars (or equivalent in other currencies) in monthly revenue".
const AFTER = new RegExp(`${COMPARISON}\\s{1,12}(${MONEY})([^;]{0,80}?)\\b${REVENUE}`, 'gi')
const BEFORE = new RegExp(`\\b${REVENUE}([^;]{0,60}?)\\b${COMPARISON}\\s{1,12}(${MONEY})`, 'gi')

const THRESHOLD_OF = new RegExp(`\\b${REVENUE}\\s+(?:threshold|limit|cap|ceiling)\\s+(?:of\\s+)?(${MONEY})`, 'gi')
const GATE = keys('revenue', 'turnover', 'receipts', 'income', 'sales', ' arr', '(arr', 'earn')
// A figure must be present: digits or a number word.
const HAS_AMOUNT = /\d|million|billion|thousand|hundred|lakh|crore/

// "revenue of 100 million yuan or more", "US$5M or more in annual revenue".
const OR_MORE_AFTER = new RegExp(`(${MONEY})\\s{0,12}or\\s+(?:more|above|higher|greater)\\b([^;]{0,80}?)\\b${REVENUE}`, 'gi')
const OR_MORE_BEFORE = new RegExp(`\\b${REVENUE}([^;]{0,60}?)(${MONEY})\\s{0,12}or\\s+(?:more|above|higher|greater)\\b`, 'gi')

const YEAR =
  /\b(?:annual(?:ly)?|yearly|per\s+annum|ARR)\b|\b(?:per|a|each|tax|fiscal|financial|calendar|prior|preceding|previous|last)\s+year\b|\brecurring\s+revenue|\b(?:twelve|12)[- ]months?\b/i
const MONTH = /\b(?:monthly|per\s+month|a\s+month|each\s+month)\b/i

/** Period named next to the figure; the nearest revenue wording decides ("monthly revenue" vs "monthly users"). */
function periodOf(near: string): string | undefined {
  const y = near.search(YEAR)
  const m = near.search(MONTH)
  if (y < 0 && m < 0) return undefined
  if (y < 0) return 'month'
  if (m < 0) return 'year'
  return y > m ? 'year' : 'month'
}

/**
 * Detector for kind `revenue-threshold`: one finding per distinct `{threshold, currency, period?}` (a bare `$` is USD).
 * @example revenueThreshold.detect(ctx) // → [{parameters: {threshold: 1000000, currency: 'USD', period: 'year'}, ...}]
 */
export const revenueThreshold = defineDetector({
  ruleId: 'revenue-threshold',
  kind: 'revenue-threshold',
  messages,
  detect(ctx: DetectContext): Hit[] {
    const byKey = new Map<string, Hit>()
    for (const s of ctx.segments) {
      if (!hasKey(s.keys, GATE) || !HAS_AMOUNT.test(s.lower)) continue
      const found: { amount: string; near: string; quote: string }[] = []
      for (const m of execAll(AFTER, s.text)) {
        const end = m.index + m[0].length
        found.push({ amount: m[1], near: `${m[2]} ${m[0].slice(-30)}${s.text.slice(end, end + 40)}`, quote: m[0] })
      }
      for (const m of execAll(OR_MORE_AFTER, s.text)) {
        const end = m.index + m[0].length
        found.push({ amount: m[1], near: `${m[2]} ${m[0].slice(-30)}${s.text.slice(end, end + 40)}`, quote: m[0] })
      }
      for (const m of execAll(OR_MORE_BEFORE, s.text)) {
        const from = Math.max(0, m.index - 30)
        const end = m.index + m[0].length
        found.push({ amount: m[2], near: `${s.text.slice(from, m.index)}${m[0]}${s.text.slice(end, end + 40)}`, quote: m[0] })
      }
      // "an annual gross revenue threshold of USD 100 million": the word "threshold" is the comparison.
      for (const m of execAll(THRESHOLD_OF, s.text)) {
        const from = Math.max(0, m.index - 30)
        found.push({ amount: m[1], near: `${s.text.slice(from, m.index)}${m[0]}`, quote: m[0] })
      }
      for (const m of execAll(BEFORE, s.text)) {
        const from = Math.max(0, m.index - 30)
        const end = m.index + m[0].length
        found.push({ amount: m[2], near: `${s.text.slice(from, m.index)}${m[0]}${s.text.slice(end, end + 40)}`, quote: m[0] })
      }
      for (const f of found) {
        const threshold = parseNumber(f.amount)
        if (threshold === undefined || threshold < 1) continue
        const currency = currencyOf(f.amount) ?? 'USD'
        const period = periodOf(f.near)
        const key = `${threshold}|${currency}|${period ?? ''}`
        const hit = byKey.get(key)
        if (hit) {
          hit.spans.push(spanOf(s))
          continue
        }
        const parameters: Record<string, unknown> = { threshold, currency }
        if (period) parameters.period = period
        byKey.set(key, {
          parameters,
          spans: [spanOf(s)],
          messageId: 'above',
          data: {
            currency,
            figure: formatCount(threshold),
            period: period === 'year' ? 'annual ' : period === 'month' ? 'monthly ' : '',
            quote: f.quote.replace(/\s+/g, ' '),
          },
        })
      }
    }
    // One amount read twice, with and without its period ("annual recurring revenue is US$ 2.5 million or
    // higher"): keep the reading that has the period.
    for (const [key, hit] of byKey) {
      if (!key.endsWith('|')) continue
      const dated = [...byKey].find(([k]) => k !== key && k.startsWith(key))
      if (!dated) continue
      dated[1].spans.push(...hit.spans)
      byKey.delete(key)
    }
    return [...byKey.values()]
  },
})
