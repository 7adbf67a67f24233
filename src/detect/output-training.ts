// Detector `output-training` (kind output-training): the text restricts using the model or its outputs to
// train, improve or distil other models — a ban (scoped by the class of model), or derivative status.
import { defineDetector, spanOf, type DetectContext, type Hit } from './define-detector.js'
import { hasKey, keys } from './keywords.js'
import { prohibitedItems } from './patterns.js'
import type { Segment } from './segment.js'

const messages = {
  ban: 'Forbids using the model or its outputs to train or improve {scope} ("{quote}")',
  derivative: 'Models trained on its outputs or distilled from it count as derivatives and carry its terms ("{quote}")',
}

const SCOPE_WORDS: Record<string, string> = {
  'other-llms': 'any other large language model',
  'foundation-models': 'other foundation or generative models',
  'competing-models': 'competing models',
  'any-model': 'other models',
}

// Forbidding words before the training verb: "will not use ...", "may not use the Output to train".
const NEGATION = /\b(?:(?:will|shall|must|may|can|agree|do|does)\s+not|no\s+(?:part|portion)\s+of|cannot|can't|won't|don't|doesn't|never|prohibited|forbidden|not\s+(?:allowed|permitted))\b/i
// Training verb, then (within a bounded gap) the model it targets:
// "to improve any other large language model", "to train, fine-tune or distill a model that is competitive".
const TRAIN_TARGET =
  /\b(?:train|training|improve|improving|fine[- ]?tune|tune|distil+|develop|create|enhance|build|benchmark)\w*\b[^;]{0,120}?\b(?:models?|LLMs?|(?:AI|ML|machine[- ]learning|text-to-[\w-]+|speech|language|vision|neural|generative)\s+(?:systems?|networks?)|neural\s+networks?|classifiers?|(?:AI|ML)\s+(?:services?|products?))\b/i
// What is used: the model's outputs, results or synthetic data — or any other model as the target.
const FROM_OUTPUT = /\b(?:outputs?|results|synthetic\s+data|generations|completions|generates|(?:generated|produced|created|synthesi[sz]ed)\s+(?:by|with|using)|generated\s+(?:text|content|images?|data|answers|responses)|produces|responses)\b/i
// A FAQ that asks for permission and answers no: "Q: May I use the generated text to train my own model? A: No."
// The answer may follow in the same clause or open the next one.
const ASKS = /\b(?:may|can|could)\s+(?:I|we)\s+(?:use|train|fine[- ]?tune|distil\w*)\b[^?]{0,200}\?/i
const ANSWER_NO = /^\W{0,6}(?:A\s*[:.]\s*)?\W{0,4}No\b/i
const OTHER_MODEL = /\b(?:other|another|third[- ]party|competing|competitive)\b/i

// "any other machine learning model which is created ... by transfer of patterns of the weights ... or Output",
// "any other model created which is based on or derived from the Model or the Model's output",
// "methods based on the generation of synthetic data ... for training the other model".
const DERIVATIVE_TERM = /\bderivative|\bmodifications?\s+of\s+the\s+model/i
// "means", "includes", or a term followed by a colon ("**Derivative Model**: any model trained ...").
// "is a Derivative for the purposes of this Agreement", "counts as", "qualifies as", "constitutes".
const DEFINES = /\b(?:means|shall\s+mean|refers?\s+to|include[sd]?|including|deemed|considered|treated\s+as|regarded\s+as|counts?\s+as|qualif(?:y|ies)\s+as|constitutes?|(?:is|are|be)\s+(?:also\s+)?(?:a\s+|an\s+)?(?:\w+\s+)?derivatives?)\b|^\W{0,6}[\p{L}][\p{L}\s-]{1,40}["”*]{0,4}\s*:\s/iu
const FROM_OUTPUT_TRANSFER =
  /\b(?:created|initiali[sz]ed|trained|fine[- ]?tuned|distill?ed|based\s+on|derived\s+from|transfer(?:ring)?)\b[^;]{0,200}\b(?:outputs?|output\s+patterns)\b|\bdistillation\b|\bdistill?ed\s+from\b|\bsynthetic\s+data\b[^;]{0,120}\btrain\w*|\btrain\w*\b[^;]{0,60}\b(?:synthetic\s+data|(?:generated|produced)\s+(?:by|with|using))\b/i
// "If you use the Materials or any outputs or results therefrom to create, train, fine-tune, or improve an AI
// model ..., you shall prominently display ..." — allowed, with a naming or display duty attached.
// Also with the outputs after the verb: "If you build, train or tune a model using the Materials or their outputs,
// you must name it ...".
const CONDITIONAL_DUTY =
  /\b(?:if|when|where)\b[^;]{0,400}\b(?:outputs?|results|synthetic\s+data)\b[^;]{0,80}\b(?:train|fine[- ]?tun|distil|improve|create)\w*[^;]{0,120}\bmodel\b[^.]{0,200}\b(?:shall|must|will|required)\b|\b(?:if|when|where)\b[^;]{0,80}\b(?:train|fine[- ]?tun|tune|distil|improve|create|build)\w*[^;]{0,80}\bmodels?\b[^;]{0,40}\b(?:using|with|from|on)\b[^;]{0,120}\b(?:outputs?|synthetic\s+data)\b[^.]{0,200}\b(?:shall|must|will|required)\b/i

/**
 * A ban reads "<negation> ... use <something> ... to <train|improve|...> ... <model>": "You will not use the
 * Materials or any output ... to improve any other large language model". Found step by step (negation,
 * then "use", then the training verb and its model) with bounded look-ahead, so the cost stays linear.
 * @returns the training-verb-to-model match, or `null`.
 */
function forbiddenTraining(t: string): RegExpExecArray | null {
  NEGATION_G.lastIndex = 0
  let n: RegExpExecArray | null
  let tries = 0
  // "Using the outputs to create a general-purpose model is prohibited": the ban closes the sentence, so the
  // search for "use" also starts at the beginning.
  const closing = PASSIVE_BAN.test(t)
  while ((n = closing && tries === 0 ? ({ index: 0, 0: '' } as unknown as RegExpExecArray) : NEGATION_G.exec(t)) && tries++ < 8) {
    const from = n.index + n[0].length
    // "agree not to distill the outputs into another model": the training verb itself is negated.
    DIRECT.lastIndex = from
    const d = DIRECT.exec(t)
    let v: RegExpExecArray | null = d && d.index - from <= 12 ? d : null
    if (!v) {
      USE.lastIndex = from
      const u = USE.exec(t)
      if (!u || u.index - from > 250) continue
      TO_TRAIN.lastIndex = u.index + u[0].length
      v = TO_TRAIN.exec(t)
      if (!v || v.index - u.index > 300) continue
    }
    const target = TRAIN_TARGET.exec(t.slice(v.index, v.index + 200))
    if (target) {
      target.index += v.index
      return target
    }
  }
  return null
}
/**
 * In an item of a prohibited-use list the negation sits in the lead-in, so the item needs a verb that means
 * training ("create Derivatives of the Model" in an item also naming "data produced by" it is not training).
 */
function listedTraining(t: string): RegExpExecArray | null {
  const m = TRAIN_TARGET.exec(t)
  return m && /^(?:train|fine[- ]?tun|tune|distil|improv)/i.test(m[0]) ? m : null
}
const PASSIVE_BAN = /^\W{0,6}(?:the\s+)?(?:using|use\s+of)\b[^;]{0,250}\b(?:is|are)\s+(?:strictly\s+|expressly\s+)?(?:prohibited|forbidden|not\s+(?:permitted|allowed))\b/i
const NEGATION_G = new RegExp(NEGATION.source, 'gi')
const USE = /\b(?:use|used|using|utili[sz]e)\b/gi
const DIRECT = /\b(?:to\s+)?(?:train|distil+|fine[- ]?tune)\w*/gi
const TO_TRAIN = /\bto\s+(?:[\w-]+,?\s+(?:or\s+|and\s+)?){0,4}?(?:train|improve|fine[- ]?tune|tune|distil|develop|create|enhance|build|benchmark)|\bas\s+(?:training|fine-tuning)\s+data\b|\bfor\s+(?:the\s+)?(?:training|fine-tuning|distillation|developing|building|creating|improving)\b/gi

/** The class of model a ban protects against; broadest wording wins within the clause. */
function scopeOf(text: string): string {
  if (/\bcompet(?:e|es|ing|itive|itor)\b|\brival\w*\b|\b(?:replace|substitute\s+for|rival)\s+(?:ours|our|us|the\s+model|it)\b/i.test(text)) return 'competing-models'
  if (/\bother\s+(?:text-to-(?:image|video|speech|audio)|image|video|speech|audio|music|3d)\b/i.test(text)) return 'competing-models'
  // "a model that provides services similar to the Model": a model of the same kind as the licensed one.
  if (/\b(?:services?|functions?|functionality|capabilities)\s+(?:similar|comparable|equivalent)\s+to\s+(?:those\s+of\s+)?(?:the|this|our)\s+model\b|\bsimilar\s+to\s+(?:the|this|our)\s+model\b/i.test(text)) return 'competing-models'
  if (/\bfoundation(?:al)?\b|\bgeneral[- ]purpose\b|\bgenerative\b[^;]{0,20}\bmodels?\b|\blarge\s+models?\b|\bfrontier\b/i.test(text))
    return 'foundation-models'
  if (/\blanguage\s+models?\b|\bLLMs?\b/i.test(text)) return 'other-llms'
  return 'any-model'
}

const GATE = keys('model', 'llm', 'system', 'network', 'classifier', 'ai service', 'ai product', 'ml service', 'ml product')

const BREADTH = ['competing-models', 'other-llms', 'foundation-models', 'any-model']

function quote(s: Segment): string {
  return s.text.replace(/\s+/g, ' ').slice(0, 100)
}

/**
 * Detector for kind `output-training`: `{scope}` is other-llms, foundation-models, competing-models or any-model for a
 * ban, derivative-status when output-trained models only count as derivatives (a ban wins, rule 5).
 * @example outputTraining.detect(ctx) // → [{parameters: {scope: 'other-llms'}, ...}]
 */
export const outputTraining = defineDetector({
  ruleId: 'output-training',
  kind: 'output-training',
  messages,
  detect(ctx: DetectContext): Hit[] {
    const listed = prohibitedItems(ctx)
    const bans: { s: Segment; scope: string }[] = []
    const derived: Segment[] = []
    for (let i = 0; i < ctx.segments.length; i++) {
      const s = ctx.segments[i]
      const t = s.text
      if (!hasKey(s.keys, GATE)) continue
      const target = forbiddenTraining(t) ?? (listed.has(i) && FROM_OUTPUT.test(t) ? listedTraining(t) : null)
      const ask = !target ? ASKS.exec(t) : null
      if (ask && FROM_OUTPUT.test(ask[0]) && TRAIN_TARGET.test(ask[0])) {
        const rest = t.slice(ask.index + ask[0].length)
        if (ANSWER_NO.test(rest.trim() ? rest : (ctx.segments[i + 1]?.text ?? ''))) {
          bans.push({ s, scope: scopeOf(ask[0]) })
          continue
        }
      }
      if (target && (FROM_OUTPUT.test(t) || OTHER_MODEL.test(target[0]))) {
        bans.push({ s, scope: scopeOf(t.slice(target.index)) })
        continue
      }
      if ((DERIVATIVE_TERM.test(t) && DEFINES.test(t) && FROM_OUTPUT_TRANSFER.test(t)) || CONDITIONAL_DUTY.test(t)) derived.push(s)
    }
    if (bans.length) {
      const scope = bans.map((b) => b.scope).sort((a, b) => BREADTH.indexOf(b) - BREADTH.indexOf(a))[0]
      return [
        {
          parameters: { scope },
          spans: [...bans.map((b) => spanOf(b.s)), ...derived.map(spanOf)],
          messageId: 'ban',
          data: { scope: SCOPE_WORDS[scope], quote: quote(bans[0].s) },
        },
      ]
    }
    if (!derived.length) return []
    return [{ parameters: { scope: 'derivative-status' }, spans: derived.map(spanOf), messageId: 'derivative', data: { quote: quote(derived[0]) } }]
  },
})
