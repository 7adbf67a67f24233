// The CLI in process: main(argv, io) with captured output.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.js'
import { VERSION } from '../../src/report/version.js'
import { AuditReportSchema, FileReportSchema } from '../../src/schema/index.js'

const trees = join(import.meta.dirname, '..', 'fixtures', 'trees')
const tmp = mkdtempSync(join(tmpdir(), 'licit-cli-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

async function run(argv: string[], io: { progress?: boolean; color?: boolean } = {}) {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), ...io })
  return { code, stdout, stderr }
}

describe('licit --help / --version / usage errors', () => {
  it('prints help and the version with exit 0', async () => {
    const help = await run(['--help'])
    expect(help).toMatchObject({ code: 0, stderr: '' })
    expect(help.stdout).toContain('licit audit [DIR]')
    expect(await run(['-v'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' })
  })

  it('exits 2 with a message, not a stack, on usage errors', async () => {
    for (const argv of [[], ['--bogus'], ['x', '--format', 'xml'], ['x', '--fail-on', 'everything'], ['x', '--config', 'c.json'], ['audit', 'a', 'b'], ['audit', '.', '--max-file-size', 'big'], ['audit', '.', '--workers', '-1'], ['x', '--workers', '2'], ['audit', '.', '--workers', '1.5']]) {
      const r = await run(argv)
      expect(r.code, argv.join(' ')).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(/^licit: /)
      expect(r.stderr).not.toMatch(/\n\s+at /)
    }
  })
})

describe('licit FILE...', () => {
  const mit = join(tmp, 'LICENSE')
  writeFileSync(mit, 'SPDX-License-Identifier: MIT\n')
  // "SPDX-License-Identifier: ISC" in UTF-16 LE with a BOM.
  const utf16 = join(tmp, 'COPYING')
  writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('SPDX-License-Identifier: ISC\n', 'utf16le')]))

  it('prints a JSON array of FileReports', async () => {
    const r = await run([mit, utf16, '--format', 'json'])
    expect(r.code).toBe(0)
    const reports = FileReportSchema.array().parse(JSON.parse(r.stdout))
    expect(reports.map((x) => [x.path, x.expression])).toEqual([
      [mit, 'MIT'],
      [utf16, 'ISC'],
    ])
  })

  it('prints the readable table by default', async () => {
    const r = await run([mit])
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n')[0]).toBe(`${mit}  license  →  MIT`)
    expect(r.stdout).not.toContain('\u001b[')
    expect((await run([mit], { color: true })).stdout).toContain('\u001b[')
  })

  it('reports a missing file with a fatal diagnostic, still prints the others, and exits 2', async () => {
    const r = await run([join(tmp, 'missing'), mit, tmp, '--format', 'json'])
    expect(r.code).toBe(2)
    const reports = FileReportSchema.array().parse(JSON.parse(r.stdout))
    expect(reports.map((x) => x.diagnostics[0]?.ruleId ?? x.expression)).toEqual(['unreadable-file', 'MIT', 'unreadable-file'])
    expect(reports[0].diagnostics[0]).toMatchObject({ fatal: true, reason: expect.stringContaining('ENOENT') })
    expect(reports[2].diagnostics[0].reason).toContain('licit audit')
  })

  it('exits 1 when a restriction meets --fail-on', async () => {
    // Two restrictive clauses, written for this test.
    const terms = join(tmp, 'TERMS.txt')
    writeFileSync(
      terms,
      'Model Terms\n\n1. If the products of the licensee had more than 700 million monthly active users in the preceding calendar month, the licensee must request a separate license from the licensor.\n2. You may not use the outputs of the model to train or improve any other large language model.\n',
    )
    const r = await run([terms, '--format', 'json'])
    expect(r.code).toBe(0)
    expect(FileReportSchema.array().parse(JSON.parse(r.stdout))[0].restrictions.map((x) => x.kind).sort()).toEqual(['output-training', 'user-count'])
    expect((await run([terms, '--fail-on', 'user-count'])).code).toBe(1)
    expect((await run([terms, '--fail-on', 'non-commercial'])).code).toBe(0)
    expect((await run([terms, '--fail-on', 'warning'])).code).toBe(1)
    expect((await run([mit, '--fail-on', 'user-count,info'])).code).toBe(0)
  })
})

describe('licit audit DIR', () => {
  it('prints the table and exits 1 when the audit finds violations', async () => {
    const r = await run(['audit', join(trees, 'npm')])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('✖ 1 violation')
    expect(r.stderr).toBe('')
  })

  it('exits 0 when the policy lets everything pass', async () => {
    expect((await run(['audit', join(trees, 'npm'), '--fail-on', 'off'])).code).toBe(0)
  })

  it('writes JSON that validates, and SARIF 2.1.0', async () => {
    const json = await run(['audit', join(trees, 'npm'), '-f', 'json'])
    expect(AuditReportSchema.parse(JSON.parse(json.stdout)).packages).toHaveLength(6)
    const sarif = JSON.parse((await run(['audit', join(trees, 'npm'), '--format', 'sarif'])).stdout)
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'declared-mismatch')).toBe(true)
  })

  it('reads a policy from --config', async () => {
    const config = join(tmp, 'policy.json')
    writeFileSync(config, JSON.stringify({ deny: ['BSD-3-Clause'], severity: 'off' }))
    const r = await run(['audit', join(trees, 'npm'), '--config', config, '-f', 'json'])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).violations.map((v: { package: string }) => v.package)).toEqual(['node_modules/good/node_modules/nested'])
    const bad = await run(['audit', join(trees, 'npm'), '--config', join(tmp, 'none.json')])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/^licit: The config file .* could not be read \(ENOENT\)/)
  })

  it('exits 2 with the message only for an unreadable root', async () => {
    const r = await run(['audit', join(tmp, 'no-such-dir')])
    expect(r).toMatchObject({ code: 2, stdout: '' })
    expect(r.stderr).toMatch(/^licit: The audit root .* could not be read \(ENOENT\)\n$/)
  })

  it('shows progress on stderr only when asked (a terminal), and clears it', async () => {
    const quiet = await run(['audit', join(trees, 'models'), '-f', 'json'])
    expect(quiet.stderr).toBe('')
    const shown = await run(['audit', join(trees, 'models'), '-f', 'json'], { progress: true })
    expect(shown.stderr).toMatch(/files, \d+ packages/)
    expect(shown.stderr.endsWith('\r\u001b[K')).toBe(true)
    expect(() => JSON.parse(shown.stdout)).not.toThrow()
  })
})
