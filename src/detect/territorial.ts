// Detector `territory-exclusion` (kind territorial): named territories are excluded from the grant.
// Export-control and sanctions clauses are not territorial restrictions (RESTRICTIONS.md rule 3).
import { defineDetector, spanOf, type DetectContext, type Hit } from './define-detector.js'
import { hasKey, keys } from './keywords.js'
import { territoriesIn } from './territories.js'

const messages = {
  excluded: 'The license is not granted in {places} ("{quote}")',
}

// "“Territory” shall mean the worldwide territory, excluding the territory of the European Union."
const TERRITORY_DEFINITION =
  /\bterritor(?:y|ies)\b[^;]{0,60}\b(?:means|shall\s+mean|refers?\s+to|is\s+defined\s+as)\b[^;]{0,200}?\b(?:excluding|except(?:\s+for)?|other\s+than|but\s+not|save\s+for|with\s+the\s+exception\s+of)\b/i
// "a licence ... worldwide, with the exception of Iran and Cuba, where no licence is granted".
// "worldwide ... with the exception of Iran", "valid in every country of the world except China".
const WORLDWIDE_EXCEPT =
  /\b(?:worldwide|world-wide|global(?:ly)?|everywhere|(?:every|all|any)\s+(?:other\s+)?(?:countr(?:y|ies)|nations?|jurisdictions?)|throughout\s+the\s+world)\b[^;]{0,40}?\b(?:with\s+the\s+exception\s+of|except(?:\s+(?:for|in))?|excluding|other\s+than|save\s+(?:for|in))\b/i
// "the rights granted under Section 1(a) ... are not being granted to you if you are an individual domiciled
// in, or a company with a principal place of business in, the European Union."
// A grant withheld (passive, negated or "nothing ... permits") followed by whom or where: "is not extended to any
// organisation headquartered in", "is not offered to persons located in", "not granted to residents of".
const GRANT_WITHHELD =
  /\b(?:(?:are|is|shall\s+be|will\s+be)\s+not\s+(?:being\s+)?(?:granted|extended|offered|available|licen[cs]ed)|not\s+(?:being\s+)?granted\s+to\s+you|no\s+(?:rights?|licen[cs]es?)\s+(?:is|are|shall\s+be|will\s+be)\s+granted|(?:do|does|shall|will)\s+not\s+(?:grant|extend|apply)|nothing\s+in\s+this\s+\w+\s+(?:permits|allows|authori[sz]es|entitles|grants|gives|confers)|(?:license|licence|agreement)\s+(?:is|shall\s+be)\s+(?:void|not\s+valid|invalid)|(?:licen[cs]e|grant|rights?|agreement)\b[^;]{0,40}?\b(?:is|are|shall|will)\s+not\s+(?:be\s+)?(?:effective|valid|in\s+effect)|(?:rights|grant|licen[cs]es?)\b[^;]{0,40}?\b(?:are|is|shall\s+be|become|becomes)\s+(?:void|null|invalid|not\s+valid))\b[^;]{0,250}?\b(?:domiciled|located|residents?|residing|established|incorporated|principal\s+place|headquartered|based|citizens?|nationals?|persons?\s+in|in\s+the\s+territory\s+of|member\s+states?|(?:users|persons|people|entities|companies|anyone)\s+(?:in|from)|in|within)\b/i
// "You may not use ... in the European Union", "use of the Model is prohibited in Russia".
const USE_BANNED_IN =
  /\b(?:(?:may|shall|must|can|will)\s+not(?:\s+be)?|cannot(?:\s+be)?|prohibited\s+from|not\s+(?:permitted|allowed|licensed))\s+(?:to\s+)?(?:(?:download|install|run|host)\w*,?\s+(?:(?:or|and)\s+)?)?(?:use[ds]?|access(?:ed)?|download\w*|install\w*|deploy\w*|distribute|offer|make\s+available|provide)\b[^;]{0,120}?\b(?:in|within|into),?\s+(?:the\s+)?(?:territory\s+of\s+)?[\p{Lu}]/iu
// "The license granted above excludes the territory of the Russian Federation", "does not cover users in Brazil".
const GRANT_EXCLUDES =
  /\b(?:licen[cs]e|grant|rights?|agreement|permission)\b[^;]{0,60}?\b(?:exclud(?:es|ing)|does\s+not\s+(?:cover|include|extend\s+to))\s+(?:the\s+)?(?:territor\w+|countr\w+|jurisdictions?|regions?|residents?|persons?|users?|entities|anyone|use\s+in)\b/i
// The place first: "Users in the EEA are not licensed to use the multimodal version".
const PLACE_FIRST =
  /\b(?:users?|persons?|people|residents?|entities|companies|anyone|individuals?|organi[sz]ations?|licensees?)\s+(?:located\s+|based\s+|resident\s+|domiciled\s+|established\s+|incorporated\s+|headquartered\s+)?(?:in|from|of)\s+(?:the\s+)?[\p{Lu}][^;]{0,60}?\b(?:(?:are|is|shall\s+be|will\s+be)\s+excluded\s+from|(?:are|is|shall\s+be|will\s+be)\s+not\s+(?:licen[cs]ed|permitted|allowed|entitled|granted)|(?:have|has|receive)\s+no\s+(?:rights?|licen[cs]e)|(?:may|shall|must|can|will)\s+not\s+(?:access|use|download|deploy|install)|cannot\s+(?:access|use|download|deploy|install))\b/iu
// A nominal ban: "Distribution of the Model into Myanmar is not permitted", "Use of the model in Iran is prohibited".
const NOMINAL_BAN =
  /\b(?:use|distribution|deployment|provision|offering|availability|hosting)\s+of\b[^;]{0,80}?\b(?:in|into|within)\s+(?:the\s+)?[\p{L}][^;]{0,80}?\b(?:is|are)\s+(?:strictly\s+|expressly\s+)?(?:not\s+(?:permitted|allowed|licen[cs]ed|authori[sz]ed)|prohibited|forbidden)\b/iu
// The condition first: "If you are domiciled in, or have your principal place of business in, a member state of
// the European Union, the rights in Section 2 are not granted to you."
const CONDITION_FIRST =
  /\bif\s+you\s+(?:are|have|reside|live)\b[^;]{0,40}?\b(?:domiciled|located|resident|residing|established|incorporated|based|headquartered|principal\s+place|in)\b[^;]{0,160}?\b(?:(?:are|is|shall\s+be|will\s+be)\s+not\s+(?:being\s+)?(?:granted|extended|licen[cs]ed|available)|(?:have|receive)\s+no\s+(?:rights?|licen[cs]e)|(?:may|shall|must|can)\s+not\s+(?:use|access|download|deploy|install)|does\s+not\s+(?:apply|extend))\b/i
// Clauses about export control, sanctions, governing law or the contracting entity are not exclusions.
const NOT_TERRITORIAL =
  /\bexport|\bsanction|\bembargo|trade\s+(?:control|compliance)|\bOFAC\b|restricted\s+part(?:y|ies)|denied\s+part(?:y|ies)|entity\s+list|governing\s+law|governed\s+by|jurisdiction|\bcourts?\b|(?<!(?:organi[sz]ed|incorporated|formed|established)\s+under\s+the\s+)laws\s+of\b/i

const TERRITORY_GATE = keys('territor')
const WORLDWIDE_GATE = keys('worldwide', 'world-wide', 'global', 'everywhere', 'countr', 'nation', 'jurisdiction', 'throughout the world')
const WITHHELD_GATE = keys('not granted', 'not being granted', 'no right', 'no license', 'no licence', 'not grant', 'void', 'not valid', 'invalid', 'not extend', 'not offered', 'not available', 'not licensed', 'not licenced', 'not apply', 'nothing in this', 'not be effective', 'not effective', 'not be valid', 'not be in effect')
const EXCLUDES_GATE = keys('may not', 'cannot', 'shall not', 'will not', 'prohibited', 'forbidden', 'not authori', 'exclud', 'not cover', 'not include', 'not extend', 'not licensed', 'not licenced', 'not permitted', 'not allowed', 'not entitled', 'not granted', 'no right', 'no licen')
// Finer gates inside EXCLUDES_GATE, one per pattern: the words of its closing verb phrase.
const GRANT_EXCLUDES_GATE = keys('exclud', 'not cover', 'not include', 'not extend')
const PLACE_FIRST_GATE = keys(
  'excluded from', 'not licensed', 'not licenced', 'not permitted', 'not allowed', 'not entitled', 'not granted', 'no right', 'no licen',
  'not access', 'not use', 'not download', 'not deploy', 'not install',
)
const NOMINAL_BAN_GATE = keys('not permitted', 'not allowed', 'not licensed', 'not licenced', 'not authori', 'prohibited', 'forbidden')
const CONDITION_GATE = keys('if you')
const BANNED_GATE = keys('not be ', 'not be used', 'not be distributed', 'not be deployed', 'not be offered', 'not be made', 'not be provided', 'not be accessed', 'not use', 'not access', 'not deploy', 'not distribute', 'not offer', 'not make', 'not provide', 'cannot', 'prohibited from', 'not permitted', 'not allowed', 'not licensed')

/**
 * Detector for kind `territorial` (rule `territory-exclusion`): `{excluded}` as ISO 3166 alpha-2 codes, `EU` for the Union.
 * @example territorial.detect(ctx) // → [{parameters: {excluded: ['EU']}, ...}]
 */
export const territorial = defineDetector({
  ruleId: 'territory-exclusion',
  kind: 'territorial',
  messages,
  detect(ctx: DetectContext): Hit[] {
    const excluded: string[] = []
    const spans: [number, number][] = []
    let quote = ''
    for (const s of ctx.segments) {
      const t = s.text
      // Cheap gates first: each pattern needs its own key word.
      const k = s.keys
      const definition = (hasKey(k, TERRITORY_GATE) ? TERRITORY_DEFINITION.exec(t) : null) ?? (hasKey(k, WORLDWIDE_GATE) ? WORLDWIDE_EXCEPT.exec(t) : null)
      const withheld = !definition && hasKey(k, WITHHELD_GATE) ? GRANT_WITHHELD.exec(t) : null
      const banned = !definition && !withheld && hasKey(k, BANNED_GATE) ? USE_BANNED_IN.exec(t) : null
      const excludes =
        !definition && !withheld && !banned && hasKey(k, EXCLUDES_GATE)
          ? ((hasKey(k, GRANT_EXCLUDES_GATE) ? GRANT_EXCLUDES.exec(t) : null) ?? (hasKey(k, PLACE_FIRST_GATE) ? PLACE_FIRST.exec(t) : null) ?? (hasKey(k, NOMINAL_BAN_GATE) ? NOMINAL_BAN.exec(t) : null))
          : null
      const condition = !definition && hasKey(k, CONDITION_GATE) ? CONDITION_FIRST.exec(t) : null
      const m = condition ?? definition ?? withheld ?? banned ?? excludes
      if (!m || NOT_TERRITORIAL.test(t)) continue
      if (!m) continue
      const places = territoriesIn(t.slice(m.index)).filter((c) => c !== 'US' || !/U\.S\.\s+(?:federal|law)/i.test(t))
      if (!places.length) continue
      for (const p of places) if (!excluded.includes(p)) excluded.push(p)
      spans.push(spanOf(s))
      quote ||= t.replace(/\s+/g, ' ').slice(0, 100)
    }
    if (!excluded.length) return []
    return [{ parameters: { excluded }, spans, messageId: 'excluded', data: { places: excluded.join(', '), quote } }]
  },
})
