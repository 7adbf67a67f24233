// Detector `user-threshold` (kind user-count): rights or duties change above a number of users.
import { defineDetector, spanOf, type DetectContext, type Hit } from './define-detector.js'
import { NUMBER, parseNumber } from './numbers.js'
import { hasKey, keys } from './keywords.js'
import { execAll } from './patterns.js'

const messages = {
  above: 'Rights or duties change above {figure} {metric} ("{quote}")',
}

const METRIC_WORDS: Record<string, string> = {
  'monthly-active-users': 'monthly active users',
  'daily-active-users': 'daily active users',
  'monthly-visits': 'monthly visits',
  users: 'users',
}

// A comparison, a number, then a user metric: "greater than 700 million monthly active users",
// "more than 1 million MUUs", "does not exceed 300 million monthly active users", "over 1,000 users".
// The gap between the pieces is a bounded run of non-sentence characters.
const COMPARISON =
  '(?:passes|passing|beyond|surpass(?:es|ing)?|reach(?:es|ing)?|serv(?:e|es|ing)|attain(?:s|ing)?|tops|more\\s+than|greater\\s+than|higher\\s+than|larger\\s+than|bigger\\s+than|capped\\s+at|limited\\s+to|cap\\s+of|in\\s+excess\\s+of|exceed(?:s|ed|ing)?|over|above|at\\s+least|less\\s+than|fewer\\s+than|lower\\s+than|under|below|up\\s+to|no\\s+more\\s+than|not\\s+more\\s+than|maximum\\s+of|>=?|<=?|≥|≤)'
const METRIC =
  '(?:(?:total\\s+)?(?:monthly|daily|weekly|annual)\\s+(?:active\\s+|unique\\s+)?(?:users?|visits|visitors|end[-\\s]users|accounts)|MAUs?|MUUs?|DAUs?|(?:active\\s+|unique\\s+|registered\\s+|paying\\s+|paid\\s+|end[-\\s])?users|(?:registered|active|user)\\s+accounts|account\\s+holders|(?:unique\\s+)?(?:visits|visitors)(?=\\s{1,4}(?:per|a|each|every|in\\s+(?:any|a|one))\\s+(?:calendar\\s+)?month))(?:\\s{1,4}(?:per|a|each|every|in\\s+(?:any|a|one))\\s+(?:calendar\\s+)?(?:month|day))?\\b'
// "... 1 million monthly active users or more", "... 1 million or more monthly active users".
const OR_MORE = new RegExp(`(${NUMBER})\\s{0,12}(?:or\\s+(?:more|above|higher|greater)\\s{1,12})?(${METRIC})(?:\\s{1,12}or\\s+(?:more|above|higher|greater))?`, 'gi')
const THRESHOLD = new RegExp(
  `${COMPARISON}\\s{1,12}(?:the\\s+)?(${NUMBER})\\s{0,12}(?:\\([^)]{1,40}\\)\\s{0,12})?(${METRIC})`,
  'gi',
)
// The metric first, then the figure: "the number of monthly active users of your products exceeds 50 million".
// The figure must not be money, a share or a time span.
const METRIC_FIRST = new RegExp(
  `(${METRIC})[^;.]{0,80}?\\b${COMPARISON}\\s{1,12}(?:the\\s+)?(${NUMBER})(?!\\s{0,3}(?:%|percent|per\\s+cent|dollars?|euros?|pounds?|yuan|yen|rupees?|USD|EUR|GBP|CNY|RMB|JPY|INR|years?|months?|days?|hours?))`,
  'gi',
)
// A threshold changes rights or duties: the clause (or the next one in its paragraph) says so. "Our team has
// served more than 10 million users since 2020" reports a fact.
const CONSEQUENCE =
  /\b(?:licen[cs]\w*|must|shall|need\w*|requir\w*|permission|consent|agreement|rights?|terms|grant\w*|appl(?:y|ies)|fees?|pay\w*|contact|obtain|request|may\s+not|cannot|entitled|subscription|plan|cap(?:ped)?|limit\w*|free|ask|seek|approv\w*|permit\w*|authori[sz]\w*|allowed|covered|available|ends?|terminat\w*|laps\w*|expir\w*|void|ceases?|display|show|credit|attribut\w*|charge\w*|price|upgrade|enterprise|commercial)\b/i
const CONDITION = /\b(?:if|once|when|whenever|where|should|until|after|unless|before)\b/i
const GATE = keys('user', 'visit', 'mau', 'muu', 'dau', 'account')
// A figure must be present: digits or a number word.
const HAS_COUNT = /\d|million|billion|thousand|hundred|lakh|crore|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty/
// "there is no limit on the number of users" and similar are permissions, not thresholds.
const NO_LIMIT = /\b(?:no|without|unlimited)\s+(?:limit|limitation|restriction|cap)\b|\bregardless\s+of\s+the\s+number\b/i

/** Map the metric words to the label vocabulary; "monthly unique users" counts as monthly active users. */
function metricOf(words: string): string {
  const w = words.toLowerCase()
  if (/\bdaily\b|\bdau|\b(?:per|a|each|every|one)\s+day\b/.test(w)) return 'daily-active-users'
  if (/\bvisit/.test(w) && /\bmonth/.test(w)) return 'monthly-visits'
  if (/\bmonthly\b|\bmau|\bmuu|\b(?:per|a|each|every|any|one)\s+(?:calendar\s+)?month\b/.test(w)) return 'monthly-active-users'
  return 'users'
}

/** "700000000" → "700 million" for messages. */
export function formatCount(n: number): string {
  if (n >= 1e9 && n % 1e7 === 0) return `${n / 1e9} billion`
  if (n >= 1e6 && n % 1e4 === 0) return `${n / 1e6} million`
  return n.toLocaleString('en-US')
}

/**
 * Detector for kind `user-count` (rule `user-threshold`): one finding per distinct `{threshold, metric}`.
 * @example userThreshold.detect(ctx) // → [{parameters: {threshold: 700000000, metric: 'monthly-active-users'}, ...}]
 */
export const userThreshold = defineDetector({
  ruleId: 'user-threshold',
  kind: 'user-count',
  messages,
  detect(ctx: DetectContext): Hit[] {
    const byKey = new Map<string, Hit>()
    for (let i = 0; i < ctx.segments.length; i++) {
      const s = ctx.segments[i]
      if (!hasKey(s.keys, GATE) || !HAS_COUNT.test(s.lower) || NO_LIMIT.test(s.text)) continue
      const next = ctx.segments[i + 1]
      if (!CONSEQUENCE.test(s.text) && !(next && next.block === s.block && CONSEQUENCE.test(next.text))) continue
      const matches = execAll(THRESHOLD, s.text)
      for (const m of execAll(OR_MORE, s.text)) if (/\bor\s+(?:more|above|higher|greater)\b/i.test(m[0])) matches.push(m)
      // Metric-first matches carry the figure in group 2 and the metric in group 1.
      const metricFirst = matches.length ? [] : execAll(METRIC_FIRST, s.text)
      for (const m of [...matches, ...metricFirst]) {
        const swapped = metricFirst.includes(m)
        // "serves N users" is a threshold only in a condition ("once your platform serves ..."), not a boast.
        if (/^serv/i.test(m[0]) && !CONDITION.test(s.text)) continue
        const threshold = parseNumber(swapped ? m[2] : m[1])
        if (threshold === undefined || threshold < 2) continue
        const metric = metricOf(swapped ? m[1] : m[2])
        const key = `${threshold}|${metric}`
        const hit = byKey.get(key)
        if (hit) {
          hit.spans.push(spanOf(s))
          continue
        }
        byKey.set(key, {
          parameters: { threshold, metric },
          spans: [spanOf(s)],
          messageId: 'above',
          data: { figure: formatCount(threshold), metric: METRIC_WORDS[metric], quote: m[0].replace(/\s+/g, ' ') },
        })
      }
    }
    return [...byKey.values()]
  },
})
