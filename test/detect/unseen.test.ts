// Generalisation check: detectRestrictions on license texts written for this test (test/fixtures/unseen/*) —
// fictional labs and models, original wording, never looked at while the detectors were developed. Each text
// has `<name>.expected.json` ({present, absent}) labelled by the rules of ../shared/eval/RESTRICTIONS.md.
// One test per (text, kind): kinds, key parameters (thresholds exactly, currency, period, metric, territory
// sets, scope, mechanism, display strings), evidence that slices the source and overlaps the labelled clause.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkUnseen, listUnseen, readExpected, UNSEEN_DIR } from '../../scripts/redteam-restrictions.js'
import { RestrictionKindSchema } from '../../src/schema/index.js'

/**
 * Cases the detectors get wrong today, `<file>#<kind>` → cause. They run as `it.fails`, so the suite stays
 * green while recording the gap; once a detector is fixed the case turns red — then delete its entry here.
 * Never change an expectation to make a case pass.
 */
const KNOWN_GAPS: Record<string, string> = {
  'aurora-diffusion-terms.md#naming-attribution':
    'QUOTED takes the earlier non-duty verb "shows" and swallows "must display"; the surface ("user interface") is named before the verb, "footer of the page" is not a surface word',
  'aurora-diffusion-terms.md#flow-down': '"fine-tuned checkpoint ... must be licensed to recipients under these same terms": subject word and the "to recipients" gap',
  'corvid-open-model-agreement.txt#flow-down': '"each recipient is bound by written terms at least as protective of Corvid as Article 3" not recognised',
  'corvid-open-model-agreement.txt#licensor-control': '"Corvid may, at its sole discretion and at any time, suspend or terminate": words between the modal and the verb',
  'ember-community-license.txt#naming-attribution': '"its name must start with "Ember"": isDuty looks for the modal before the PREFIX match, but it is inside it (namePrefix missing)',
  'ember-community-license.txt#output-training': '"If you build, train or tune a model using the Ember Materials or their outputs": CONDITIONAL_DUTY needs outputs before the verb',
  'ember-community-license.txt#territorial': '"principal place of business is in" is in NOT_TERRITORIAL, which vetoes the whole EU exclusion clause',
  'ember-community-license.txt#field-of-use': '"must follow ... the Ember Acceptable Use Policy ..., which this license incorporates by reference": "follow"/"incorporates" are not incorporation words',
  'fathom-tabular-license.txt#field-of-use': 'single-sentence ban naming insurance, loans, jobs, housing, ethnicity, religion: none is in NAMED_FIELD',
  'fathom-tabular-license.txt#flow-down': '"you must make them agree to these same terms": neither "make ... agree" nor a pronoun recipient is recognised',
  'fathom-tabular-license.txt#licensor-control': '"no longer commercially viable for us, we may end your license" / "stop offering this license whenever we want": "end", condition before the verb',
  'halcyon-vision-card.md#flow-down': '"may only be shared under this same research licence" ("only be shared") and "restrictions ... apply to them" not recognised',
  'harbor-asr-license.txt#territorial': '"licence ... worldwide, with the exception of <places>, where no licence is granted": places come before the withholding words',
  'heron-music-noncommercial.txt#flow-down': '"you must do so under this license" (ShareAlike without "only") not recognised',
  'heron-music-noncommercial.txt#naming-attribution': 'imperative "credit it as "…"": "credit" is not a display verb and there is no modal',
  'kestrel-terms.txt#revenue-threshold': '"passes US$ 1M in ARR": "passes" is not a comparison word',
  'kestrel-terms.txt#output-training': '"don\'t use ... anything else Kestrel-3 generates to ... train a speech model that competes": "don\'t" is no negation, "generates" no output word',
  'lattice-vl-license.txt#non-commercial': '"provided that you first complete the registration form ... and receive ... commercial authorisation": no "must register"/"obtain"',
  'nimbus-agent-license.txt#licensor-control': '"restrict, suspend or disable, remotely": the comma before "remotely"; "deliver updates that modify ... its Output" unrecognised (reports unilateral-changes)',
  'osprey-license-with-aup.md#licensor-control': '"Osprey may update this Appendix from time to time": "Appendix" is not a terms noun',
  'pinnacle-developer-license.md#non-commercial': '"free of charge for development, ..., research and other non-production purposes" (no "only"; "development" vetoes) and "does not grant any production rights"',
  'pinnacle-developer-license.md#flow-down': '"share fine-tuned versions only with recipients who accept this Developer License" not recognised',
  'quill-model-license.md#output-training': 'colon definition "**Derivative Model**: ... any model trained ... on synthetic data, outputs": DEFINES needs "means"/"includes"',
  'quill-model-license.md#naming-attribution': '"you must name it so that its name begins with "Quill"": PREFIX needs "must begin with" (namePrefix missing, evidence misses it)',
  'songbird-tts-card.md#revenue-threshold': '"below 100 million\\n   yuan": more than two spaces (an indented wrap) between number and currency; "100 million yuan or more" unsupported',
  'songbird-tts-card.md#field-of-use': '"The weights must not be used to ...": bindsLicensee does not accept "weights" as the subject',
  'tideline-open-model-license.md#naming-attribution': '"display the notice "Built on Tideline"": the word "notice" in the gap marks it as a notice duty',
  'verdant-model-license.txt#licensor-control': '"as it may be updated by Verdant from time to time": the agent "by Verdant" breaks the pattern',
  'zephyr-chat-terms.md#user-count': '"more than 2,000,000 registered users": "registered" is not a metric word',
  'zephyr-chat-terms.md#territorial': '"These terms do not grant any rights to persons ... located in": only "does not grant" is recognised',
}

const KINDS = RestrictionKindSchema.options
const files = listUnseen()

describe('unseen license texts: fixture set', () => {
  it('has 25+ texts, negatives among them, and every kind present in 3+ texts', () => {
    expect(files.length).toBeGreaterThanOrEqual(25)
    const all = files.map((f) => readExpected(f))
    expect(all.filter((e) => e.present.length === 0).length).toBeGreaterThanOrEqual(5)
    for (const kind of KINDS) expect(all.filter((e) => e.present.some((p) => p.kind === kind)).length, kind).toBeGreaterThanOrEqual(3)
  })

  it.each(files)('%s: every kind labelled once, clause phrases unique', (file) => {
    const source = readFileSync(join(UNSEEN_DIR, file), 'utf8')
    const e = readExpected(file)
    const labelled = [...new Set(e.present.map((p) => p.kind)), ...e.absent].sort()
    expect(labelled).toEqual([...KINDS].sort())
    for (const p of e.present) {
      if (p.kind !== 'user-count' && p.kind !== 'revenue-threshold') expect(e.present.filter((q) => q.kind === p.kind)).toHaveLength(1)
      const at = source.indexOf(p.covers)
      expect(at, p.covers).toBeGreaterThanOrEqual(0)
      expect(source.indexOf(p.covers, at + 1), p.covers).toBe(-1)
      if ('threshold' in p.parameters) expect(Number.isInteger(p.parameters.threshold)).toBe(true)
    }
  })

  it('lists no known gap for a case that does not exist', () => {
    const cases = new Set(files.flatMap((f) => KINDS.map((k) => `${f}#${k}`)))
    expect(Object.keys(KNOWN_GAPS).filter((k) => !cases.has(k))).toEqual([])
  })
})

for (const file of files) {
  describe(`unseen: ${file}`, () => {
    const expected = readExpected(file)
    let result: ReturnType<typeof checkUnseen> | undefined
    const run = () => (result ??= checkUnseen(file))

    it('evidence text equals the source slice', () => {
      expect(run().evidence).toEqual([])
    })

    const kinds = [...new Set(expected.present.map((p) => p.kind)), ...expected.absent]
    for (const kind of kinds) {
      const present = expected.present.some((p) => p.kind === kind)
      const gap = KNOWN_GAPS[`${file}#${kind}`]
      const title = `${present ? 'finds' : 'does not report'} ${kind}${gap ? ` (known gap: ${gap})` : ''}`
      ;(gap ? it.fails : it)(title, () => {
        const r = run().kinds.find((k) => k.kind === kind)
        expect(r?.problems).toEqual([])
      })
    }
  })
}
