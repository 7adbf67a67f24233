// Corpus part: fulltext.json, the bigram index the full-text matcher loads (fingerprints only, no license text).
//
// Every reference (SPDX license, standard header, exception, AI license or policy) becomes a set of required
// and optional word-bigram hashes. References with the same required set and kind are one reference (the
// GPL-2.0-only and GPL-2.0-or-later texts are the same text): a full text reports `-only`, as ScanCode does,
// and a header reports `-or-later` exactly when it says "any later version". Near neighbours (texts that share
// most bigrams both ways, like Llama 3.1 and 3.2) are listed, so the matcher can insist that a winner's decisive
// words (versions, dates, names) are really present.
import {
  FULLTEXT_FORMAT,
  POSTING_ANCHOR,
  POSTING_IDENTITY,
  POSTING_INNER,
  POSTING_REF,
  POSTING_REQUIRED,
  POSITION_BUCKETS,
  bytesOf,
  toBase64,
  type FullTextJson,
  type FullTextRefJson,
} from '../../src/corpus/fulltext-format.js'
import { isVersionBigram } from '../../src/match/fulltext-candidates.js'
import { hashPair, hashString } from '../../src/text/hash.js'
import { tokenize } from '../../src/text/tokenize.js'
import type { BuildContext } from './build.js'
import { extractFeatures, type Features } from './fulltext-features.js'
import { readSourceReferences, type SourceReference } from './fulltext-sources.js'

/** References with fewer required bigrams than this are too short to identify anything by themselves. */
const MIN_REQUIRED = 6
/** Two references are near neighbours when each has at least this share of the other's required bigrams. */
const NEIGHBOUR_SIMILARITY = 0.7
/** A word of a license's name is distinctive when at most this many licenses have it in their names. */
const NAME_DF = 16

interface Merged {
  ids: string[]
  names: string[]
  keyPhrases: string[]
  kind: SourceReference['kind']
  group?: string
  features: Features
  /** Required bigrams holding a distinctive word of one of the names. */
  identity: Set<number>
}

const sayOrLater = (words: string[]) => words.join(' ').includes('any later version')

/** Which of several ids with one text to report: `-only` for full texts, `-or-later` for "any later" headers. */
function primaryId(ids: string[], kind: string, words: string[]): string {
  const later = kind === 'header' && sayOrLater(words)
  const rank = (id: string) => {
    if (id.endsWith(later ? '-or-later' : '-only')) return 0
    if (id.endsWith(later ? '-only' : '-or-later')) return 2
    return 1
  }
  return [...ids].sort((a, b) => rank(a) - rank(b) || a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))[0]
}

function mergeReferences(sources: SourceReference[]): Merged[] {
  const byKey = new Map<string, Merged>()
  const order: Merged[] = []
  for (const src of sources) {
    const f = extractFeatures(src.rendered)
    if (f.required.size < MIN_REQUIRED) continue
    const key = `${src.kind}:${[...f.required].sort((a, b) => a - b).join(',')}`
    const hit = byKey.get(key)
    if (!hit) {
      const m: Merged = { ids: [src.id], names: [src.name], keyPhrases: [...(src.keyPhrases ?? [])], kind: src.kind, group: src.group, features: f, identity: new Set() }
      byKey.set(key, m)
      order.push(m)
      continue
    }
    if (!hit.ids.includes(src.id)) hit.ids.push(src.id)
    if (!hit.names.includes(src.name)) hit.names.push(src.name)
    for (const p of src.keyPhrases ?? []) if (!hit.keyPhrases.includes(p)) hit.keyPhrases.push(p)
    hit.group ??= src.group
    for (const h of f.optional) if (!hit.features.required.has(h)) hit.features.optional.add(h)
    for (const h of f.anchors) hit.features.anchors.add(h)
    for (const h of f.inner) hit.features.inner.add(h)
    for (const h of f.buckets.keys()) if (!hit.features.buckets.has(h)) hit.features.buckets.set(h, f.buckets.get(h)!)
    hit.features.exact.push(...f.exact)
  }
  return order
}

/**
 * Mark each reference's identity bigrams, the words by which a text names itself; a confident match must show
 * one of them when the reference has any:
 * - bigrams of two words of its own name, one of them a word few other licenses have in theirs ("industry
 *   standards", "mozilla public", "gnu library", "llama 3.1"). A distinctive name word next to an ordinary word
 *   is no identity ("this library" in a GPL header for a library); generic name words (license, public, general,
 *   gnu, version, creative, commons) make none;
 * - bigrams of its key phrases (licenses/<id>.yaml) that are required in its text and either rare among the
 *   references or a version or date ("july 23", "3.1 version").
 */
function markIdentity(refs: Merged[]): void {
  const wordsOf = (name: string) => new Set(tokenize(name).map((t) => t.value))
  const candidate = (w: string) => w.length >= 3 && !/^[\d.]+$/.test(w)
  const holders = new Map<string, Set<string>>()
  for (const r of refs) {
    for (const name of r.names) for (const w of wordsOf(name)) if (candidate(w)) (holders.get(w) ?? holders.set(w, new Set()).get(w)!).add(r.ids[0])
  }
  const df = new Map<number, number>()
  for (const r of refs) for (const h of [...r.features.required, ...r.features.optional]) df.set(h, (df.get(h) ?? 0) + 1)
  for (const r of refs) {
    const inName = new Set<string>()
    const distinctive = new Set<string>()
    for (const name of r.names) {
      for (const w of wordsOf(name)) {
        inName.add(w)
        if (candidate(w) && holders.get(w)!.size <= NAME_DF) distinctive.add(w)
      }
    }
    const { words, bits, required } = r.features
    for (let i = 0; i + 1 < words.length; i++) {
      const [a, b] = [words[i], words[i + 1]]
      if (bits[i] || bits[i + 1] || !inName.has(a) || !inName.has(b) || !(distinctive.has(a) || distinctive.has(b))) continue
      r.identity.add(hashPair(hashString(a), hashString(b)))
    }
    for (const phrase of r.keyPhrases) {
      const w = tokenize(phrase).map((t) => t.value)
      for (let i = 0; i + 1 < w.length; i++) {
        const h = hashPair(hashString(w[i]), hashString(w[i + 1]))
        if (required.has(h) && (df.get(h)! <= NAME_DF || isVersionBigram(w[i], w[i + 1]))) r.identity.add(h)
      }
    }
  }
}

function buildIndex(refs: Merged[]) {
  const lists = new Map<number, number[]>()
  refs.forEach((r, i) => {
    const f = r.features
    const add = (h: number, flags: number) => {
      let l = lists.get(h)
      if (!l) lists.set(h, (l = []))
      const anchor = (f.anchors.has(h) ? POSTING_ANCHOR : 0) | (f.inner.has(h) ? POSTING_INNER : 0)
      l.push(i | flags | anchor | (r.identity.has(h) ? POSTING_IDENTITY : 0))
    }
    for (const h of f.required) add(h, POSTING_REQUIRED)
    for (const h of f.optional) add(h, 0)
  })
  const hashes = Uint32Array.from([...lists.keys()].sort((a, b) => a - b))
  const counts = new Uint16Array(hashes.length)
  const postings: number[] = []
  const buckets: number[] = []
  hashes.forEach((h, i) => {
    const l = lists.get(h)!.sort((a, b) => (a & POSTING_REF) - (b & POSTING_REF))
    counts[i] = l.length
    postings.push(...l)
    for (const p of l) buckets.push(p & POSTING_REQUIRED ? refs[p & POSTING_REF].features.buckets.get(h)! : 0)
  })
  const totals = new Uint16Array(refs.length * 2 * POSITION_BUCKETS)
  refs.forEach((r, i) => {
    for (const b of r.features.buckets.values()) {
      totals[i * 2 * POSITION_BUCKETS + (b >> 4)]++
      totals[i * 2 * POSITION_BUCKETS + POSITION_BUCKETS + (b & 15)]++
    }
  })
  return { hashes, counts, postings: Uint16Array.from(postings), buckets: Uint8Array.from(buckets), totals, lists }
}

/** For each reference, the references sharing most of its required bigrams both ways (its near-clones). */
function findNeighbours(refs: Merged[], lists: Map<number, number[]>): number[] {
  const shared = refs.map(() => new Uint32Array(refs.length))
  refs.forEach((r, i) => {
    for (const h of r.features.required) for (const p of lists.get(h)!) shared[i][p & POSTING_REF]++
  })
  const out: number[] = []
  refs.forEach((r, i) => {
    const ri = r.features.required.size
    refs.forEach((n, j) => {
      const nj = n.features.required.size
      if (i === j || shared[i][j] === ri || shared[i][j] < NEIGHBOUR_SIMILARITY * ri || shared[j][i] < NEIGHBOUR_SIMILARITY * nj) return
      out.push(i, j)
    })
  })
  return out
}

/**
 * Build the full-text index of the given reference texts (pure; tests build small ones).
 *
 * @param sources - reference texts with their ids, kinds and names, in a fixed order.
 * @returns the JSON form that `decodeFullTextIndex` reads.
 */
export function buildFullTextIndex(sources: SourceReference[]): FullTextJson {
  const refs = mergeReferences(sources)
  if (refs.length > POSTING_REF) throw new Error(`too many references for 12-bit postings: ${refs.length}`)
  markIdentity(refs)
  const { hashes, counts, postings, buckets, totals, lists } = buildIndex(refs)
  const exact = new Map<number, number>()
  refs.forEach((r, i) => {
    for (const h of r.features.exact) if (!exact.has(h)) exact.set(h, i)
  })
  const exactPairs = [...exact.entries()].sort((a, b) => a[0] - b[0]).flat()
  return {
    format: FULLTEXT_FORMAT,
    refs: refs.map((r): FullTextRefJson => {
      const id = primaryId(r.ids, r.kind, r.features.words)
      const also = r.ids.filter((x) => x !== id).sort()
      return { id, kind: r.kind, req: r.features.required.size, ident: r.identity.size, ...(also.length ? { also } : {}), ...(r.group ? { group: r.group } : {}) }
    }),
    hashes: toBase64(bytesOf(hashes)),
    counts: toBase64(bytesOf(counts)),
    postings: toBase64(bytesOf(postings)),
    buckets: toBase64(buckets),
    bucketTotals: toBase64(bytesOf(totals)),
    exact: toBase64(bytesOf(Uint32Array.from(exactPairs))),
    neighbours: toBase64(bytesOf(Uint16Array.from(findNeighbours(refs, lists)))),
  }
}

/** Build corpus/fulltext.json from ../shared (or spdx-license-list alone when ../shared is absent). */
export async function buildFullText(ctx: BuildContext): Promise<Record<string, string>> {
  return { 'fulltext.json': JSON.stringify(buildFullTextIndex(readSourceReferences(ctx.shared, ctx.root))) + '\n' }
}
