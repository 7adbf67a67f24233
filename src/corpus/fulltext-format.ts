// The shape of corpus/fulltext.json and the binary packing shared by its builder and its loader.
//
// One global inverted index over word-bigram hashes: `hashes` (sorted, unique) and, for each hash, a posting
// list of the references that contain it. Each posting is a u16: the reference index in the low 12 bits, a
// REQUIRED flag (the bigram is outside every optional/replaceable span of that reference), an ANCHOR flag (a
// replaceable span follows it), an INNER flag (it lies inside one) and an IDENTITY flag (it holds a distinctive
// word of the license's name). Typed
// arrays are stored little-endian and base64-encoded, so loading is a decode, not a rebuild.

/** Version of the fulltext.json layout; the loader refuses any other. */
export const FULLTEXT_FORMAT = 9

export const POSTING_REF = 0x0fff
export const POSTING_REQUIRED = 0x8000
export const POSTING_ANCHOR = 0x4000
/** The bigram holds a distinctive word of the license's name ("sun industry", "llama 3.1", "apache license"). */
export const POSTING_IDENTITY = 0x2000
/** The bigram lies inside a replaceable span: a few unknown words may follow it. */
export const POSTING_INNER = 0x1000
/**
 * Each reference is cut in this many equal slices; a required bigram's posting records the slices where it
 * first and last occurs, so the matcher can tell a copy that lacks a trailing notice (missing bigrams that first
 * occur in the last slices) or a leading preamble (missing bigrams that last occur in the first slices) from one
 * that lacks a clause in the middle.
 */
export const POSITION_BUCKETS = 16

/** What kind of text a reference is; decides the matcher name and how a match combines with others. */
export type ReferenceKind = 'license' | 'header' | 'exception' | 'policy'

export interface FullTextRefJson {
  /** Canonical id (SPDX id or `LicenseRef-…`). */
  id: string
  kind: ReferenceKind
  /** Number of distinct required bigrams. */
  req: number
  /** How many of them hold a distinctive word of the license's name (0: the text never names itself). */
  ident: number
  /** Other ids whose texts are identical to this one (reported as candidates, never instead). */
  also?: string[]
  /** `LicenseRef-<group>` of an AI license that belongs to a version family. */
  group?: string
}

export interface FullTextJson {
  format: number
  refs: FullTextRefJson[]
  /** Uint32, sorted unique bigram hashes. */
  hashes: string
  /** Uint16, posting-list length per hash. */
  counts: string
  /** Uint16 postings, grouped by hash, sorted by reference index within a group. */
  postings: string
  /** Uint8 per posting: `first << 4 | last` slices where a required bigram occurs (0 for optional ones). */
  buckets: string
  /**
   * Uint16, 2 × POSITION_BUCKETS per reference: how many required bigrams first occur in each slice, then how
   * many last occur in each slice.
   */
  bucketTotals: string
  /** Uint32 pairs [sequence key, reference index], sorted by key: the exact matcher's table (see exact.ts). */
  exact: string
  /** Uint16 pairs [reference, near neighbour]: texts sharing most of their required bigrams both ways. */
  neighbours: string
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Encode bytes as base64 (no Buffer needed, so the same code runs in browsers). */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = []
  let chunk = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    chunk += B64[(n >> 18) & 63] + B64[(n >> 12) & 63]
    chunk += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '='
    chunk += i + 2 < bytes.length ? B64[n & 63] : '='
    if (chunk.length >= 65536) {
      parts.push(chunk)
      chunk = ''
    }
  }
  parts.push(chunk)
  return parts.join('')
}

const DECODE = new Int16Array(128).fill(-1)
for (let i = 0; i < B64.length; i++) DECODE[B64.charCodeAt(i)] = i

interface NodeBuffer {
  from(text: string, encoding: 'base64'): Uint8Array
}

/** Decode base64 into a fresh byte array (natively where a `Buffer` exists, else in plain JS). */
export function fromBase64(text: string): Uint8Array {
  const buffer = (globalThis as { Buffer?: NodeBuffer }).Buffer
  if (buffer) return new Uint8Array(buffer.from(text, 'base64'))
  return decodeBase64(text)
}

/** Plain-JS base64 decoding (browsers without `Buffer`). */
export function decodeBase64(text: string): Uint8Array {
  let len = text.length
  while (len > 0 && text.charCodeAt(len - 1) === 61) len--
  const out = new Uint8Array((len * 3) >> 2)
  let o = 0
  let i = 0
  for (; i + 4 <= len; i += 4) {
    const n =
      (DECODE[text.charCodeAt(i)] << 18) |
      (DECODE[text.charCodeAt(i + 1)] << 12) |
      (DECODE[text.charCodeAt(i + 2)] << 6) |
      DECODE[text.charCodeAt(i + 3)]
    out[o++] = n >> 16
    out[o++] = (n >> 8) & 255
    out[o++] = n & 255
  }
  if (len - i >= 2) {
    const n = (DECODE[text.charCodeAt(i)] << 18) | (DECODE[text.charCodeAt(i + 1)] << 12) | (len - i === 3 ? DECODE[text.charCodeAt(i + 2)] << 6 : 0)
    out[o++] = n >> 16
    if (len - i === 3) out[o++] = (n >> 8) & 255
  }
  return out
}

/** Little-endian bytes of a typed array. */
export function bytesOf(array: Uint16Array | Uint32Array): Uint8Array {
  const out = new Uint8Array(array.length * array.BYTES_PER_ELEMENT)
  const view = new DataView(out.buffer)
  if (array instanceof Uint16Array) array.forEach((v, i) => view.setUint16(i * 2, v, true))
  else array.forEach((v, i) => view.setUint32(i * 4, v, true))
  return out
}

// Typed arrays view the decoded bytes directly on little-endian machines (all common ones); others swap.
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1

/** Read a base64 string of little-endian u16 values. */
export function readUint16(text: string): Uint16Array {
  const bytes = fromBase64(text)
  const n = bytes.length >> 1
  if (LITTLE_ENDIAN && bytes.byteOffset % 2 === 0) return new Uint16Array(bytes.buffer, bytes.byteOffset, n)
  const out = new Uint16Array(n)
  for (let i = 0; i < n; i++) out[i] = bytes[2 * i] | (bytes[2 * i + 1] << 8)
  return out
}

/** Read a base64 string of little-endian u32 values. */
export function readUint32(text: string): Uint32Array {
  const bytes = fromBase64(text)
  const n = bytes.length >> 2
  if (LITTLE_ENDIAN && bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, n)
  const out = new Uint32Array(n)
  for (let i = 0; i < n; i++) out[i] = (bytes[4 * i] | (bytes[4 * i + 1] << 8) | (bytes[4 * i + 2] << 16) | (bytes[4 * i + 3] << 24)) >>> 0
  return out
}
