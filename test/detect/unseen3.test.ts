// Third blind generalisation round: detectRestrictions on 27 license texts written for this test
// (test/fixtures/unseen3/*: fictional labs, original wording, written before reading the detectors' word lists),
// in genres the earlier rounds lacked: hosted-API/service terms, English translations in the style of Chinese,
// Korean and Japanese licences, an addendum to a base licence, a FAQ summary, a do's-and-don'ts list, a Markdown
// table, ALL-CAPS clauses. Each text has `<name>.expected.json` ({present, absent}) labelled by
// ../shared/eval/RESTRICTIONS.md.
//
// BLIND FIGURES (first run, before any detector change; found / expected, false positives / absent cases):
//   field-of-use 7/10 FP 0/17 · user-count 4/4 FP 0/23 · revenue-threshold 4/4 FP 0/23 · output-training 6/6
//   FP 0/21 · non-commercial 4/5 FP 0/22 · territorial 2/4 FP 0/23 · naming-attribution 4/5 FP 0/22 ·
//   flow-down 2/7 FP 0/20 · licensor-control 6/9 FP 0/18 — total 39/54 = 72 % recall, 0 false positives.
// Misses: flow-down 5 ("remains subject", "redistributed only under", "require anyone ... to comply", "Sections A
// and B apply to them", "making sure each of them complies"), territorial 2 ("Nothing in this license grants any
// right to ... resident in", a condition-first "If you are domiciled in ..., the rights ... are not granted"),
// field-of-use 3 (identifying/tracking individuals, "endangers national security", a DON'T-headed list),
// licensor-control 3 ("may revise and update this Agreement", "remotely update, filter or disable", a "refusal
// layer" guardrail), non-commercial 1 ("for the sole purpose of evaluating it"), naming 1 ("Sites ... must display").
// AFTER the fixes (general wording rules, none keyed to a file): 54/54, 0 false positives; unseen 72/72 and
// unseen2 75/75 unchanged; the labelled set still 100 %. These texts are no longer blind either.
// Rounds 8-11 of test/detect/wording-variants.test.ts followed (written after reading the detectors, each before
// its own fixes): 11/19, 9/20, 6/8 (1 false positive of 12 look-alikes), 8/10, 2/9 (1 false positive of 3);
// all fixed since except two known gaps listed there.
import { describeUnseenSet } from './unseen-suite.js'

describeUnseenSet({
  name: 'unseen3',
  minTexts: 25,
  minNegatives: 6,
  knownGaps: {
  },
})
