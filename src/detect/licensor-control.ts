// Detector `licensor-control` (kind licensor-control): the licensor may restrict, change or end the grant on its
// own — remotely, when guardrails are bypassed, at will, or by changing the terms (RESTRICTIONS.md rule 9).
// Termination for breach, the word "revocable", a steward publishing new license versions and a bare policy URL
// do not count.
import { defineDetector, spanOf, type DetectContext, type Hit } from './define-detector.js'
import { hasKey, keys, type KeySet } from './keywords.js'
import type { Segment } from './segment.js'

const messages = {
  'remote-restriction': 'The licensor may restrict or disable use remotely ("{quote}")',
  guardrail: 'The license ends automatically if safety guardrails or technical limits are bypassed ("{quote}")',
  'termination-at-will': 'The licensor may terminate the license at will ("{quote}")',
  'unilateral-changes': 'The licensor may change the terms on its own ("{quote}")',
}

// "reserves the right to restrict (remotely or otherwise) usage", "disable any Contribution either by
// pre-installed or then installed disabling instructions", "update the Model through electronic means".
const REMOTE =
  /\b(?:restrict|disable|limit|suspend|deactivate)\w*\b[^;.]{0,40}?[\s,(]\(?remotely\b|\bremotely\s+(?:(?:update|filter|change|alter|patch)\w*,?\s+(?:(?:or|and)\s+)?){0,3}(?:restrict|disable|filter|deactivate|shut|suspend|limit|modif|degrad|throttl|turn\s+off|switch\s+off)\w*|\bdisabling\s+instructions\b|\bkill[- ]switch\b|\bupdate\s+the\s+model\s+through\s+electronic\s+means\b|\bupdates?\b[^;]{0,80}\bmodif\w*\b[^;]{0,60}\boutputs?\b|\b(?:automatic|remote|over-the-air|forced)\s+updates?\b[^;.]{0,60}\b(?:restrict|disabl|limit|remov|degrad|modif)\w*|\b(?:modify|alter)\s+(?:the\s+|its\s+|any\s+)?(?:generated\s+)?outputs?\b(?!\s+(?:you|that\s+you))/i
// "Clover may push updates to the model that modify, limit or switch off its functionality": the licensor
// delivers updates that take functionality away.
const PUSHED_UPDATE =
  /\b(?:may|can|will|reserves?\s+the\s+right\s+to)\s+(?:push|deploy|install|deliver|send|roll\s+out|issue|apply|force)\b[^;.]{0,40}\bupdates?\b[^;.]{0,80}\b(?:modif|limit|restrict|disabl|switch\w*\s+off|turn\w*\s+off|shut\w*\s+(?:off|down)|deactivat|remov|degrad)\w*/i
// "If You bypass, disable, reduce the efficacy of, or circumvent any technical limitation, safety guardrail ...
// your rights under this Agreement will automatically terminate."
// The three parts may sit in two sentences of one paragraph ("The model ships with safety filters. If you bypass
// any of them, this licence ends."), so they are tested apart: the act and the end in the clause, the guardrail
// in the clause or the one before it.
const BYPASS =
  /\b(?:bypass|circumvent|disabl|defeat|remov|evad|tamper)\w*\b[^;]{0,300}\b(?:terminat\w*|ends?\b|cease|lapses?\b|is\s+revoked)|\b(?:terminat\w*|ends?|ceases?|lapses?)\b[^;]{0,80}\b(?:if|when|should|once)\b[^;]{0,80}\b(?:bypass|circumvent|disabl|defeat|remov|evad|tamper)\w*/i
const GUARDRAIL_NOUN =
  /\b(?:guardrails?|(?:safety|refusal|moderation|filtering)\s+(?:measures?|mechanisms?|filters?|features?|systems?|classifiers?|layers?)|content\s+filters?|safeguards?|technical\s+limitations?|(?:rate|usage)\s+limits?)\b/i
// "We may terminate this License, in whole or in part, at any time upon notice", "NVIDIA may terminate this
// Agreement with prior written notice to you if, in NVIDIA's sole discretion, ... no longer commercially viable".
// "Corvid may, at its sole discretion and at any time, suspend or terminate ...": up to 80 characters between
// the modal and the verb, whose conditions count as much as those after it.
const TERMINATE = /\b(?:may|can|(?:reserves?|retains?)\s+the\s+right\s+to)\b([^;.]{0,80}?)\b(?:terminate|revoke|suspend|end|cancel|withdraw|discontinue|cut\s+off|shut\s+off|block)\b([^;]{0,250})/i
const AT_WILL =
  /\bat\s+any\s+time\b|\bfor\s+any\s+reason\b|\bwithout\s+cause\b|\bfor\s+convenience\b|\bsole\s+discretion\b|\bcommercially\s+viable\b|\b(?:its|our|their|his|her)\s+(?:own\s+)?(?:sole\s+|absolute\s+|complete\s+)?discretion\b|\bno\s+longer\s+(?:\w+\s+)?(?:viable|sustainable|feasible)\b|\bupon\s+(?:\w+\s+){0,2}notice\b|\bwith\s+(?:prior\s+)?(?:written\s+)?notice\b|\bwhenever\s+(?:we|it|the\s+licensor)\b|\bat\s+will\b/i
// "This license continues until Lumen tells you in writing that it is ending": the grant lasts only as long as
// the licensor chooses (not "until you stop using the model").
const UNTIL_NOTICE =
  /\buntil\s+(?!you\b|licensee\b)[^;.]{0,60}?\b(?:notif\w*|tells?|informs?|gives?\s+(?:you\s+)?notice|decides?|elects?)\b[^;.]{0,60}?\b(?:ends?|ending|terminat\w*|over|withdraw\w*)\b/i
const FOR_BREACH = /\bbreach|\bviolat|\bfail(?:s|ed|ure)?\s+to\s+(?:comply|pay)|\bnon-?payment|\bnon-?compliance|\binfring|\bif\s+you\s+(?:institute|commence|bring|file)/i
// Terms the licensor may change: "reserves the right to update the Agreement from time to time", "Meta may modify
// this Agreement from time to time", "The Acceptable Use Policy may be updated from time to time", "as may be
// updated from time to time", "the latest version from time to time", "the license is subject to update".
const CHANGES = [
  /\b(?:may|can|will|reserves?\s+the\s+right\s+to)\s+(?:(?:update|modify|amend|change|revise|supplement|alter)\s+(?:and|or|and\/or)\s+)?(?:update|modify|amend|change|revise|supplement|alter)\s+(?:this|these|the|its|any)\s+(?:[\w-]+\s+){0,5}(?:agreement|licen[cs]e|terms|polic(?:y|ies)|AUP|conditions|guidelines|appendix|appendices|exhibit|attachment|schedule|annex)\b/i,
  /\b(?:agreement|licen[cs]e|terms|polic(?:y|ies)|AUP|conditions|appendix|exhibit|attachment|schedule|annex)\b(?:\s+[\w-]+){0,3}?,?\s+(?:which\s+)?(?:may|will|can)\s+be\s+(?:updated|modified|amended|changed|revised)\b/i,
  /\b(?:agreement|licen[cs]e|terms|polic(?:y|ies)|AUP|conditions|guidelines|appendix|appendices|exhibit|attachment|schedule|annex)\b[^;]{0,80}\bas\s+(?:may\s+be\s+|it\s+may\s+be\s+|they\s+may\s+be\s+)?(?:updated|modified|amended|revised)\b[^;]{0,40}?\bfrom\s+time\s+to\s+time\b/i,
  /\blatest\s+version\s+from\s+time\s+to\s+time\b/i,
  // "We may publish revised versions of this Addendum, which will apply to you" (a steward's new versions
  // bind only those who opt in; these bind you, see BINDS_YOU).
  /\b(?:may|can|will|reserves?\s+the\s+right\s+to)\s+(?:publish|issue|release)\s+(?:revised|updated|amended|new)\s+versions?\s+of\s+(?:this|these)\s+(?:[\w-]+\s+){0,3}?(?:agreement|licen[cs]e|terms|polic(?:y|ies)|addendum|conditions)\b/i,
  // "The Acceptable Use Policy may change": a statement that the terms will change.
  /\b(?:agreement|licen[cs]e|terms|polic(?:y|ies)|AUP|conditions|guidelines)\s+(?:may|will|can|is\s+likely\s+to|are\s+likely\s+to)\s+(?:change|evolve)\b/i,
  /\b(?:agreement|licen[cs]e|terms|polic(?:y|ies))\s+(?:is|are)\s+subject\s+to\s+(?:update|change|revision|modification)s?\b/i,
]
// The change is made by someone else than the licensor, or only by mutual written agreement: "You may modify
// the text of this License", "the court may modify this License", "No terms ... can be modified ... unless
// done so in a writing signed by all affected parties".
const NOT_UNILATERAL = /\b(?:you|licensee|recipient|court|parties)\s+(?:may|can|will)\s+(?:update|modify|amend|change|revise|alter)\b|\bsigned\s+by\b|\bin\s+writing\b|\bmutual\w*\b|\bno\s+terms?\b/i
// New versions that bind the licensee without opting in: "which will apply to you from their publication date".
const BINDS_YOU = /\b(?:will|shall)\s+(?:automatically\s+)?(?:apply|bind)\s+(?:to\s+)?you\b/i
// A steward publishing new license versions (GPL, MPL, CC) is not control over an existing grant.
const STEWARD =
  /\bonly\s+[\w.,&\s]{1,40}?\s+(?:may|can)\s+modify\s+the\s+terms\s+applicable\b|\bpublish\w*\b[^;]{0,40}\b(?:new|revised)\b[^;]{0,20}\bversions?\b|\bnew\s+versions?\s+of\s+(?:the|this)\b|\blicen[cs]e\s+steward\b|\bversion\s+number\b/i
// "as may be updated" must be about terms, not a model list or the model itself.
const ABOUT_TERMS = /\b(?:addend(?:um|a)|agreement|licen[cs]e|terms|polic(?:y|ies)|AUP|conditions|guidelines|appendix|appendices|exhibit|attachment|schedule|annex)\b/i

// Phrases each check cannot match without; plain "modify" or "terminate" are everywhere in licenses.
const REMOTE_GATE = keys('remote', 'disabling', 'kill', 'electronic means', 'update')
const GUARDRAIL_GATE = keys('bypass', 'circumvent', 'disabl', 'defeat', 'remov', 'evad', 'tamper')
const UNTIL_GATE = keys('until')
const TERMINATE_GATE = keys('terminat', 'revoke', 'suspend', ' end ', 'cancel', 'withdraw', 'discontinu', 'may terminate', 'can terminate', 'to terminate', 'may revoke', 'to revoke', 'may suspend', 'to suspend', 'may immediately', 'can revoke', 'cut off', 'shut off', 'block')
const CHANGES_GATE = keys(
  'may update', 'may modify', 'may amend', 'may change', 'may revise', 'may supplement', 'can update', 'can modify', 'can change', 'can be',
  'will update', 'will modify', 'will amend', 'will change', 'will revise', 'may alter', 'will alter', 'to update', 'to modify', 'to amend', 'to change', 'to revise', 'to supplement', 'be updated', 'be modified',
  'be amended', 'be changed', 'be revised', 'from time to time', 'subject to update', 'subject to change', 'subject to revision', 'subject to modification', 'may publish', 'will publish', 'can publish', 'to publish', 'may issue', 'may release',
)


const PRIORITY = ['remote-restriction', 'guardrail', 'termination-at-will', 'unilateral-changes'] as const
type Mechanism = (typeof PRIORITY)[number]

/**
 * `t` is the clause; `prev` and `next` are read with it for steward wording ("Each revision is distinguished
 * by a version number", "Only Borland ... can modify the terms applicable to Covered Code").
 */
function mechanismOf(t: string, found: KeySet, next = '', prev = '', sameBlockPrev = ''): Mechanism | undefined {
  // Each check is gated by a word it cannot match without (`l` is the lower-cased clause).
  if (hasKey(found, REMOTE_GATE) && (REMOTE.test(t) || PUSHED_UPDATE.test(t))) return 'remote-restriction'
  if (hasKey(found, GUARDRAIL_GATE) && BYPASS.test(t) && GUARDRAIL_NOUN.test(`${sameBlockPrev} ${t}`)) return 'guardrail'
  if (hasKey(found, UNTIL_GATE) && UNTIL_NOTICE.test(t)) return 'termination-at-will'
  const term = hasKey(found, TERMINATE_GATE) ? TERMINATE.exec(t) : null
  if (term && !/\b(?:you|licensee|recipient)\s*$/i.test(t.slice(0, term.index).slice(-20))) {
    // Conditions may come before the modal ("If ... no longer commercially viable for us, we may end ..."),
    // between it and the verb, or after the verb.
    const conditions = `${t.slice(0, term.index)} ${term[1]} ${term[2]}`
    if (AT_WILL.test(conditions) && !FOR_BREACH.test(`${term[1]} ${term[2]}`)) return 'termination-at-will'
  }
  if (
    hasKey(found, CHANGES_GATE) &&
    CHANGES.some((re) => re.test(t)) &&
    ABOUT_TERMS.test(t) &&
    !NOT_UNILATERAL.test(t) &&
    (!STEWARD.test(`${prev} ${t} ${next}`) || BINDS_YOU.test(t))
  )
    return 'unilateral-changes'
  return undefined
}

/**
 * Detector for kind `licensor-control`: one finding, `{mechanism}` = the strongest of remote-restriction > guardrail >
 * termination-at-will > unilateral-changes; the other clauses stay as evidence.
 * @example licensorControl.detect(ctx) // → [{parameters: {mechanism: 'remote-restriction'}, ...}]
 */
export const licensorControl = defineDetector({
  ruleId: 'licensor-control',
  kind: 'licensor-control',
  messages,
  detect(ctx: DetectContext): Hit[] {
    const found: { s: Segment; mechanism: Mechanism }[] = []
    const segs = ctx.segments
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i]
      const before = segs[i - 1]
      const mechanism = mechanismOf(s.text, s.keys, segs[i + 1]?.text, before?.text, before?.block === s.block ? before.text : '')
      if (mechanism) found.push({ s, mechanism })
    }
    if (!found.length) return []
    // One finding: the strongest mechanism, with the other clauses kept as extra evidence.
    found.sort((a, b) => PRIORITY.indexOf(a.mechanism) - PRIORITY.indexOf(b.mechanism))
    const mechanism = found[0].mechanism
    return [
      {
        parameters: { mechanism },
        spans: found.map((f) => spanOf(f.s)),
        messageId: mechanism,
        data: { quote: found[0].s.text.replace(/\s+/g, ' ').slice(0, 100) },
      },
    ]
  },
})
