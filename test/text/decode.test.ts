// decodeText: BOM sniffing, UTF-16, Latin-1 fallback, binary detection.
import { describe, expect, it } from 'vitest'
import { decodeText } from '../../src/text/decode.js'

const enc = (s: string) => new TextEncoder().encode(s)
const utf16le = (s: string) => {
  const out = new Uint8Array(2 + s.length * 2)
  out[0] = 0xff
  out[1] = 0xfe
  for (let i = 0; i < s.length; i++) {
    out[2 + i * 2] = s.charCodeAt(i) & 0xff
    out[3 + i * 2] = s.charCodeAt(i) >> 8
  }
  return out
}

describe('decodeText', () => {
  it('reads plain UTF-8', () => {
    const r = decodeText(enc('Licensed under the MIT License — café'))
    expect(r).toMatchObject({ text: 'Licensed under the MIT License — café', encoding: 'utf-8', bom: false, binary: false, diagnostics: [] })
  })

  it('keeps a UTF-8 BOM in the text so offsets match a plain UTF-8 read', () => {
    const r = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('MIT')]))
    expect(r.text).toBe('\uFEFFMIT')
    expect(r.bom).toBe(true)
    expect(r.encoding).toBe('utf-8')
  })

  it('decodes UTF-16 LE and BE with a BOM, dropping the BOM', () => {
    const le = decodeText(utf16le('Apache License\nVersion 2.0 – ü'))
    expect(le).toMatchObject({ text: 'Apache License\nVersion 2.0 – ü', encoding: 'utf-16le', bom: true, binary: false })
    const leBytes = utf16le('GPL')
    const be = new Uint8Array(leBytes.length)
    for (let i = 0; i < leBytes.length; i += 2) {
      be[i] = leBytes[i + 1]
      be[i + 1] = leBytes[i]
    }
    expect(decodeText(be)).toMatchObject({ text: 'GPL', encoding: 'utf-16be', bom: true, binary: false })
  })

  it('reports and drops a dangling byte in UTF-16', () => {
    const bytes = new Uint8Array([...utf16le('AB'), 0x43])
    const r = decodeText(bytes)
    expect(r.text).toBe('AB')
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['encoding-truncated'])
  })

  it('falls back to Latin-1 on invalid UTF-8 with an info diagnostic', () => {
    // "Copyright © 2020 Müller" written in ISO-8859-1: 0xA9 and 0xFC are not valid UTF-8 on their own.
    const bytes = new Uint8Array([...enc('Copyright '), 0xa9, ...enc(' 2020 M'), 0xfc, ...enc('ller')])
    const r = decodeText(bytes)
    expect(r.text).toBe('Copyright © 2020 Müller')
    expect(r.text.length).toBe(bytes.length)
    expect(r.encoding).toBe('latin1')
    expect(r.diagnostics).toEqual([expect.objectContaining({ ruleId: 'encoding-fallback', severity: 'info' })])
  })

  it('flags NUL bytes in the first 8 KB as binary', () => {
    const r = decodeText(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]))
    expect(r.binary).toBe(true)
    expect(r.text).toBe('')
    expect(r.diagnostics[0]).toMatchObject({ ruleId: 'binary-file', fatal: true })
  })

  it('does not look for NUL bytes past the first 8 KB', () => {
    const bytes = new Uint8Array(9000).fill(0x61)
    bytes[8500] = 0
    const r = decodeText(bytes)
    expect(r.binary).toBe(false)
    expect(r.text.length).toBe(9000)
  })

  it('handles empty input', () => {
    expect(decodeText(new Uint8Array())).toMatchObject({ text: '', encoding: 'utf-8', binary: false, bom: false })
  })

  it('rejects a non-byte argument with a TypeError', () => {
    expect(() => decodeText('MIT' as unknown as Uint8Array)).toThrow(TypeError)
  })

  it('accepts a Node Buffer', () => {
    expect(decodeText(Buffer.from('ISC')).text).toBe('ISC')
  })
})
