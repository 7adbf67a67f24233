// Notices and mentions that name a license without its text: names, abbreviations, SPDX ids and URLs.
//
// Pipeline: mask URLs and SPDX tag lines → split words finer (reference-words) → scan for names and ids
// (reference-scan: longest phrase, version and "or later" read nearby) → add URL mentions → keep weak mentions
// ("MIT", "GPL") only next to a licensing cue → let a versioned mention absorb unversioned ones and URLs of
// its family nearby → group "A or B" choices → one finding per license.
import type { LicenseFinding } from '../schema/index.js'
import { createLineIndex, tokenize, type LineIndex, type Token } from '../text/index.js'
import { loadReferenceIndex, type ReferenceIndex } from './reference-rules.js'
import { scanMentions, wordStream, type Mention, type WordStream } from './reference-scan.js'
import { findUrls } from './reference-url.js'
import { referenceWords } from './reference-words.js'
import { findSpdxTags } from './expression-tags.js'

// Words that make a bare abbreviation a license reference: "licensed under the MIT", "License: BSD", "MIT licensed".
const CUE_BEFORE = new Set(['license', 'licensed', 'licenses', 'licensing', 'under', 'dual', 'triple', 'multi', 'terms', 'spdx'])
const CUE_AFTER = new Set(['license', 'licensed', 'licenses', 'licensing'])
const TIGHT_CUES = new Set(['license', 'licenses', 'licensed', 'under'])
const CUE_SPAN = 6
// "GPL-compatible", "BSD-style", "non-GPL": the name describes something else.
const NEGATIVE_AFTER = new Set(['compatible', 'incompatible', 'compatibility', 'style', 'like', 'type', 'ish', 'variant', 'variants', 'family'])
const NEGATIVE_BEFORE = new Set(['non'])
// "compatible with the GNU GPL", "licenses such as MIT": the license is compared or exemplified, not applied.
const NEGATIVE_CONTEXT = new Set(['compatible', 'incompatible', 'compatibility', 'e.g', 'eg', 'example', 'such'])
// Words allowed between two licenses of one list ("MIT or the Apache License", "CPL/GPL/LGPL").
const CONNECTORS = new Set(['or', 'and', 'the', 'a', 'an', 'either', 'license', 'licenses', 'licensed', 'at', 'your', 'option', 'choice', 'any', 'of', 'following', 'under', 'terms'])
const CHOICE_CUES = new Set(['dual', 'triple', 'multi', 'either', 'choice', 'choose', 'alternatively'])
// How far (in words) a name absorbs a URL of its family. A versioned mention absorbs the unversioned mentions
// of its family anywhere in the text ("… GPL version 2 …" then "see the GPL for details").
const ABSORB_URL = 40
const MAX_EVIDENCE = 10
// Below this a name is vague (an unversioned family, a bare abbreviation): no single id can be suggested for it.
const CONFIDENT_NAME = 0.85

/** Words outside URLs and SPDX tag lines (both are read by their own matchers). */
function maskedWords(source: string, tokens: readonly Token[], blocked: [number, number][]) {
  const words = referenceWords(source, tokens)
  blocked.sort((a, b) => a[0] - b[0])
  const out = []
  let b = 0
  for (const word of words) {
    while (b < blocked.length && blocked[b][1] <= word.start) b++
    if (b < blocked.length && word.start >= blocked[b][0] && word.start < blocked[b][1]) continue
    out.push(word)
  }
  return out
}

/** First word index starting at or after `offset`. */
function wordAt(s: WordStream, offset: number): number {
  let lo = 0
  let hi = s.words.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (s.words[mid].start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

function hasCue(s: WordStream, m: Mention): boolean {
  const w = s.words
  // "MIT licensed", "BSD license"
  if (m.j + 1 < w.length && !s.breakBefore[m.j + 1] && CUE_AFTER.has(w[m.j + 1].value)) return true
  // a name-like mention, or an all-lowercase "mit"/"gpl" (most often a path or an identifier), needs the cue
  // right before it: "License: deepseek", "licensed under the llama2"
  const text = s.source.slice(m.start, m.end)
  if (m.tight || text === text.toLowerCase()) {
    const k = m.i >= 1 && w[m.i - 1].value === 'the' ? m.i - 2 : m.i - 1
    return k >= 0 && TIGHT_CUES.has(w[k].value)
  }
  // otherwise a cue a few words before, in the same sentence, or a heading "License" right before a break
  for (let k = m.i - 1; k >= Math.max(0, m.i - CUE_SPAN); k--) {
    if (s.breakBefore[k + 1]) return k === m.i - 1 && (w[k].value === 'license' || w[k].value === 'licenses')
    if (CUE_BEFORE.has(w[k].value)) return true
  }
  return false
}

function negated(s: WordStream, m: Mention): boolean {
  const next = s.words[m.k + 1]
  if (next && !s.breakBefore[m.k + 1] && NEGATIVE_AFTER.has(next.value)) return true
  const prev = s.words[m.i - 1]
  if (prev !== undefined && !s.breakBefore[m.i] && NEGATIVE_BEFORE.has(prev.value)) return true
  for (let k = m.i - 1; k >= Math.max(0, m.i - 3); k--) {
    if (NEGATIVE_CONTEXT.has(s.words[k].value)) return true
    if (s.breakBefore[k]) break
  }
  return false
}

/** Whether only list connectors (or words of other mentions) stand between two mentions; `or`: a choice. */
function connection(s: WordStream, a: Mention, b: Mention, covered: Uint8Array): { connected: boolean; or: boolean } {
  const none = { connected: false, or: false }
  if (b.i - a.j - 1 > 8) return none
  let or = /\//.test(s.source.slice(a.end, b.start))
  let gap = 0
  for (let k = a.j + 1; k < b.i; k++) {
    if (s.breakBefore[k]) return none
    if (covered[k]) continue
    if (!CONNECTORS.has(s.words[k].value) || ++gap > 6) return none
    if (s.words[k].value === 'or') or = true
  }
  if (b.i < s.words.length && b.i > a.j && s.breakBefore[b.i]) return none
  return { connected: true, or }
}

const familyOf = (idx: ReferenceIndex, m: Mention) => m.family ?? idx.familyOf.get(m.licenseId) ?? m.licenseId

/** Keep weak mentions next to a cue or listed with a kept mention; drop negated ones. */
function acceptMentions(s: WordStream, mentions: Mention[], covered: Uint8Array, field = false): Mention[] {
  // a negation covers the rest of its list: "licenses such as MIT and BSD"
  const no = mentions.map((m) => m.kind !== 'url' && m.kind !== 'exception' && negated(s, m))
  for (let k = 1; k < mentions.length; k++) {
    if (no[k - 1] && !no[k] && mentions[k].kind !== 'url' && connection(s, mentions[k - 1], mentions[k], covered).connected) no[k] = true
  }
  const keep = mentions.map((m, k) => m.kind === 'url' || m.kind === 'exception' || (!no[k] && (!m.weak || field || hasCue(s, m))))
  // a list is a chain of neighbours: one sweep each way carries acceptance along it
  const link = (a: number, b: number) => connection(s, mentions[a], mentions[b], covered).connected
  const open = (k: number) => !keep[k] && mentions[k].weak && !no[k]
  for (let k = 1; k < mentions.length; k++) if (open(k) && keep[k - 1] && link(k - 1, k)) keep[k] = true
  for (let k = mentions.length - 2; k >= 0; k--) if (open(k) && keep[k + 1] && link(k, k + 1)) keep[k] = true
  return mentions.filter((_, k) => keep[k])
}

/** Drop unversioned family mentions near a versioned one, and URLs near a name of their family. */
function absorb(idx: ReferenceIndex, mentions: Mention[]): Mention[] {
  const explicit = new Set<string>()
  const named = new Map<string, number[]>() // family → word positions of name and id mentions, in order
  for (const m of mentions) {
    if (m.kind === 'url') continue
    const family = familyOf(idx, m)
    if (m.explicit) explicit.add(family)
    const list = named.get(family) ?? []
    list.push(m.i)
    named.set(family, list)
  }
  return mentions.filter((m) => {
    const family = familyOf(idx, m)
    if (m.kind === 'url') return !near(named.get(family), m.i, ABSORB_URL)
    return m.explicit || !explicit.has(family)
  })
}

/** Whether the sorted `positions` hold one within `distance` of `at`. */
function near(positions: number[] | undefined, at: number, distance: number): boolean {
  if (!positions) return false
  let lo = 0
  let hi = positions.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (positions[mid] < at - distance) lo = mid + 1
    else hi = mid
  }
  return lo < positions.length && positions[lo] <= at + distance
}

// How far an exception looks back for the license it modifies: right after it first, then anywhere nearby.
const EXCEPTION_ADJACENT = 8
const EXCEPTION_NEAR = 80

/** How many of `mentions` (in source order) end before word `i`. */
function lastBefore(mentions: Mention[], i: number): number {
  let lo = 0
  let hi = mentions.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (mentions[mid].j < i) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Attach each exception ("with the Classpath exception", "LLVM-exception") to the license it follows: the
 * mention right before it, else the nearest license within a few sentences. That mention and the later ones of
 * the same license read `<license> WITH <exception>`; exceptions with no license before them are dropped.
 */
function attachExceptions(idx: ReferenceIndex, accepted: Mention[], kept: Mention[]): Mention[] {
  const exceptions = kept.filter((m) => m.kind === 'exception')
  const licenses = kept.filter((m) => m.kind !== 'exception')
  if (!exceptions.length) return licenses
  // an unversioned mention that was absorbed stands for the versioned one of its family
  const explicitOf = new Map<string, string>()
  for (const m of licenses) if (m.explicit && !explicitOf.has(familyOf(idx, m))) explicitOf.set(familyOf(idx, m), m.licenseId)
  // license id → [exception expression, offset from which mentions read WITH it]
  const withOf = new Map<string, [string, number]>()
  const attached = new Set<string>()
  const named = accepted.filter((m) => m.kind !== 'exception' && m.kind !== 'url')
  const keptNamed = licenses.filter((m) => m.kind !== 'url')
  for (const x of exceptions) {
    // an exception named again ("… subject to the Classpath exception") is the one already attached
    if (attached.has(x.licenseId)) continue
    const last = named[lastBefore(named, x.i) - 1]
    let target: Mention | undefined = last && x.i - last.j <= EXCEPTION_ADJACENT ? last : undefined
    const nearest = keptNamed[lastBefore(keptNamed, x.i) - 1]
    if (!target && nearest && x.i - nearest.j <= EXCEPTION_NEAR) target = nearest
    if (!target) continue
    const id = kept.includes(target) ? target.licenseId : explicitOf.get(familyOf(idx, target)) ?? target.licenseId
    if (!withOf.has(id)) withOf.set(id, [`${id} WITH ${x.licenseId}`, Math.min(target.start, x.start)])
    attached.add(x.licenseId)
  }
  // the mention the exception follows and the later mentions of that license carry it; earlier ones may not
  for (const m of licenses) {
    const w = withOf.get(m.licenseId)
    if (w && !m.expression && m.start >= w[1]) m.expression = w[0]
  }
  return licenses
}

/**
 * Group mentions of one choice into OR expressions: a list joined by "or" or "/" ("MIT or Apache-2.0",
 * "MPL, LGPL, or GPL", "CPL/GPL/LGPL"), or any list after a choice cue ("dual licensed under X and Y").
 */
function choiceGroups(s: WordStream, mentions: Mention[], covered: Uint8Array): Map<Mention, string> {
  const groups = new Map<Mention, string>()
  let chain: Mention[] = []
  let choice = false
  const close = () => {
    const parts = [...new Set(chain.map((m) => m.expression ?? m.licenseId))]
    if (choice && parts.length > 1) for (const m of chain) groups.set(m, parts.join(' OR '))
    else for (const m of chain) if (m.choice) groups.set(m, m.choice)
    chain = []
    choice = false
  }
  for (const m of mentions) {
    const prev = chain[chain.length - 1]
    const link = prev && m.kind !== 'url' && prev.kind !== 'url' ? connection(s, prev, m, covered) : undefined
    if (link?.connected) {
      chain.push(m)
      if (link.or) choice = true
      continue
    }
    close()
    chain.push(m)
    for (let k = Math.max(0, m.i - 8); k < m.i; k++) if (CHOICE_CUES.has(s.words[k].value)) choice = true
  }
  close()
  return groups
}

/**
 * Find license references: notices ("Licensed under the Apache License, Version 2.0"), names with versions
 * ("GNU General Public License version 2 or (at your option) any later version" → `GPL-2.0-or-later`), SPDX ids
 * and abbreviations next to a licensing cue ("released under the MIT license"), choices ("dual licensed under the
 * MIT or Apache-2.0" → one finding per license, each with the `OR` expression) and license URLs
 * (`https://creativecommons.org/licenses/by-nc-sa/3.0/` → `CC-BY-NC-SA-3.0`). Runs in linear time.
 *
 * @param source - the text.
 * @param tokens - `tokenize(source)`.
 * @param lines - line index over `source`.
 * @returns findings with matcher `reference`, one per license, evidence = each mention's span.
 * @example
 * matchReferences(src, tokenize(src), createLineIndex(src))[0].licenseId // 'Apache-2.0' for "Licensed under the Apache License, Version 2.0"
 */
export function matchReferences(source: string, tokens: Token[], lines: LineIndex): LicenseFinding[] {
  return findReferences(source, tokens, lines, loadReferenceIndex())
}

/**
 * `matchReferences` over a given rule index. `field`: the text is a license field (a manifest's `license`), so
 * bare abbreviations count without a cue.
 */
export function findReferences(source: string, tokens: readonly Token[], lines: LineIndex, idx: ReferenceIndex, options: { field?: boolean } = {}): LicenseFinding[] {
  const urls = findUrls(source, idx.urls)
  const blocked: [number, number][] = urls.map((u) => [u.start, u.end])
  for (const tag of findSpdxTags(source)) blocked.push([tag.start, Math.max(tag.valueEnd, tag.valueStart)])
  const s = wordStream(source, maskedWords(source, tokens, blocked))

  const mentions = scanMentions(s, tokens, idx)
  for (const u of urls) {
    if (!u.licenseId) continue
    const at = Math.min(wordAt(s, u.start), Math.max(0, s.words.length - 1))
    mentions.push({ i: at, j: at - 1, k: at - 1, start: u.start, end: u.end, licenseId: u.licenseId, kind: 'url', explicit: true, weak: false, confidence: 0.9 })
  }
  mentions.sort((a, b) => a.start - b.start)
  const covered = new Uint8Array(s.words.length)
  for (const m of mentions) for (let k = m.i; k <= m.j; k++) covered[k] = 1
  const accepted = acceptMentions(s, mentions, covered, options.field)
  const kept = attachExceptions(idx, accepted, absorb(idx, accepted))
  const groups = choiceGroups(s, kept, covered)
  // one choice stated twice ("GPL or CDDL" … "CDDL or GPL") is one choice, and a lone mention of one of its
  // licenses elsewhere refers back to it: both read as the first statement of the choice
  const choices = new Map<string, string>()
  for (const m of kept) {
    const expression = groups.get(m)
    if (!expression) continue
    const key = expression.split(' OR ').sort().join('|')
    if (!choices.has(key)) choices.set(key, expression)
    groups.set(m, choices.get(key)!)
  }
  for (const m of kept) {
    if (groups.has(m)) continue
    const own = m.expression ?? m.licenseId
    for (const expression of choices.values()) if (expression.split(' OR ').includes(own)) groups.set(m, expression)
  }

  const findings = new Map<string, LicenseFinding>()
  for (const m of kept) {
    const expression = groups.get(m) ?? m.expression
    const key = `${m.licenseId}|${expression ?? ''}`
    let f = findings.get(key)
    if (!f) {
      f = { licenseId: m.licenseId, ...(expression ? { expression } : {}), confidence: m.confidence, matcher: 'reference', evidence: [] }
      findings.set(key, f)
    }
    f.confidence = Math.max(f.confidence, m.confidence)
    if (f.evidence.length < MAX_EVIDENCE) f.evidence.push(lines.evidence(m.start, m.end))
  }
  return [...findings.values()]
}

/**
 * The one license a short name stands for, when it names exactly one with a version or a full name
 * ("GNU Lesser General Public License v2.1 or later" → `LGPL-2.1-or-later`, "Llama 3.1 Community License" →
 * `LicenseRef-llama-3.1-community`). Vague names ("GPL", "BSD") and lists give `undefined`.
 *
 * @param raw - a license name as written in a manifest field or a heading (at most 300 characters).
 * @returns the canonical id, or `undefined`.
 */
export function identifyLicenseName(raw: string): string | undefined {
  const text = raw.trim()
  if (!text || text.length > 300) return undefined
  const findings = findReferences(text, tokenize(text, { keepCopyright: true }), createLineIndex(text), loadReferenceIndex(), { field: true })
  if (findings.length !== 1 || findings[0].expression || findings[0].confidence < CONFIDENT_NAME) return undefined
  // the name must be most of the text: "MIT-licensed parser for Apache logs" is not a license name
  const covered = findings[0].evidence.reduce((n, e) => n + e.text.replace(/[^\p{L}\p{N}]/gu, '').length, 0)
  return covered * 2 >= text.replace(/[^\p{L}\p{N}]/gu, '').length ? findings[0].licenseId : undefined
}
