// The reference rules of corpus/references.json: their shape, URL keys, and the word trie built from them once.
import { readCorpusJson } from '../corpus/load.js'

/**
 * One name rule. `p` is the phrase in reference words joined by spaces; a `#` word is a version slot that a
 * version word must fill ("llama # community license"). `t` is the target: `id:<canonical id>` (or
 * `id:<id> WITH <exception>` for a name that means both, `id:<a> OR <b>` for a name that offers a choice),
 * `fam:<family key>` (the version is then read around the mention) or `exc:<exception id>`. `w` marks a weak
 * phrase that counts only next to a licensing cue: 1 = a bare abbreviation or id ("MIT", "GPL"), 2 = a model
 * or project name ("Llama 2", "deepseek") that needs the cue right before it ("License: deepseek"); `c`
 * overrides the confidence.
 */
export interface ReferenceRule {
  p: string
  t: string
  w?: 1 | 2
  c?: number
}

/** A versioned family: version key → `[id, or-later id?]`; `d` is the id an unversioned mention stands for. */
export interface ReferenceFamily {
  v: Record<string, [string] | [string, string]>
  d?: string
}

/** Shape of `corpus/references.json`. */
export interface ReferencesCorpus {
  format: 1
  rules: ReferenceRule[]
  families: Record<string, ReferenceFamily>
  /** Normalized URL (see `urlKey`) → canonical id. */
  urls: Record<string, string>
}

/**
 * Normalize a license URL so spellings of one address compare equal: scheme, `www.`, query and trailing
 * slashes dropped, a fragment kept after `#`; `.html`/`.txt`/`.php`/… endings, `-standalone`, `/legalcode` and `/deed.xx`
 * dropped; `opensource.org/license/` = `opensource.org/licenses/`; Hub and GitHub `raw`/`resolve` = `blob`.
 *
 * @example
 * urlKey('https://www.apache.org/licenses/LICENSE-2.0.txt') // 'apache.org/licenses/license-2.0'
 */
export function urlKey(url: string): string {
  const lower = url.trim().toLowerCase()
  const hash = lower.indexOf('#')
  // a fragment can select one license on a shared page ("license-list.html#CDL"): it stays in the key
  const fragment = hash >= 0 ? lower.slice(hash + 1).replace(/[^a-z0-9._-]/g, '') : ''
  let key = (hash >= 0 ? lower.slice(0, hash) : lower)
    .replace(/^[a-z][a-z0-9+.-]{0,20}:\/+/, '')
    .replace(/^www\./, '')
    .replace(/\?.*$/, '')
    .replace(/\/+$/, '')
  for (let i = 0; i < 3; i++) {
    const before = key
    key = key
      // a language variant of a page ("gpl-3.0.en.html", "lgpl-3.0.de.html")
      .replace(/\.[a-z]{2}(?:[-_][a-z]{2,4})?\.(?:html?|php|txt)$/, '')
      .replace(/\.(?:html?|txt|php|md|aspx|shtml|mspx|pdf)$/, '')
      .replace(/-standalone$/, '')
      .replace(/\/(?:legalcode|deed)(?:\.[a-z]{2,3}(?:[-_][a-z]{2,4})?)?$/, '')
      .replace(/\/+$/, '')
    if (key === before) break
  }
  key = key
    .replace(/^opensource\.org\/license\//, 'opensource.org/licenses/')
    .replace(/^((?:huggingface\.co|github\.com)\/[^/]+\/[^/]+)\/(?:raw|resolve)\//, '$1/blob/')
  return fragment ? `${key}#${fragment}` : key
}

/** A trie node over reference words; `slot` is the edge a version word takes. */
export interface TrieNode {
  next: Map<string, TrieNode>
  slot?: TrieNode
  rule?: ReferenceRule
}

/** The rules ready for matching: the phrase trie, the URL map and which family each id belongs to. */
export interface ReferenceIndex {
  corpus: ReferencesCorpus
  trie: TrieNode
  /** Canonical id → family key, for ids reached through a family or named in one. */
  familyOf: Map<string, string>
  urls: Map<string, string>
  /** Longest phrase in words: bounds the walk from each position. */
  maxWords: number
}

let index: ReferenceIndex | undefined

/** Build a trie over rule phrases. */
export function buildTrie(rules: readonly ReferenceRule[]): { trie: TrieNode; maxWords: number } {
  const trie: TrieNode = { next: new Map() }
  let maxWords = 0
  for (const rule of rules) {
    const words = rule.p.split(' ')
    maxWords = Math.max(maxWords, words.length)
    let node = trie
    for (const w of words) {
      if (w === '#') node = node.slot ??= { next: new Map() }
      else {
        let child = node.next.get(w)
        if (!child) node.next.set(w, (child = { next: new Map() }))
        node = child
      }
    }
    node.rule ??= rule
  }
  return { trie, maxWords }
}

/** Index a references corpus (exported for tests that build their own). */
export function indexReferences(corpus: ReferencesCorpus): ReferenceIndex {
  const { trie, maxWords } = buildTrie(corpus.rules)
  const familyOf = new Map<string, string>()
  for (const [key, family] of Object.entries(corpus.families)) {
    for (const ids of Object.values(family.v)) for (const id of ids) if (!familyOf.has(id)) familyOf.set(id, key)
    if (family.d && !familyOf.has(family.d)) familyOf.set(family.d, key)
  }
  return { corpus, trie, familyOf, urls: new Map(Object.entries(corpus.urls)), maxWords }
}

/** The shipped reference rules, loaded and indexed on first use. */
export function loadReferenceIndex(): ReferenceIndex {
  return (index ??= indexReferences(readCorpusJson<ReferencesCorpus>('references.json')))
}
