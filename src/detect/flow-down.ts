// Detector `flow-down` (kind flow-down): copies, derivatives or downstream users stay bound by the license's
// terms or restrictions — pass-through clauses, copyleft and ShareAlike (RESTRICTIONS.md rule 8). A bare duty
// to hand over a copy of the license, to keep notices, or Apache-style "your modifications may carry other
// terms" is not flow-down.
import { defineDetector, spanOf, type DetectContext, type Hit } from './define-detector.js'
import { hasKey, keys, type KeyGate } from './keywords.js'
import type { Segment } from './segment.js'

const messages = {
  flow: 'Copies or derivatives must carry its terms or restrictions ("{quote}")',
}

// "this License", "this Agreement", "this General Public License", "this Open Software License", "these terms".
const THIS = '(?:this|these|the\\s+present)\\s+(?:[\\w-]+\\s+){0,3}?(?:agreement|licen[cs]e|terms)'
const TERMS_OF = '(?:the\\s+(?:terms|conditions)\\s+(?:and\\s+conditions\\s+)?of\\s+)?'

// "under this License", "under the terms of this Agreement", "under the conditions of these terms" (gate).
const UNDER_THIS = keys('under this', 'under these', 'under the terms of this', 'under the terms and conditions of this', 'under the conditions of this', 'under the present', 'under the terms of these')

/** One regex per way of saying it, each with words it cannot match without (a cheap gate), and an example. */
/** `[gate, pattern, second gate?]`: the pattern runs when the gate (and the second gate, if any) is open. */
const PATTERNS: [KeyGate, RegExp, KeyGate?][] = [
  // "Use-based restrictions ... MUST be included as an enforceable provision by You in any type of legal agreement"
  [keys('enforceable'), /\benforceable\s+provisions?\b/i],
  // "You shall require all of Your users who use the Model ... to comply with the terms of this paragraph"
  [keys('require'), /\brequire\b[^;]{0,40}\b(?:users?|licensees?|customers?|recipients?|sublicensees?|end[-\s]users?|anyone|everyone|whoever|third\s+parties)\b[^;]{0,160}\b(?:comply|accept|abide)\b/i],
  // "the Software Products, Derivative Works, or any portion thereof ... will remain subject to this Agreement"
  [keys('remain subject', 'remains subject', 'continue to be subject', 'continues to be subject'), new RegExp(`\\b(?:remains?|continues?\\s+to\\s+be)\\s+subject\\s+to\\s+${THIS}`, 'i')],
  // "any Derivatives that You may create ... shall be subject to the restrictions set out in Section 3"
  [keys('subject to this', 'subject to these', 'subject to the restrictions', 'subject to the terms', 'subject to the conditions', 'subject to the present'), new RegExp(
    `\\b(?:derivative|modification|copies|outputs?|distribution)\\w*\\b[^;]{0,160}\\b(?:shall|will|are|is)\\s+(?:also\\s+)?subject\\s+to\\s+(?:the\\s+(?:terms|restrictions|conditions)\\b[^;]{0,60}?)?${THIS}|\\b(?:derivative|modification|output)\\w*\\b[^;]{0,160}\\b(?:shall|will)\\s+be\\s+subject\\s+to\\s+the\\s+restrictions\\b`,
    'i',
  )],
  // "you may only do so under the terms of this Agreement", "must make it available only under the terms of this license"
  [keys('only do so', 'only be', 'only distribute', 'only share', 'only make', 'only licen', 'only convey', 'only under'), new RegExp(
    `(?:\\bonly\\s+(?:be\\s+)?(?:do\\s+so|distribute\\w*|shared|share|make\\s+\\w+\\s+available|licen[cs]e\\w*|convey)\\b[^;]{0,40}|\\b(?:(?:re)?distribut\\w*|do\\s+so|available|licen[cs]ed|share\\w*|publish\\w*|perform\\w*|sublicens\\w*|convey\\w*)\\b[^;]{0,100}\\bonly\\s+)under\\s+(?:the\\s+terms\\s+(?:and\\s+conditions\\s+)?of\\s+)?${THIS}`,
    'i',
  )],
  // "must be provided under this license or another license that allows everything this license allows"
  // MPL: "All distribution of Covered Software in Source Code Form ... must be under the terms of this License"
  [
    keys('under this', 'under the terms', 'under these', 'under the present'),
    new RegExp(
      `\\b(?:distribut|communicat|cop(?:y|ies)|modification|derivative|fine-tun|checkpoint|adaptation|version)\\w*\\b[^;]{0,200}\\b(?:must|shall|will)\\s+(?:only\\s+)?be\\s+(?:(?:provided|licen[cs]ed|distributed|made\\s+available|released|offered|done|made|shared)\\b[^;]{0,60}?\s*)?(?:only\\s+|entirely\\s+|exclusively\\s+|solely\\s+)?under\\s+${TERMS_OF}${THIS}|\\b(?:must|shall)\\s+be\\s+(?:provided|licen[cs]ed|distributed|made\\s+available|released)\\s+(?:only\\s+)?under\\s+(?:the\\s+terms\\s+of\\s+)?${THIS}`,
      'i',
    ),
    // Both branches need the modal and "be" next to each other.
    keys('must be', 'shall be', 'will be', 'must only be', 'shall only be', 'will only be'),
  ],
  // GPL: "You must license the entire work, as a whole, under this License to anyone who comes into possession";
  // CeCILL: "the Licensee undertakes to distribute the Modified Software under the conditions of this Agreement"
  [UNDER_THIS, new RegExp(`\\b(?:must|shall|undertakes?\\s+to)\\s+(?:license|licence|distribute|convey|release|publish)\\b[^;]{0,100}\\bunder\\s+${TERMS_OF}${THIS}`, 'i')],
  // RPL: "any Modifications, Derivative Works ... that You create ... are governed by the terms of this License";
  // QPL: "all modifications included in the machine-executable forms are available under the terms of this license"
  [
    keys('governed by', 'available under'),
    new RegExp(
      `(?:\\byour\\s+(?:modification|derivative|extension)\\w*|\\b(?:modification|derivative|extension)\\w*\\b[^;]{0,160}\\b(?:that\\s+you|you\\s+create)\\b[^;]{0,80}|\\bensure\\s+that\\b[^;]{0,40}\\bmodification\\w*\\b[^;]{0,80})\\s+(?:are|be|is|shall\\s+be)\\s+(?:governed\\s+by|available\\s+under)\\s+${TERMS_OF}${THIS}`,
      'i',
    ),
  ],
  // EUPL "Copyleft clause:", GFDL 'This License is a kind of "copyleft", which means that derivative works ...'
  [keys('copyleft'), /\bcopyleft["”]?\s*(?:clause\b|,\s*which\s+means)/i],
  // GPL-2 / Open Aleph: "cause the Derivative Works to be licensed as a whole at no charge to all third parties under the terms of this License"
  [keys('to be licen'), new RegExp(`\\bto\\s+be\\s+licen[cs]ed\\b[^;]{0,120}\\bunder\\s+(?:the\\s+terms\\s+of\\s+)?${THIS}`, 'i')],
  // "specify that any rights to use the Models and/or Derivatives shall be directly granted by Company to said third-party recipients"
  [keys('granted'), /\b(?:rights?|licen[cs]es?)\b[^;]{0,120}\b(?:shall|will|must)\s+be\s+(?:directly\s+granted|granted\s+directly)\s+by\b/i],
  // "Any additional or different terms and conditions you impose must not conflict with the terms of this Agreement"
  [keys('not conflict', 'not contradict', 'not be inconsistent'), new RegExp(`\\b(?:terms|conditions)\\b[^;]{0,80}\\b(?:must|shall|may)\\s+not\\s+(?:conflict|contradict|be\\s+inconsistent)\\b[^;]{0,40}${THIS}`, 'i')],
  // "offer or impose any terms on the Software Products that alter, restrict, or are inconsistent with the terms of this License"
  [keys('alter', 'inconsistent', 'conflict', 'contradict'), new RegExp(`\\b(?:offer|impose)\\b[^;]{0,60}\\bterms\\b[^;]{0,80}\\b(?:alter|inconsistent|conflict|contradict)\\w*\\b[^;]{0,40}${THIS}`, 'i')],
  // "under any license of your choice that does not contradict the restrictions in Attachment A"
  [keys('of your choice'), /\blicen[cs]e\s+of\s+your\s+choice\s+that\s+(?:does\s+not|do\s+not|shall\s+not)\s+(?:contradict|conflict)/i],
  // "any Model Derivatives You may create ... will be limited to Research Purposes as well"; "these modifications
  // shall not violate the license restrictions of this Agreement"; "Derivative Models must only be used or distributed for"
  [keys('limited to', 'not violate', 'only be'), /\b(?:deriv|modification)\w*\b[^;]{0,160}\b(?:will|shall|must)\s+(?:(?:also\s+)?be\s+limited\s+to|not\s+violate\s+the\s+(?:license\s+)?restrictions|only\s+be\s+(?:used|distributed))\b/i],
  // "Any restrictions set forth herein regarding the Model also applies to any Derivative you create"
  [keys('apply to', 'applies to', 'apply equally'), /\b(?:restrictions?|(?:sections?|clauses?|articles?|paragraphs?)\s+[\w.]{1,6}(?:\s+(?:and|to)\s+[\w.]{1,6})?)\b[^;]{0,120}\b(?<!not\s)(?<!n't\s)(?:also\s+|equally\s+)?appl(?:y|ies)\s+(?:equally\s+)?to\s+(?:(?:any|all|each|every)\s+(?:derivative|modification|fine-tun)|them\b|those\b|such\s+(?:derivative|model|version|modification))/i],
  // "you must do so under this license" (sharing adaptations), "may only be shared under this same research licence"
  [keys('do so under', 'be shared under', 'only be shared'), new RegExp(`\\b(?:must|shall|may\\s+only|can\\s+only)\\s+(?:do\\s+so|(?:only\\s+)?be\\s+shared)\\s+(?:only\\s+)?under\\s+${TERMS_OF}${THIS}`, 'i')],
  // "share fine-tuned versions only with recipients who accept this Developer License"
  [keys('only with', 'only to'), new RegExp(`\\bonly\\s+(?:with|to)\\s+(?:recipients|parties|persons|people|third\\s+parties|users|licensees|those)\\b[^;]{0,40}\\b(?:who|that|which)\\s+(?:accept|agree\\s+to|are\\s+bound\\s+by)\\s+${TERMS_OF}${THIS}`, 'i')],
  // "you must make them agree to these same terms", "ensure that recipients agree to be bound by this Agreement"
  [keys('agree to', 'bound by', 'comply with'), new RegExp(`\\b(?:make|require|ensure|cause)\\b[^;]{0,120}\\b(?:agree\\s+to\\s+(?:be\\s+bound\\s+by\\s+)?|(?:is|are|be|remains?)\\s+bound\\s+by\\s+|comply\\s+with\\s+)${TERMS_OF}${THIS}`, 'i')],
  // "Recipients of the Model must agree to these terms" (downstream parties, not the licensee itself)
  [keys('recipient', 'sublicensee', 'customer', 'end user', 'end-user', 'third part'), new RegExp(`\\b(?:recipients?|sublicensees?|customers?|end[-\\s]users?|third\\s+parties)\\b[^;]{0,80}\\b(?:must|shall|will\\s+be\\s+required\\s+to)\\s+(?:first\\s+)?(?:agree\\s+to|accept|be\\s+bound\\s+by)\\s+${TERMS_OF}${THIS}`, 'i')],
  // "Anyone who receives the model from you takes it subject to this licence"
  [keys('subject to this', 'subject to these', 'subject to the terms'), new RegExp(`\\b(?:takes?|receives?|holds?|acquires?|obtains?)\\s+(?:it|them|the\\s+[\\w-]+|a\\s+copy|any\\s+copy)\\s+subject\\s+to\\s+${TERMS_OF}${THIS}`, 'i')],
  // "impose these restrictions on your downstream users by contract"
  [keys('impose', 'extend'), /\b(?:impose|extend)\w*\s+(?:these|the|such|the\s+same|all|this\s+\w+'s)\s+(?:use\s+)?(?:restrictions|terms|obligations|conditions)\s+(?:on|upon|to)\s+(?:your\s+|any\s+|all\s+)?(?:downstream|recipients|customers|users|end[-\s]users|sublicensees|licensees|third)/i],
  // "recipients are bound by it"; "Your downstream customers must also comply with the Acceptable Use Policy"
  [keys('bound by', 'comply with', 'abide by', 'adhere to'), /\b(?:recipients?|sublicensees?|downstream\s+[\w-]+|customers?|end[-\s]users?|third\s+parties)\b[^;]{0,60}\b(?:(?:are|is|shall\s+be|will\s+be|remain)\s+(?:also\s+)?bound\s+by\s+(?:it|this|these|the\s+(?:same\s+)?(?:terms|licen[cs]e|agreement|restrictions|obligations|conditions))|(?:must|shall)\s+(?:also\s+)?(?:comply\s+with|abide\s+by|adhere\s+to)\s+(?:the\s+|this\s+|these\s+)?(?:[\w-]+\s+){0,3}(?:polic(?:y|ies)|restrictions|terms|licen[cs]e|agreement))\b/i],
  // "Those who obtain the model through you are also bound by Section 4"
  [keys('bound by'), /\b(?:anyone|those|persons?|parties|people|entities)\s+(?:who|that|which)\s+(?:receives?|obtains?|gets?|acquires?)\b[^;]{0,60}?\b(?:from|through|via)\s+you\b[^;]{0,30}\b(?:are|is|shall\s+be|will\s+be|remain)\s+(?:also\s+)?bound\s+by\b/i],
  // "Sublicensing is permitted only on terms that include the use restrictions of Annex B"
  [keys('only on terms', 'only under terms'), /\bonly\s+(?:on|under)\s+terms\s+(?:that|which)\s+(?:include|incorporate|contain|reproduce|are\s+consistent\s+with)\b[^;]{0,40}\b(?:restrictions|this|these)\b/i],
  // "making sure each of your customers complies with Sections 2 and 3"; "ensure that your end users comply with these terms"
  [keys('make sure', 'making sure', 'ensur'), /\b(?:mak(?:e|ing)\s+sure|ensur(?:e|es|ing))\b[^;]{0,60}\b(?:customers?|users?|end[-\s]users?|recipients?|sublicensees?|them|they|each\s+of\s+them|anyone)\b[^;]{0,40}\bcompl(?:y|ies)\s+with\s+(?:(?:this|these|the|its|our)\s+(?:[\w-]+\s+){0,3}?(?:polic(?:y|ies)|restrictions|terms|licen[cs]e|agreement|conditions)|sections?|clauses?|articles?|paragraphs?)\b/i],
  // "Any copy of the model you hand on carries these terms with it"
  [keys('carr', 'travel'), /\b(?:carr(?:y|ies)|travels?)\s+(?:these|this|the\s+same|its)\s+(?:[\w-]+\s+)?(?:terms|licen[cs]e|restrictions|conditions)\s+with\s+(?:it|them)\b/i],
  // "an agreement in which the recipient accepts the use restrictions of Clause 4"
  [keys('accept', 'agree to', 'bound by'), /\b(?:recipients?|sublicensees?|customers?|transferees?)\s+(?:accepts?|agrees?\s+to|is\s+bound\s+by|are\s+bound\s+by)\s+(?:the\s+|all\s+)?(?:use\s+)?restrictions\b/i],
  // "Whoever you share the weights with must accept this licence first"
  [keys('accept', 'agree to', 'bound by'), new RegExp(`\\b(?:whoever|anyone|everyone|any\\s+(?:person|party)|those)\\s+(?:to\\s+whom\\s+|whom\\s+|that\\s+|who\\s+)?you\\b[^;]{0,60}\\b(?:must|shall)\\s+(?:first\\s+)?(?:accept|agree\\s+to|be\\s+bound\\s+by)\\s+${TERMS_OF}${THIS}`, 'i')],
  // "pass these use restrictions on to anyone you share it with", "flow down the restrictions"
  [keys('pass', 'flow down', 'flow-down'), /\bpass(?:es|ed|ing)?\b[^;]{0,60}\b(?:restrictions|terms|obligations|conditions)\b[^;]{0,10}\b(?:on|through|along)\s+to\b|\b(?:pass(?:es|ed|ing)?\s+(?:on|through|along)|flows?\s+down)\b[^;]{0,40}\b(?:restrictions|terms|obligations|conditions)\b/i],
  // "each recipient is bound by written terms at least as protective of Corvid as Article 3"
  // "bind them by contract to use restrictions no less protective of Thistle than those in Section 2"
  [keys('at least as', 'no less', 'at least equivalent'), /\b(?:terms|agreement|licen[cs]e|conditions|restrictions|obligations)\b[^;]{0,60}\b(?:(?:at\s+least\s+as|no\s+less)\s+(?:protective|restrictive|stringent)|at\s+least\s+equivalent\s+to)\b/i],
  // "Derivative Works inherit all restrictions of this Agreement"
  [keys('inherit'), /\b(?:derivative|modification|cop(?:y|ies)|fine-tun|adaptation|version)\w*\b[^;]{0,80}\binherits?\b[^;]{0,30}\b(?:restrictions|terms|conditions|obligations)\b/i],
  // ShareAlike: "The Adapter's License You apply must be a Creative Commons license with the same License Elements"
  [keys('same licen', 'alike'), /\bsame\s+licen[cs]e\s+elements\b|\b(?:must|shall)\b[^;]{0,80}\bunder\s+the\s+same\s+licen[cs]e\b|\bshare\s*-?\s*alike\b[^;]{0,80}\b(?:must|shall)\b/i],
]

/** Every pattern's words: a clause with none of them is skipped at once. */
const ANY_GATE = keys(...PATTERNS.flatMap(([gate]) => gate))

/**
 * Detector for kind `flow-down`: pass-through clauses, copyleft and ShareAlike; `parameters` is `{}`.
 * @example flowDown.detect(ctx) // → [{parameters: {}, spans: [[300, 420]], ...}]
 */
export const flowDown = defineDetector({
  ruleId: 'flow-down',
  kind: 'flow-down',
  messages,
  detect(ctx: DetectContext): Hit[] {
    const hits: Segment[] = []
    for (const s of ctx.segments) {
      if (!hasKey(s.keys, ANY_GATE)) continue
      for (const [gate, re, also] of PATTERNS) {
        if (hasKey(s.keys, gate) && (!also || hasKey(s.keys, also)) && re.test(s.text)) {
          hits.push(s)
          break
        }
      }
    }
    if (!hits.length) return []
    return [{ parameters: {}, spans: hits.map(spanOf), messageId: 'flow', data: { quote: hits[0].text.replace(/\s+/g, ' ').slice(0, 100) } }]
  },
})
