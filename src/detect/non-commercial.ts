// Detector `non-commercial` (kind non-commercial): the grant does not cover (free) commercial use —
// research-only, non-production, evaluation-only, plain non-commercial, or commercial use after registration.
import { defineDetector, spanOf, type DetectContext, type Hit } from './define-detector.js'
import { hasKey, keys } from './keywords.js'
import type { Segment } from './segment.js'

const messages = {
  'research-only': 'Grants use for research only ("{quote}")',
  'non-production': 'Grants use outside production only; production use needs another license ("{quote}")',
  'evaluation-only': 'Grants use for evaluation only ("{quote}")',
  'non-commercial': 'Grants non-commercial use only ("{quote}")',
  'registration-required': 'Commercial use requires registering with or authorization from the licensor ("{quote}")',
}

const NC = 'non[- ]?commercial|noncommercial'
// The grant itself is limited: "solely for your non-commercial research purposes", "exclusively for Research
// Purposes", "You may only use ... for non-Commercial Purposes", "for testing, research, Personal, or
// evaluation purposes in Non-Production Environments".
const LIMITED_GRANT = new RegExp(
  `\\b(?:solely|only|exclusively|strictly)\\b[^;]{0,160}?\\bfor\\s+(?:the\\s+purposes?\\s+of\\s+)?(?:any\\s+)?(?:your\\s+)?(?:[\\w-]+,?\\s+){0,3}(?:${NC}|research|evaluation|non[- ]?production|academic)\\b|\\bfor\\s+the\\s+(?:sole|only|exclusive)\\s+purposes?\\s+of\\s+(?:[\\w-]+,?\\s+){0,2}?(?:${NC}|research\\w*|evaluat\\w*|assess\\w*|testing|academic)\\b`,
  'i',
)
// "for the sole purpose of evaluating it" counts with the above.
// "provides the model to you only so that you can evaluate it", "solely to conduct research on".
const ONLY_TO = /\b(?:solely|only|exclusively|strictly)\s+(?:so\s+that|in\s+order\s+(?:that|to)|to)\s+(?:you\s+(?:can|may|are\s+able\s+to)\s+)?(?:evaluat\w*|assess|test|trial|conduct\s+(?:non[- ]?commercial\s+)?(?:academic\s+)?research)\b/i
// "Use of the model is restricted to teaching and academic research", "limited to personal, non-commercial use".
const RESTRICTED_TO = new RegExp(
  `\\b(?:restricted|limited|confined)\\s+to\\s+(?:the\\s+)?(?:[\\w-]+,?\\s+(?:(?:and|or)\\s+)?){0,3}?(?:${NC}|research|evaluation|academic|non[- ]?production)\\b`,
  'i',
)
// "This trial licence allows evaluation of the model for up to 30 days" (a grant of evaluation alone).
const ALLOWS_EVALUATION = /\b(?:allows?|permits?|authori[sz]es?)\s+(?:you\s+)?(?:to\s+)?(?:the\s+)?evaluat\w*\b(?![^;]{0,80}\bcommercial)/i
// "for NonCommercial purposes only", "FOR NON-COMMERCIAL PURPOSES ONLY", "for research or evaluation purposes only".
const PURPOSES_ONLY = new RegExp(
  `\\b(?:for|in)\\s+(?:[\\w-]+\\s+(?:or|and)\\s+)?(?:${NC}|research|evaluation|academic|non[- ]?production)\\b[^;]{0,40}?\\b(?:purposes?|uses?|environments?|settings?|contexts?)\\s+only\\b|\\bfor\\s+(?:[\\w-]+\\s+){0,2}?(?:research|evaluation|testing)\\s+only\\b`,
  'i',
)
// A grant "for any Non-Commercial ... purpose", "to deal in the Software for non-commercial purposes",
// "for purposes other than commercial or production use", "For non-production use without a subscription".
const GRANT_FOR_NC = new RegExp(
  `\\b(?:licen[cs](?:e|ed)|right|permission|grants?|granted|permitted)\\b[^;]{0,300}?\\bfor\\s+(?:any\\s+)?(?:your\\s+)?(?:[\\w-]+,?\\s+(?:(?:or|and)\\s+)?)?(?:${NC})\\b|\\bfor\\s+purposes\\s+other\\s+than\\s+commercial\\b|\\bfor\\s+non[- ]?production\\s+use\\b`,
  'i',
)
// "Any noncommercial purpose is a permitted purpose." (the grant covers "any permitted purpose").
const NC_PERMITTED = new RegExp(
  `\\b(?:any\\s+)?(?:${NC})\\s+(?:purposes?|uses?)\\s+(?:is|are)\\s+(?:a\\s+|the\\s+only\\s+)?permitted\\b|\\bonly\\s+(?:${NC})\\s+(?:purposes?|uses?)\\s+(?:is|are)\\s+permitted\\b`,
  'i',
)
// "free of charge for development, testing, research and other non-production purposes"; "does not grant any
// production rights".
const NON_PRODUCTION = /\bnon[- ]?production\s+(?:purposes?|uses?|environments?|settings?)\b|\b(?:not|never)\s+grant\w*\b[^;]{0,40}\bproduction\b|\bno\s+(?:rights?\s+to\s+)?production\s+(?:use|rights|deployment)\b/i
// "You may not deploy it in production under this licence", "production use requires a paid subscription": a
// production ban decides the scope only when no clause limits the grant itself (an evaluation-only grant
// that also says "not in production" stays evaluation-only).
const NOT_IN_PRODUCTION =
  /\b(?:may|shall|must|can)\s*not\s+(?:deploy|use|run|put)\b[^;.]{0,40}\bin(?:to)?\s+production\b|\b(?:production\s+(?:uses?|deployments?)|in\s+production)\s+(?:requires?|needs?|is\s+subject\s+to|calls?\s+for)\b[^;.]{0,40}\b(?:paid|subscription|separate|commercial|fee)/i
// "any uses other than Noncommercial Research Uses".
const OTHER_THAN = new RegExp(`\\b(?:uses?|purposes?)\\s+other\\s+than\\s+(?:${NC})\\s+research\\b`, 'i')
// "“Non-Commercial” shall mean for research or evaluation purposes only."
const NC_MEANS_RESEARCH = new RegExp(
  `(?:${NC})["”']?\\s+(?:shall\\s+mean|means)\\s+(?:for\\s+)?(?:research|academic)\\b[^;]{0,60}\\bonly\\b`,
  'i',
)
// "Any Commercial Use of the Software ... is prohibited", "You will not use ... for any commercial ... purposes".
const COMMERCIAL_BAN =
  /\b(?:may|shall|must)\s+not\b[^;]{0,200}\b(?:intended\s+for|directed\s+(?:toward|towards|to))\s+commercial\s+advantage\b|\bcommercial\s+(?:use|context|purposes?|settings?|exploitation)\b[^;]{0,100}\b(?:prohibited|forbidden|(?:is|are)\s+(?:excluded|outside)|not\s+(?:permitted|allowed|authori[sz]ed|licen[cs]ed|granted|covered|included))\b|\b(?:will|shall|must|may)\s+not\b[^;]{0,200}\bfor\s+(?:any\s+)?commercial\s+(?:purposes?|uses?|gain|advantage|activit\w+|exploitation)\b|\bnot\s+for\s+(?:any\s+)?commercial\b|\bin\s+connection\s+with\s+any\s+commercial\s+uses?\b|\b(?:may|shall|must|will)\s+not\b[^;]{0,60}\b(?:commerciali[sz]e|monetis|monetiz)\w*|\bno\s+commercial\s+(?:use|exploitation|purposes?)\s+(?:of\s+[^;]{0,40}?)?(?:is|are|shall\s+be|will\s+be)\s+(?:permitted|allowed|granted|authori[sz]ed)\b|\b(?:may|shall|must|will)\s+not\b[^;]{0,120}\b(?:in|for|within|as\s+part\s+of)\s+(?:any\s+|a\s+)?commercial\s+(?:products?|services?|settings?|contexts?|offerings?|applications?|environments?)\b/i
// Commercial use is granted once the user registers: "must register", "Registered users may use the models
// for commercial activities", "Your registration with the Licensor will be deemed ... business license".
const REGISTRATION =
  /\b(?:must|shall|should|need\s+to|required\s+to|please)\s+(?:first\s+)?register\b|\bregistration\s+(?:with|form)\b|\bcomplet\w*\s+(?:the\s+|our\s+|a\s+)?(?:[\w-]+\s+){0,2}registration\b|\bregistered\s+users\b|\b(?:once|after|upon|when)\s+(?:you\s+)?(?:have\s+)?(?:registered|registering|registration|register)\b/i
// "use the Model commercially" counts; "commercially reasonable efforts" does not.
const COMMERCIAL = /\bcommercial(?:ly(?!\s+(?:reasonable|viable|available|practicable)))?\b|\bbusiness\s+licen[cs]e\b/i
// "If you plan to use ... for Commercial Purposes, you should contact the Licensor in advance ... and obtain
// written authorization": commercial use granted under this license once authorised.
const AUTHORIZATION_PATH =
  /\bcommercial(?:ly|\s+(?:purposes?|use|activities))\b[^;]{0,200}\b(?:contact|obtain|request|apply\s+for|receive)\b[^;]{0,120}\b(?:authori[sz]ation|approval)\b/i

// A clause that defines a term: "“Research Purposes” means ...", "**“Personal”**: means ...".
const DEFINITION = /^\W{0,6}["“'‘][^"”'’]{1,60}["”'’]\W{0,4}\s*(?:\([^)]{0,40}\)\s*)?(?:means|shall\s+mean|refers?\s+to|is\s+defined\s+as)\b/i

// Not a limit on the grant: "for commercial or non-commercial purposes", "This alternative is allowed only for
// noncommercial distribution" (GPL's offer-passing option).
const NOT_A_LIMIT =
  /\bcommercial\s+(?:or|and|and\/or)\s+non[- ]?commercial\b|\bnon[- ]?commercial\s+(?:or|and|and\/or)\s+commercial\b|\balternative\b/i
// A promise about fees, not a ban: "We will not charge you for commercial use."
const NOT_CHARGED = /\b(?:not|never)\s+(?:charge|bill|invoice)\w*\b[^;.]{0,40}\bcommercial/i
// A fitness disclaimer, not a grant: "The Software has been designed for research purposes only".
const DESIGNED_FOR = /\b(?:designed|intended|developed|provided)\s+(?:solely\s+|only\s+|primarily\s+)?(?:for\s+)?$|\b(?:designed|intended)\b/i
// The permitted purposes include commercial ones: "solely for Your internal research and development",
// "solely for education, training, research, software and hardware development", "internal business purposes".
const COMMERCIAL_PURPOSES_TOO = /\b(?:development|business|products?)\b/i

const GATE = keys('commercial', 'research', 'evaluat', 'production', 'academic')

const PRIORITY = ['non-production', 'research-only', 'evaluation-only', 'non-commercial']

/** The scope a limiting clause names, from its own words. */
function scopeOf(text: string): string {
  // "non-commercial and non-production use" is the stricter, non-commercial grant.
  if (/\bnon[- ]?production\b/i.test(text) && !new RegExp(NC, 'i').test(text)) return 'non-production'
  if (/\bresearch\b|\bacademic\b/i.test(text)) return 'research-only'
  if (/\b(?:evaluat\w*|assess|test|trial)\b/i.test(text) && !new RegExp(NC, 'i').test(text)) return 'evaluation-only'
  return 'non-commercial'
}

function quote(s: Segment): string {
  return s.text.replace(/\s+/g, ' ').slice(0, 100)
}

/**
 * Detector for kind `non-commercial`: `{scope}` is research-only, non-production, evaluation-only, non-commercial or
 * registration-required (RESTRICTIONS.md rule 6).
 * @example nonCommercial.detect(ctx) // → [{parameters: {scope: 'research-only'}, ...}]
 */
export const nonCommercial = defineDetector({
  ruleId: 'non-commercial',
  kind: 'non-commercial',
  messages,
  detect(ctx: DetectContext): Hit[] {
    const limits: { s: Segment; scope: string }[] = []
    const registration: Segment[] = []
    const authorization: Segment[] = []
    const production: Segment[] = []
    for (const s of ctx.segments) {
      const t = s.text
      if (!hasKey(s.keys, GATE)) continue
      // Definitions ("“Non-Commercial Purpose” means ... personal use for research ...") describe a term;
      // the grant that uses the term decides the scope.
      const definition = DEFINITION.test(t) || NOT_A_LIMIT.test(t)
      const limited = definition ? null : (LIMITED_GRANT.exec(t) ?? ONLY_TO.exec(t) ?? RESTRICTED_TO.exec(t) ?? ALLOWS_EVALUATION.exec(t) ?? PURPOSES_ONLY.exec(t) ?? GRANT_FOR_NC.exec(t) ?? OTHER_THAN.exec(t) ?? NC_PERMITTED.exec(t))
      // The scope reads from the limiting words a little past the match ("... for testing, research, or
      // evaluation purposes in Non-Production Environments" is non-production).
      const window = limited ? t.slice(limited.index, limited.index + limited[0].length + 80) : ''
      if (limited && !DESIGNED_FOR.test(t.slice(0, limited.index)) && (!COMMERCIAL_PURPOSES_TOO.test(window) || /non[- ]?(?:production|commercial)/i.test(window))) {
        limits.push({ s, scope: scopeOf(window) })
      }
      else if (NC_MEANS_RESEARCH.test(t)) limits.push({ s, scope: 'research-only' })
      else if (!definition && NON_PRODUCTION.test(t) && !new RegExp(NC, 'i').test(t)) limits.push({ s, scope: 'non-production' })
      else if (COMMERCIAL_BAN.test(t) && !NOT_CHARGED.test(t)) limits.push({ s, scope: 'non-commercial' })
      else if (!definition && NOT_IN_PRODUCTION.test(t)) production.push(s)
      if (REGISTRATION.test(t) && COMMERCIAL.test(t)) registration.push(s)
      else if (AUTHORIZATION_PATH.test(t)) authorization.push(s)
    }
    // Rule: registration that unlocks commercial use decides; a plain authorization path only when the grant
    // itself is not limited (an NC grant with "ask us for a commercial license" stays non-commercial).
    if (!limits.length) for (const s of production) limits.push({ s, scope: 'non-production' })
    if (registration.length) {
      return [{ parameters: { scope: 'registration-required' }, spans: [...registration, ...limits.map((l) => l.s)].map(spanOf), messageId: 'registration-required', data: { quote: quote(registration[0]) } }]
    }
    if (limits.length) {
      const scope = limits.map((l) => l.scope).sort((a, b) => PRIORITY.indexOf(a) - PRIORITY.indexOf(b))[0]
      const main = limits.find((l) => l.scope === scope) ?? limits[0]
      const spans = [main, ...limits.filter((l) => l !== main)].map((l) => spanOf(l.s))
      return [{ parameters: { scope }, spans, messageId: scope, data: { quote: quote(main.s) } }]
    }
    if (authorization.length) {
      return [{ parameters: { scope: 'registration-required' }, spans: authorization.map(spanOf), messageId: 'registration-required', data: { quote: quote(authorization[0]) } }]
    }
    return []
  },
})
