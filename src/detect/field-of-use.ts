// Detector `use-restriction` (kind field-of-use): the text forbids named purposes, fields or classes of user,
// in its own words (inline list, attachment, appended policy) or by incorporating a separate use policy.
import { findByName, findByUrl } from '../corpus/licenses.js'
import { defineDetector, spanOf, type DetectContext, type Hit } from './define-detector.js'
import {
  announcesList,
  ATTACHMENT,
  execAll,
  firstUrl,
  INCORPORATION,
  isSelfReference,
  listScope,
  NAMED_FIELD,
  bindsLicensee,
  clauseFlags,
  decisionFields,
  mayProhibit,
  NOT_A_USE_POLICY,
  POLICY_HEADING,
  POLICY_NAME,
  PROHIBITION,
  slug,
} from './patterns.js'
import { hasKey, keys } from './keywords.js'
import type { Segment } from './segment.js'

const messages = {
  inline: 'Forbids named uses: "{quote}"',
  policy: 'Use must follow {policy}, a separate policy incorporated by reference',
}

// "... for the specified restricted uses" / "the restrictions set forth in Attachment A": the lead-in points at
// a list elsewhere in the same file.
const POINTS_AT_LIST = /\b(?:restricted\s+uses?|use\s+restrictions|restrictions\s+(?:set\s+forth|referenced|listed)|prohibited\s+uses?)\b/i

// Export-control wording names countries and "national security controls"; it is not a use restriction
// unless it also names a specific end use (rule 3) — those words are all in NAMED_FIELD, not here.
const EXPORT_ONLY = /\bexport\s+control\w*\b[^;]{0,200}\bnational\s+security\b/i

// Words PROHIBITION cannot match without (finer than `mayProhibit`, which also gates NEGATED_LEAD): a modal
// with "not" / "never", or one of its fixed phrases.
const PROHIBITION_GATE = keys(
  'agree not', 'will not', 'shall not', 'must not', 'may not', 'can not', 'cannot', "can't", "won't", 'never', 'refrain from', 'neither',
  'prohibit', 'forbidden', 'do not', "don't", 'not permitted', 'not allowed', 'excluded from', 'restricted use', 'use-based restriction',
  'use based restriction', 'not used', 'not be used', 'not include',
)
const ATTACHMENT_WORDS = keys('attachment', 'exhibit', 'appendix', 'annex', 'schedule')
const POLICY_WORDS = keys('polic', 'aup', 'trustworthy', 'ethics', 'principles', 'use guidelines', 'use rules', 'use standards', 'use terms')

interface PolicyRef {
  segment: Segment
  name: string
  url?: string
}

/** Clauses that make an outside use policy binding: a policy name plus incorporation wording. */
function policyReferences(segments: Segment[]): PolicyRef[] {
  const refs: PolicyRef[] = []
  // A policy "set forth in Exhibit A" lives in this file: it is not an outside document.
  const internal = new Set<string>()
  for (const s of segments) {
    if (!hasKey(s.keys, ATTACHMENT_WORDS) || !ATTACHMENT.test(s.text)) continue
    for (const m of execAll(POLICY_NAME, s.text)) internal.add(m[0].toLowerCase())
  }
  for (const s of segments) {
    if (s.heading || !hasKey(s.keys, POLICY_WORDS) || !INCORPORATION.test(s.text)) continue
    for (const m of execAll(POLICY_NAME, s.text)) {
      if (isSelfReference(s.text, m.index) || internal.has(m[0].toLowerCase())) continue
      if (NOT_A_USE_POLICY.test(s.text.slice(Math.max(0, m.index - 40), m.index))) continue
      // "the Use Restrictions set forth in Attachment A" is this file's own list, not an outside policy.
      if (ATTACHMENT.test(s.text.slice(m.index, m.index + 120)) && !/polic/i.test(m[0])) continue
      // Take up to four capitalised words before the name: "Gemma Prohibited Use Policy", "Stability AI's AUP".
      const before = /((?:[\p{Lu}][\p{L}\d.’'-]*\s+){0,4})$/u.exec(s.text.slice(Math.max(0, m.index - 60), m.index))
      const name = `${before?.[1] ?? ''}${m[0]}`.replace(/’s|'s/g, '').trim()
      refs.push({ segment: s, name, url: firstUrl(s.text) })
      break
    }
  }
  return refs
}

/**
 * The id licit knows a referenced policy by (`llama-3.1-acceptable-use-policy`), from its URL or a specific
 * name, so findings agree with those carried in from license metadata. Generic names ("the Acceptable Use
 * Policy") are not looked up. Corpus trouble only means "unknown".
 */
function knownPolicy(ref: PolicyRef): string | undefined {
  try {
    const byUrl = ref.url ? findByUrl(ref.url) : undefined
    if (byUrl) return byUrl.id
    const generic = /^(?:the\s+)?(?:(?:acceptable|prohibited|permitted|responsible|allowed)\s+)?uses?\s+polic(?:y|ies)$|^aup$/i.test(ref.name.trim())
    return generic ? undefined : findByName(ref.name)?.id
  } catch {
    return undefined
  }
}

/** The clause names a use policy other than itself ("the Gemma Prohibited Use Policy"). */
function namesOutsidePolicy(text: string): boolean {
  return execAll(POLICY_NAME, text).some((m) => !isSelfReference(text, m.index))
}

/** Clauses naming a non-legal field inside a prohibition: the lead-in's list items, or the clause itself. */
function inlineBans(ctx: DetectContext): { leads: Segment[]; items: Segment[] } {
  const { segments } = ctx
  const flags = clauseFlags(ctx)
  const leads: Segment[] = []
  const items: Segment[] = []
  const taken = new Set<number>()
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]
    const lead = flags.lead(i)
    if (!lead && !(mayProhibit(s) && hasKey(s.keys, PROHIBITION_GATE) && PROHIBITION.test(s.text) && bindsLicensee(s.text))) continue
    // One clause: the prohibition and a specific field ("for any commercial, military, or illegal purposes").
    if ((flags.named(i) || decisionFields(s.text) >= 2) && !EXPORT_ONLY.test(s.text)) {
      leads.push(s)
      continue
    }
    if (lead) {
      // A list: its items may use broader words, but at least one must name a specific field.
      const scope = listScope(segments, i)
      if (scope.some((j) => flags.named(j))) {
        leads.push(s)
        for (const j of scope) {
          if ((flags.named(j) || flags.listField(j)) && !taken.has(j)) {
            taken.add(j)
            items.push(segments[j])
          }
        }
      }
    } else if ((POINTS_AT_LIST.test(s.text) && !namesOutsidePolicy(s.text)) || ATTACHMENT.test(s.text)) {
      // "cannot use the Model ... for the specified restricted uses" points at a list in this file;
      // "Prohibited uses ... are outlined in the Gemma Prohibited Use Policy" points at another document.
      leads.push(s)
    }
  }
  // "adhere to the Use Restrictions set forth in Attachment A": binding a list of this file by reference.
  for (const s of segments) {
    if (!leads.includes(s) && hasKey(s.keys, ATTACHMENT_WORDS) && ATTACHMENT.test(s.text) && INCORPORATION.test(s.text) && POINTS_AT_LIST.test(s.text)) leads.push(s)
  }
  return { leads, items }
}

/**
 * A policy is appended when a policy title ("Meta Llama 3 Acceptable Use Policy", "EXHIBIT A") appears
 * in the file and prohibitions follow it: then the list is inline, even if the license also links it.
 */
function appendedPolicyAt(segments: Segment[]): number {
  for (const s of segments) if (s.heading && POLICY_HEADING.test(s.text)) return s.start
  return Infinity
}

/**
 * Detector for kind `field-of-use` (rule `use-restriction`): `{via: 'inline'}` for a prohibited-use list written in
 * the file (attachments and appended policies included), `{via: 'policy', policy, url?}` for an outside policy.
 * @example fieldOfUse.detect(ctx) // → [{parameters: {via: 'inline'}, spans: [[120, 188]], ...}]
 */
export const fieldOfUse = defineDetector({
  ruleId: 'use-restriction',
  kind: 'field-of-use',
  messages,
  detect(ctx: DetectContext): Hit[] {
    const { segments } = ctx
    const refs = policyReferences(segments)
    const { leads, items } = inlineBans(ctx)
    const inline = [...leads, ...items].sort((a, b) => a.start - b.start)
    const appended = appendedPolicyAt(segments)
    const inlineAfterTitle = inline.some((s) => s.start > appended)
    const hasNamed = inline.some((s) => NAMED_FIELD.test(s.text) || decisionFields(s.text) >= 2) || leads.some((s) => ATTACHMENT.test(s.text) || POINTS_AT_LIST.test(s.text))
    if (refs.length && !inlineAfterTitle) {
      const ref = refs[0]
      const parameters: Record<string, unknown> = { via: 'policy', policy: knownPolicy(ref) ?? slug(ref.name) }
      if (ref.url) parameters.url = ref.url
      return [
        {
          parameters,
          spans: [...refs.map((r) => spanOf(r.segment)), ...inline.map(spanOf)],
          messageId: 'policy',
          data: { policy: ref.url ? `${ref.name} (${ref.url})` : ref.name },
        },
      ]
    }
    if (!inline.length || !hasNamed) return []
    const quote = (items[0] ?? leads[0]).text
    return [
      {
        parameters: { via: 'inline' },
        // Clauses that bind a list by reference ("adhere to the Use Restrictions set forth in Attachment A") first,
        // then the lead-ins and one-clause bans, then the items: evidence keeps the first few.
        spans: [...leads.filter((l) => ATTACHMENT.test(l.text)), ...leads.filter((l) => !ATTACHMENT.test(l.text)), ...items].map(spanOf),
        messageId: 'inline',
        data: { quote: quote.replace(/\s+/g, ' ').slice(0, 100) },
      },
    ]
  },
})
