// Detector `naming-attribution` (kind naming-attribution): a required public credit string ("Built with X" on a
// website or UI, a statement in public announcements) or a required model-name prefix. Notice files, copies of
// the license, academic acknowledgements and merely encouraged marks do not count (RESTRICTIONS.md rule 7).
import { defineDetector, spanOf, type DetectContext, type Hit } from './define-detector.js'

const messages = {
  display: 'Requires displaying "{display}" ("{quote}")',
  prefix: 'Requires model names to begin with "{prefix}" ("{quote}")',
  both: 'Requires displaying "{display}" and model names beginning with "{prefix}" ("{quote}")',
}

// A duty verb, a bounded gap, then a quoted string: `prominently display “Built with Llama”`,
// `include prominently in any public statement ... the following statement: “[name] is built using ...”`.
const QUOTED = /\b(?:display|include|show|indicate|mark|label|put|place|feature)(?:s|ed|ing)?\b([^“"«]{0,160}?)[“"«]([^”"»]{1,200})[”"»]/gi
// `include “Llama” at the beginning of any such AI model name`.
const PREFIX =
  /[“"«]([^”"»\n]{1,60})[”"»]\s+at\s+the\s+(?:beginning|start)\s+of\s+(?:the\s+)?(?:any\s+)?(?:such\s+)?(?:[\w-]+\s+){0,2}names?\b|\bnames?\b[^;]{0,60}\b(?:must|shall|should)\s+(?:begin|start)\s+with\s+[“"«]([^”"»\n]{1,60})[”"»]/i
// Where a credit must be shown for it to be public: a site, an interface, docs, announcements, adverts.
const SURFACE =
  /\b(?:website|web\s+site|user\s+interface|UI|blog\w*|about\s+page|documentation|public\s+statements?|announcements?|advertising|marketing|splash\s+screen|credits|product|service|app(?:lication)?s?)\b/i
// Public communication named before the verb: "Every public announcement about a derivative must include ...".
const PUBLIC = /\bpublic\s+(?:statements?|announcements?)|\bpress\s+releases?|\bmarketing|\badvertis/i
// The nearest modal before the verb decides whether it is a duty: "shall display" yes, "are encouraged to
// ... mark" / "may display" no.
const MODAL = /\b(?:shall|must|will|need\s+to|required\s+to|agree\s+to|may|can|encouraged|welcome|invited|optional\w*)\b/gi
// A quoted notice, licence line or copyright line is a notice, not a credit string.
const NOTICE_TEXT = /licen[cs]ed\s+under|copyright|all\s+rights\s+reserved|^notice$|licen[cs]e$/i
const NOTICE_GAP = /\bnotice|\btext\s+file|\bcopyright|\bpublication|\bpaper|\bcitation|\bcite/i

/** One line, single spaces; YAML line-continuation escapes (`Built with\\ \\ Llama`) dropped. */
function clean(text: string): string {
  return text.replace(/\\(?=\s)/g, '').replace(/\s+/g, ' ').trim()
}

function isDuty(text: string, at: number): boolean {
  let last = ''
  for (const m of text.slice(0, at).matchAll(MODAL)) last = m[0].toLowerCase()
  return /^(?:shall|must|will|need|required|agree)/.test(last)
}

export const namingAttribution = defineDetector({
  ruleId: 'naming-attribution',
  kind: 'naming-attribution',
  messages,
  detect(ctx: DetectContext): Hit[] {
    let display: string | undefined
    let prefix: string | undefined
    const spans: [number, number][] = []
    let quote = ''
    const segs = ctx.segments
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i]
      // "... the following statement:" + the quoted statement as its own paragraph: read them together.
      const next = segs[i + 1]
      const joined = next && /[:：]\s*$/.test(s.text) && /^[“"«]/.test(next.text)
      const t = joined ? ctx.source.slice(s.start, next.end) : s.text
      if (!/[“"«]/.test(t)) continue
      let used = false
      const p = PREFIX.exec(t)
      if (p && isDuty(t, p.index)) {
        prefix ??= clean(p[1] ?? p[2])
        used = true
      }
      QUOTED.lastIndex = 0
      for (const m of t.matchAll(QUOTED)) {
        const [whole, gap, text] = m
        if (NOTICE_GAP.test(gap) || NOTICE_TEXT.test(text.trim()) || !isDuty(t, m.index)) continue
        const after = t.slice(m.index + whole.length, m.index + whole.length + 160)
        if (p && m.index + whole.length > p.index && m.index < p.index + p[0].length) continue
        const before = t.slice(Math.max(0, m.index - 150), m.index)
        if (!SURFACE.test(gap) && !SURFACE.test(after) && !PUBLIC.test(before)) continue
        display ??= clean(text)
        used = true
        break
      }
      if (used) {
        spans.push(joined ? [s.start, next.end] : spanOf(s))
        quote ||= t.replace(/\s+/g, ' ').slice(0, 100)
      }
    }
    if (!display && !prefix) return []
    const parameters: Record<string, unknown> = {}
    if (display) parameters.display = display
    if (prefix) parameters.namePrefix = prefix
    return [
      {
        parameters,
        spans,
        messageId: display && prefix ? 'both' : display ? 'display' : 'prefix',
        data: { display: display ?? '', prefix: prefix ?? '', quote },
      },
    ]
  },
})
