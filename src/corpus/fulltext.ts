// Runtime loader of corpus/fulltext.json: decodes the bigram index of every reference text once per process.
import {
  FULLTEXT_FORMAT,
  fromBase64,
  readUint16,
  readUint32,
  type FullTextJson,
  type FullTextRefJson,
  type ReferenceKind,
} from './fulltext-format.js'
import { LicitError } from '../errors.js'
import { readCorpusJson } from './load.js'

export type { ReferenceKind }
export { POSITION_BUCKETS, POSTING_ANCHOR, POSTING_REF, POSTING_REQUIRED } from './fulltext-format.js'

/** One reference text as the matcher sees it. */
export type FullTextRef = FullTextRefJson


/** The decoded index. Posting list of hash `hashes[i]` is `postings.subarray(starts[i], starts[i + 1])`. */
export interface FullTextIndex {
  refs: FullTextRef[]
  hashes: Uint32Array
  /** Open-addressing table: slot → index into `hashes` + 1 (0 = empty); see `findHash`. */
  table: Int32Array
  /** 32 − log2(table.length), for the multiplicative slot hash. */
  shift: number
  starts: Uint32Array
  postings: Uint16Array
  /** Per posting: `first << 4 | last` slices where the (required) bigram occurs in its reference. */
  buckets: Uint8Array
  /** 2 × POSITION_BUCKETS counts per reference: required bigrams by first slice, then by last slice. */
  bucketTotals: Uint16Array
  /** Whole-text sequence hash → reference index. */
  exact: Map<number, number>
  /** Near neighbours (reference indexes) per reference index. */
  neighbours: number[][]
}

/**
 * Decode the JSON form of the index (pure; used by the loader and by tests that build an index in memory).
 *
 * @throws LicitError `E_CORPUS_INVALID` when the format version differs: a stale corpus is our bug (rebuild it
 * with `npm run corpus`), never the caller's.
 */
export function decodeFullTextIndex(json: FullTextJson): FullTextIndex {
  if (json?.format !== FULLTEXT_FORMAT) {
    throw new LicitError('E_CORPUS_INVALID', `corpus/fulltext.json has format ${json?.format}, expected ${FULLTEXT_FORMAT}: run \`npm run corpus\``)
  }
  const hashes = readUint32(json.hashes)
  const counts = readUint16(json.counts)
  const starts = new Uint32Array(hashes.length + 1)
  for (let i = 0; i < counts.length; i++) starts[i + 1] = starts[i] + counts[i]
  const pairs = readUint32(json.exact)
  const exact = new Map<number, number>()
  for (let i = 0; i + 1 < pairs.length; i += 2) exact.set(pairs[i], pairs[i + 1])
  const neighbours: number[][] = json.refs.map(() => [])
  const pairs16 = readUint16(json.neighbours)
  for (let i = 0; i + 1 < pairs16.length; i += 2) neighbours[pairs16[i]].push(pairs16[i + 1])
  const { table, shift } = buildTable(hashes)
  return {
    refs: json.refs,
    hashes,
    table,
    shift,
    starts,
    postings: readUint16(json.postings),
    buckets: fromBase64(json.buckets),
    bucketTotals: readUint16(json.bucketTotals),
    exact,
    neighbours,
  }
}

// A hash table over the sorted hashes (built at load: one pass, no sort) makes each input lookup O(1).
function buildTable(hashes: Uint32Array): { table: Int32Array; shift: number } {
  let bits = 4
  while (1 << bits < hashes.length * 2) bits++
  const table = new Int32Array(1 << bits)
  const mask = table.length - 1
  const shift = 32 - bits
  for (let i = 0; i < hashes.length; i++) {
    let slot = Math.imul(hashes[i], 0x9e3779b1) >>> shift
    while (table[slot] !== 0) slot = (slot + 1) & mask
    table[slot] = i + 1
  }
  return { table, shift }
}

/** Index of `hash` in `index.hashes`, or -1. */
export function findHash(index: FullTextIndex, hash: number): number {
  const { table, hashes, shift } = index
  const mask = table.length - 1
  for (let slot = Math.imul(hash, 0x9e3779b1) >>> shift; ; slot = (slot + 1) & mask) {
    const v = table[slot]
    if (v === 0) return -1
    if (hashes[v - 1] === hash) return v - 1
  }
}

let cached: FullTextIndex | undefined

/** The shipped full-text index, decoded on first use. */
export function loadFullTextIndex(): FullTextIndex {
  // the decoded typed arrays replace the ~3 MB of base64 strings, which need not stay in memory
  cached ??= decodeFullTextIndex(readCorpusJson<FullTextJson>('fulltext.json', { cache: false }))
  return cached
}
