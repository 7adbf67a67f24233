// Bytes → text: BOM sniffing (UTF-8, UTF-16 LE/BE), a Latin-1 fallback for invalid UTF-8, and binary detection.
// Pure: TextDecoder only, so it runs in a browser as well as in Node.
import type { Diagnostic } from '../schema/index.js'

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1'

export interface DecodedText {
  /** The decoded text ('' when `binary`). A UTF-8 BOM is kept as U+FEFF; a UTF-16 BOM is dropped. */
  text: string
  encoding: TextEncoding
  /** Whether the bytes started with a byte order mark. */
  bom: boolean
  /** Whether the bytes look binary (NUL bytes near the start and no UTF-16 BOM); `text` is then empty. */
  binary: boolean
  diagnostics: Diagnostic[]
}

/** How far binary sniffing looks: git and ripgrep also decide from the first few kilobytes. */
const SNIFF_BYTES = 8192

// One decoder per encoding, created lazily and reused (creating TextDecoders per file costs more than decoding
// a small LICENSE). `fatal` makes invalid UTF-8 throw so we can fall back instead of inserting U+FFFD;
// `ignoreBOM` keeps a UTF-8 BOM in the text, so offsets agree with tools that read the file as plain UTF-8.
let utf8: TextDecoder | undefined
let latin1: TextDecoder | undefined
const utf16: Partial<Record<'utf-16le' | 'utf-16be', TextDecoder>> = {}

const message = {
  binary: 'The file looks binary (NUL bytes in its first 8 KB); it was not decoded',
  latin1: 'The file is not valid UTF-8; it was decoded as Latin-1 (Windows-1252)',
  utf16Odd: 'The UTF-16 file has an odd number of bytes; the last byte was ignored',
} as const

/**
 * Decode file bytes to a string the classifier can read.
 *
 * - A UTF-16 LE/BE byte order mark selects UTF-16 (the BOM is not part of the text).
 * - NUL bytes in the first 8 KB without a UTF-16 BOM mean binary: `binary: true`, `text: ''`, a fatal diagnostic.
 * - Otherwise the bytes are read as UTF-8; a UTF-8 BOM stays in the text as U+FEFF.
 * - Invalid UTF-8 falls back to Latin-1 (decoded as Windows-1252, its superset, as browsers do) with an
 *   `info` diagnostic; every byte is one character, so nothing is lost.
 *
 * Never throws on content.
 *
 * @param bytes - the raw file content.
 * @returns the text, the encoding used, whether a BOM was present, whether it looks binary, and diagnostics.
 * @example
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x4d, 0x49, 0x54])) // {text: '\uFEFFMIT', encoding: 'utf-8', bom: true, ...}
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (!(bytes instanceof Uint8Array)) throw new TypeError(`Expected \`bytes\` to be a Uint8Array, got \`${bytes === null ? 'null' : typeof bytes}\``)
  const b0 = bytes[0]
  const b1 = bytes[1]
  if (bytes.length >= 2 && ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff))) {
    const encoding = b0 === 0xff ? 'utf-16le' : 'utf-16be'
    const decoder = (utf16[encoding] ??= new TextDecoder(encoding))
    const diagnostics: Diagnostic[] = []
    let body = bytes.subarray(2)
    if (body.length % 2 === 1) {
      body = body.subarray(0, body.length - 1)
      diagnostics.push({ ruleId: 'encoding-truncated', source: 'licit', severity: 'info', reason: message.utf16Odd })
    }
    // Non-fatal: a lone surrogate becomes U+FFFD rather than failing the whole file.
    return { text: decoder.decode(body), encoding, bom: true, binary: false, diagnostics }
  }
  const head = bytes.length > SNIFF_BYTES ? bytes.subarray(0, SNIFF_BYTES) : bytes
  if (head.indexOf(0) >= 0) {
    return {
      text: '',
      encoding: 'utf-8',
      bom: false,
      binary: true,
      diagnostics: [{ ruleId: 'binary-file', source: 'licit', severity: 'warning', fatal: true, reason: message.binary }],
    }
  }
  const bom = bytes.length >= 3 && b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf
  try {
    utf8 ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
    return { text: utf8.decode(bytes), encoding: 'utf-8', bom, binary: false, diagnostics: [] }
  } catch {
    latin1 ??= new TextDecoder('windows-1252')
    return {
      text: latin1.decode(bytes),
      encoding: 'latin1',
      bom: false,
      binary: false,
      diagnostics: [{ ruleId: 'encoding-fallback', source: 'licit', severity: 'info', reason: message.latin1 }],
    }
  }
}
