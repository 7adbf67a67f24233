// Notices and mentions that name a license without its text: names, abbreviations, SPDX ids and URLs.
//
// Pipeline: mask URLs and SPDX tag lines → split words finer (reference-words) → scan for names and ids
// (reference-scan: longest phrase, version and "or later" read nearby) → add URL mentions → keep weak mentions
// ("MIT", "GPL") only next to a licensing cue → let a versioned mention absorb unversioned ones and URLs of
// its family nearby → group "A or B" choices → one finding per license.
import type { LicenseFinding } from '../schema/index.js'
import { createLineIndex, firstAtOrAfter, tokenize, type LineIndex, type Token } from '../text/index.js'
import { loadReferenceIndex, type ReferenceIndex } from './reference-rules.js'
import { absorb, attachExceptions, choiceGroups, listedMentions } from './reference-combine.js'
import { acceptMentions } from './reference-context.js'
import { scanMentions } from './reference-scan.js'
import { wordStream, type WordStream } from './reference-stream.js'
import { findUrls } from './reference-url.js'
import { referenceWords } from './reference-words.js'
import { findSpdxTags } from './expression-tags.js'

const MAX_EVIDENCE = 10
// Below this a name is vague (an unversioned family, a bare abbreviation): no single id can be suggested for it.
const CONFIDENT_NAME = 0.85

/** Words outside URLs and SPDX tag lines (both are read by their own matchers). */
function maskedWords(source: string, tokens: readonly Token[], blocked: [number, number][]) {
  return referenceWords(source, tokens, blocked.sort((a, b) => a[0] - b[0]))
}

// A copyright line (the tokenizer skips those) that goes on to state a license: "Copyright (c) 2020 Jane.
// Licensed under the MIT license.", "(c) 2019 Foo, MIT License". Bounded, so the scan stays linear.
const COPYRIGHT_LINE = /^[^\S\r\n]{0,20}(?:[#*/;'!%-]{1,4}[^\S\r\n]{0,8})?(?:copyright|\(c\)|©)[^\r\n]{0,500}/gim
const LICENSE_CUE = /\b(?:licen[cs]e[ds]?|released under|distributed under|available under)\b/i

/**
 * The tokens of `source` plus those of the licensing clause of copyright lines the tokenizer skipped: the
 * clause starts after the last separator (".", ",", ";", "|") before its first license word.
 */
function withCopyrightClauses(source: string, tokens: readonly Token[]): readonly Token[] {
  let extra: Token[] | undefined
  COPYRIGHT_LINE.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = COPYRIGHT_LINE.exec(source)) !== null) {
    const cue = LICENSE_CUE.exec(m[0])
    if (!cue) continue
    const lineStart = m.index
    const lineEnd = m.index + m[0].length
    const first = firstAtOrAfter(tokens, lineStart)
    if (first < tokens.length && tokens[first].start < lineEnd) continue // not skipped
    const before = m[0].slice(0, cue.index)
    const from = Math.max(before.lastIndexOf('.'), before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('|')) + 1
    const clause = m[0].slice(from)
    for (const t of tokenize(clause, { keepCopyright: true })) (extra ??= []).push({ ...t, start: t.start + lineStart + from, end: t.end + lineStart + from })
  }
  if (!extra) return tokens
  // both lists are in source order: merge them
  const out: Token[] = []
  let k = 0
  for (const t of tokens) {
    while (k < extra.length && extra[k].start < t.start) out.push(extra[k++])
    out.push(t)
  }
  while (k < extra.length) out.push(extra[k++])
  return out
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
export function findReferences(source: string, sourceTokens: readonly Token[], lines: LineIndex, idx: ReferenceIndex, options: { field?: boolean } = {}): LicenseFinding[] {
  const tokens = withCopyrightClauses(source, sourceTokens)
  const urls = findUrls(source, idx.urls)
  const blocked: [number, number][] = urls.map((u) => [u.start, u.end])
  for (const tag of findSpdxTags(source)) blocked.push([tag.start, Math.max(tag.valueEnd, tag.valueStart)])
  const s = wordStream(source, maskedWords(source, tokens, blocked))

  const mentions = scanMentions(s, tokens, idx)
  for (const u of urls) {
    if (!u.licenseId) continue
    const at = Math.min(firstAtOrAfter(s.words, u.start), Math.max(0, s.words.length - 1))
    // a page without a version in its address ("gnu.org/licenses/gpl.html") names the family, not a version
    const explicit = /\d/.test(u.key)
    mentions.push({ i: at, j: at - 1, k: at - 1, start: u.start, end: u.end, licenseId: u.licenseId, kind: 'url', explicit, weak: false, confidence: 0.9 })
  }
  mentions.sort((a, b) => a.start - b.start)
  const covered = new Uint8Array(s.words.length)
  for (const m of mentions) for (let k = m.i; k <= m.j; k++) covered[k] = 1
  const accepted = acceptMentions(s, mentions, covered, options.field)
  const kept = attachExceptions(idx, accepted, absorb(idx, accepted, listedMentions(s, accepted, covered)))
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
