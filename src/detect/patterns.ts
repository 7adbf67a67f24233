// Shared wording patterns: use prohibitions, named fields of use, policy references, list scopes.
//
// Every regex here is linear: alternations of literals, and gaps written as bounded negated classes
// (`[^;]{0,120}`) so that no two quantifiers compete for the same characters.
import { cached, type DetectContext } from './define-detector.js'
import { hasKey, keys } from './keywords.js'
import type { Segment } from './segment.js'

/**
 * A clause that forbids a use. Examples: "You agree not to use the Model", "you will not use, or allow
 * others to use", "You may not use nor allow others to use", "NVIDIA expressly prohibits the use of",
 * "will not be used by You ... to:", "You are not allowed to use", "cannot use the Model ... for the
 * specified restricted uses", "does not include ... any use by the following entities".
 */
export const PROHIBITION =
  /\b(?:(?:agree|will|shall|must|may|can)\s+(?:not|never)|cannot|can't|won't|refrain\s+from|neither\b[^;]{0,80}?\bnor\b[^;]{0,80}?\b(?:may|shall|will|can|must))\b[^;]{0,200}?\b(?:use|used|using|utili[sz]e|access|deploy\w*|exploit|copy|distribute|reproduce|create|apply\s+(?:the|this|it|any)\b)\b|\bprohibit(?:s|ed)?\s+(?:the\s+)?(?:use|using)\b|\bprohibited\s+from\s+(?:using|deploying|applying)\b|\b(?:do\s+not|don't|never)\s+(?:use|deploy|apply)\b|\b(?:is|are)\s+(?:strictly\s+|expressly\s+)?(?:forbidden|prohibited|not\s+(?:permitted|allowed))\s+to\s+(?:use|deploy|apply)\b|\buse\s+of\b[^;]{0,120}\b(?:is|are)\s+(?:strictly\s+|expressly\s+)?(?:prohibited|forbidden|not\s+(?:permitted|allowed))\b|\buse\s+(?:in|for)\b[^;]{0,80}\b(?:is|are)\s+(?:strictly\s+|expressly\s+)?excluded\s+from\s+(?:this|the)\b|\busing\b[^;]{0,120}\b(?:is|are)\s+(?:strictly\s+|expressly\s+)?(?:prohibited|forbidden|not\s+(?:permitted|allowed))\b|\bprohibited\s+(?:uses?|use\s+cases?|purposes|activities|applications)\b|\brestricted\s+uses?\b|\buse[- ]based\s+restrictions?\b|\bnot\s+(?:be\s+)?used\b|\bnot\s+(?:allowed|permitted)\s+to\b|\bnot\s+include\b[^;]{0,80}\buses?\b/i

/**
 * Who is forbidden: the licensee ("You", "Licensee", "users", "any third party"), or nobody in particular
 * (passive "shall not be used", "prohibits the use"). A clause binding the licensor or a government ("the
 * Initial Contributor may not require", "The U.S. Government cannot be held liable") is not a use restriction.
 */
export function bindsLicensee(text: string): boolean {
  const m = /\b(?:(?:agree|will|shall|must|may|can)\s+(?:not|never)|cannot|can't|won't|refrain|prohibit\w*|forbid\w*|do\s+not|don't|not\s+(?:be\s+)?used|not\s+(?:allowed|permitted)|not\s+include|excluded\s+from|neither\s+(?:you|licensee|users?|your)\b)/i.exec(text)
  if (!m) return false
  if (/^(?:prohibit|forbid|not|neither|do\s|don|excluded)/i.test(m[0])) return true
  // The subject is whatever comes right before the negation; reject the parties that grant, not receive.
  const before = text.slice(Math.max(0, m.index - 40), m.index)
  return !NOT_LICENSEE.test(before)
}
const NOT_LICENSEE =
  /\b(?:licensors?|contributors?|authors?|copyright\s+holders?|owners?|government|we|us|our|company|foundation|steward|court|providers?|[A-Z][\w&.-]*\s+(?:Inc|Ltd|LLC|GmbH|Corp(?:oration)?)\.?)\s*(?:\([^)]{0,20}\)\s*)?,?\s*$/i

/**
 * Purposes and fields specific enough to mark a use restriction on their own, in one clause with a
 * prohibition: "military purposes", "surveillance", "biometric", "ITAR", "malware", "law enforcement",
 * "medical advice", "harm minors", "disinformation", "critical infrastructure", ...
 */
export const NAMED_FIELD =
  /\b(?:militar(?:y|ies)|warfare|weapon(?:s|ry)?|nuclear|surveil\w*|biometric\w*|espionage|international\s+traffic\s+in\s+arms|international\s+traffic\s+arms|ITAR|malware|malicious\s+code|computer\s+virus\w*|ransomware|law\s+enforcement|immigration|asylum|administration\s+of\s+justice|medical\s+(?:advice|device|results|diagnos\w*)|defam\w*|harass\w*|bully\w*|discriminat\w*|minors|disinformation|misinformation|false\s+information|misleading\s+information|spam|fraud\w*|phishing|impersonat\w*|critical\s+infrastructure|terroris\w*|hate\s+speech|self-harm|suicide|pornograph\w*|human\s+trafficking|gambling|deep[- ]?fakes?|social\s+scoring|human\s+rights|torture|genocide|lobbying|political\s+campaign\w*|illegal\s+drugs|controlled\s+substances|heavy\s+machinery|guns|explosives?|automated\s+decision\w*|personally\s+identifiable|facial\s+recognition|child\s+(?:sexual|exploitation|abuse)|non-?consensual|intimate\s+(?:images?|imagery|content)|sexually\s+explicit|political\s+(?:advertis\w*|ads?|persuasion)|election\s+(?:interference|manipulation)|voter\s+suppression|cyber-?attacks?|stalk\w*|scams?|extremis\w*|radicali[sz]\w*|bioweapons?|payday\s+(?:loans?|lending)|predatory\s+lending|firearms?|credit\s*worthiness|medical\s+treatment|covert(?:ly)?\s+(?:record\w*|monitor\w*|track\w*)|(?:legal|financial|investment|tax)\s+advice|sexual\s+(?:content|material)|hiring\s+decisions?|(?:identify|identifying|identification\s+of|track|tracking|profile|profiling|monitor|monitoring)(?:,?\s+(?:(?:or|and)\s+)?(?:identify|track|profile|monitor)\w*){0,2}\s+(?:specific\s+|natural\s+|private\s+)?(?:individuals|persons|people)|(?:endanger|undermin|threaten|jeopardi[sz])\w*\s+(?:\w+\s+){0,2}?national\s+security|social\s+stability|(?:diagnos\w*|treatment)\s+(?:(?:or|and)\s+(?:treatment|diagnos\w*)\s+)?of\s+(?:patients|diseases?|illness\w*)|subver\w*\s+(?:\w+\s+){0,2}?state\s+power)\b/i

/**
 * Decisions about people and the attributes they may not be judged by: two or more of these in one prohibition
 * ("must not be used to decide on insurance, loans, jobs or housing") name a field of use on their own.
 */
const DECISION_FIELD =
  /\b(?:credit|loans?|lending|employment|jobs?|hiring|housing|insurance|health\s+care|healthcare|eligibility|ethnic\w*|racial|race|religio\w*|gender|disabilit\w*|sexual\s+orientation|political\s+(?:opinions?|views?|affiliations?))\b/gi

/** Distinct {@link DECISION_FIELD} words in a clause. */
export function decisionFields(text: string): number {
  const seen = new Set<string>()
  for (const m of text.matchAll(DECISION_FIELD)) seen.add(m[0].toLowerCase())
  return seen.size
}

/**
 * Broader words that name a field only as an item of a prohibited-use list ("Governments", "courts",
 * "employment, credit, housing", "violence"); alone in a sentence they are too common to count.
 */
export const LIST_FIELD =
  /\b(?:credit|loans?|lending|employment|jobs?|hiring|housing|insurance|health\s+care|healthcare|eligibility|governments?|public\s+administrations?|courts|national\s+security|child(?:ren)?|elections?|violen\w*|sexual\w*|criminal|facial|profiling|abuse|tracking|exploit\w*|harm\w*|ethnic\w*|racial|race|religio\w*|gender|disabilit\w*)\b/i

/** The names a use policy goes by: "Acceptable Use Policy", "Prohibited Use Policy", "AUP", "Trustworthy AI terms". */
// Policies about names and marks or personal data are not use policies.
export const NOT_A_USE_POLICY = /\b(?:trade\s?mark|brand|logo|privacy|cookie|name)s?\s*(?:and\s+[\w\s]{1,30})?$/i

export const POLICY_NAME =
  /\b(?:(?:acceptable|prohibited|permitted|responsible|allowed)\s+uses?\s+(?:polic(?:y|ies)|guidelines|rules|standards|terms)|uses?\s+polic(?:y|ies)|usage\s+polic(?:y|ies)|AUP|trustworthy\s+AI\s+(?:terms|polic(?:y|ies)|principles)|(?:responsible\s+)?AI\s+(?:ethics|principles)\s+(?:polic(?:y|ies)|terms|guidelines)|responsible\s+AI\s+(?:polic(?:y|ies)|guidelines|principles)|content\s+polic(?:y|ies))\b/gi

/** Wording that makes a policy part of the deal: "adhere to", "comply with", "incorporated by reference", ... */
export const INCORPORATION =
  /\b(?:adhere|comply|complies|compliance|accordance|consistent\s+with|incorporat\w*|conditioned|abide|restricted\s+uses?|set\s+(?:forth|out)\s+in|described\s+in|outlined\s+in|follows?|detailed\s+in|listed\s+in|specified\s+in|referenced\s+in|subject\s+to|governed\s+by|in\s+violation\s+of|violat\w*)\b/i

/** An internal attachment: "Attachment A", "Exhibit A", "Appendix 1", "Schedule 2". */
export const ATTACHMENT =
  /\b(?:[Aa]ttachment|ATTACHMENT|[Ee]xhibit|EXHIBIT|[Aa]ppendix|APPENDIX|[Aa]nnex|ANNEX|[Ss]chedule|SCHEDULE)\s+(?:[A-Z]|\d{1,2}|[IVX]{1,4})\b/

/** A title that opens a use policy inside the file: "Meta Llama 3 Acceptable Use Policy", "EXHIBIT A", "Prohibited Uses". */
export const POLICY_HEADING =
  /(?:acceptable|prohibited|permitted)\s+uses?\b|\buses?\s+polic(?:y|ies)\b|^\W{0,6}(?:exhibit|attachment|appendix|annex|schedule)\b/i

/** A use policy mentioned as "this ... Policy" is the text itself speaking, not an outside document. */
export function isSelfReference(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 60), at)
  return /\b[Tt]his(?:\s+\p{Lu}[\p{L}\d.-]*){0,6}\s*$/u.test(before)
}

/**
 * A list lead-in that forbids without naming the act: "you will not (and have no right to):", "You will not,
 * and will not permit, assist or cause any third party to:", "The following are prohibited:". The subject
 * must be the licensee ("The following methods ... shall not ... be a violation:" is not a ban).
 */
export const NEGATED_LEAD =
  /\b(?:you|licensee|users?)\s+(?:(?:will|shall|must|may|agree(?:\s+to)?)\s+not|cannot|are\s+not\s+(?:permitted|allowed))\b|\b(?:prohibited|forbidden)\b/i

/** The first URL or bare web address in a clause ("https://…", "ai.google.dev/gemma/prohibited_use_policy"). */
export function firstUrl(text: string): string | undefined {
  const m = /\bhttps?:\/\/[^\s<>()[\]"'“”]{3,300}|\b(?:[a-z0-9-]{1,60}\.){1,5}(?:com|ai|dev|org|io|net|cn)\/[^\s<>()[\]"'“”]{1,300}/i.exec(text)
  return m ? m[0].replace(/[.,;:)\]*]+$/, '') : undefined
}

/** Lower-case kebab slug: "Gemma Prohibited Use Policy" → "gemma-prohibited-use-policy". */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
}

/** How far a list announced by a lead-in ("... to:") may run: clauses and characters. */
const SCOPE_SEGMENTS = 80
const SCOPE_CHARS = 12000

/**
 * Indices of the clauses a lead-in governs: those after it, up to the next plain title (not a policy
 * title), at most {@link SCOPE_SEGMENTS} clauses or {@link SCOPE_CHARS} characters.
 */
export function listScope(segments: Segment[], lead: number): number[] {
  const out: number[] = []
  const limit = segments[lead].end + SCOPE_CHARS
  for (let i = lead + 1; i < segments.length && out.length < SCOPE_SEGMENTS; i++) {
    const s = segments[i]
    if (s.start > limit) break
    if (s.heading && !POLICY_HEADING.test(s.text) && !NAMED_FIELD.test(s.text) && !LIST_FIELD.test(s.text)) break
    out.push(i)
  }
  return out
}

/** A clause that forbids and announces a list: "You agree you will not use, or allow others to use, X to:". */
export function isProhibitionLead(s: Segment): boolean {
  if (s.heading && DONT_HEADING.test(s.text)) return true
  return mayProhibit(s) && announcesList(s.text) && ((PROHIBITION.test(s.text) && bindsLicensee(s.text)) || NEGATED_LEAD.test(s.text))
}

// A do's-and-don'ts list: a heading that is itself the prohibition ("DON'T", "Do not", "You must not:").
const DONT_HEADING = /^\W{0,6}(?:don['’]?ts?|do\s+not|never|not\s+(?:allowed|permitted)|you\s+(?:may|must|shall)\s+not|forbidden)\W{0,6}$/i

/** Gate for {@link PROHIBITION} and {@link NEGATED_LEAD}: one of their key words is in the clause. */
export function mayProhibit(s: Segment): boolean {
  return hasKey(s.keys, PROHIBIT_KEYS)
}
const PROHIBIT_KEYS = keys('not', "n't", 'prohibit', 'restrict', 'forbid', 'never', 'neither', 'refrain', 'excluded from')

/** Per clause, computed on first ask: does it name a specific field, a broader list field, or lead a prohibited-use list? */
export interface ClauseFlags {
  named(i: number): boolean
  listField(i: number): boolean
  lead(i: number): boolean
}

/** Lazy per-clause flags, shared by the detectors of one text (most clauses are never asked about). */
export function clauseFlags(ctx: DetectContext): ClauseFlags {
  return cached(ctx, 'clause-flags', () => {
    const lazy = (test: (s: Segment) => boolean) => {
      const memo: (boolean | undefined)[] = []
      return (i: number) => (memo[i] ??= test(ctx.segments[i]))
    }
    return {
      named: lazy((s) => NAMED_FIELD.test(s.text)),
      listField: lazy((s) => LIST_FIELD.test(s.text)),
      lead: lazy(isProhibitionLead),
    }
  })
}

/** Indices of every clause that sits in the list of a prohibition lead-in, computed once per text. */
export function prohibitedItems(ctx: DetectContext): Set<number> {
  return cached(ctx, 'prohibited-items', () => {
    const { lead } = clauseFlags(ctx)
    const out = new Set<number>()
    for (let i = 0; i < ctx.segments.length; i++) {
      if (lead(i)) for (const j of listScope(ctx.segments, i)) out.add(j)
    }
    return out
  })
}

/**
 * A clause that announces a list: ends with ":", says "the following" / "as follows", or breaks off on a
 * preposition because the list markers were lost ("... cause any third party to" + next paragraph).
 */
export function announcesList(text: string): boolean {
  let end = text.length
  while (end > 0 && isTrailer(text.charCodeAt(end - 1))) end--
  const last = text[end - 1]
  if (last === ':' || last === '：') return true
  // The last word, read from at most five characters back.
  let word = end
  while (word > 0 && end - word < 5 && !isTrailer(text.charCodeAt(word - 1), false)) word--
  if (end - word <= 4 && /^(?:to|for|from|by|in|of)$/i.test(text.slice(word, end))) return true
  return text.includes('follow') && /\b(?:the\s+following|as\s+follows)\b/i.test(text)
}

/** White space (the regex class `\s`), or with `marks` also `*` or `_`: what may trail a lead-in's colon. */
function isTrailer(c: number, marks = true): boolean {
  if ((marks && (c === 42 || c === 95)) || c === 32 || (c >= 9 && c <= 13)) return true
  return c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff)
}

/** Cheap gate before a regex: does the lower-cased clause contain any of these fragments? */
export function hasAny(lower: string, fragments: readonly string[]): boolean {
  for (const f of fragments) if (lower.includes(f)) return true
  return false
}

/** Case-insensitive search from `from`; a global regex is reset so callers can share constants. */
export function execAll(re: RegExp, text: string): RegExpExecArray[] {
  const g = re.global ? re : new RegExp(re.source, re.flags + 'g')
  g.lastIndex = 0
  const out: RegExpExecArray[] = []
  let m: RegExpExecArray | null
  while ((m = g.exec(text))) {
    out.push(m)
    if (m[0].length === 0) g.lastIndex++
  }
  return out
}
