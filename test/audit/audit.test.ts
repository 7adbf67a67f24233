// audit(): package discovery, mismatches, lineage and policy on fixture trees; robustness on generated ones.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { audit } from '../../src/audit/audit.js'
import { AuditReportSchema, type AuditReport } from '../../src/schema/index.js'

const trees = join(import.meta.dirname, '..', 'fixtures', 'trees')

/** Every evidence quote in every file report must equal the slice of the file it points into. */
function expectEvidenceMatchesSource(report: AuditReport) {
  let checked = 0
  for (const p of report.packages) {
    for (const f of p.files) {
      const text = readFileSync(join(report.root, f.path ?? ''), 'utf8')
      const quotes = [...f.licenses.flatMap((l) => l.evidence), ...f.restrictions.flatMap((r) => r.evidence), ...(f.declared?.evidence ?? [])]
      for (const e of quotes) {
        expect(text.slice(e.position.start.offset, e.position.end.offset)).toBe(e.text)
        checked++
      }
    }
  }
  expect(checked).toBeGreaterThan(0)
}

describe('audit: npm tree', async () => {
  const report = await audit(join(trees, 'npm'))

  it('produces a report that validates against AuditReportSchema', () => {
    expect(() => AuditReportSchema.parse(report)).not.toThrow()
  })

  it('finds the project, scoped and nested packages, and not a nameless dist/package.json', () => {
    expect(report.packages.map((p) => [p.dir, p.name, p.version, p.type])).toEqual([
      ['.', 'demo-app', '1.2.3', 'npm'],
      ['node_modules/@acme/widget', '@acme/widget', '0.0.9', 'npm'],
      ['node_modules/bad', 'bad', '3.1.0', 'npm'],
      ['node_modules/good', 'good', '2.0.0', 'npm'],
      ['node_modules/good/node_modules/nested', 'nested', '0.1.0', 'npm'],
      ['node_modules/undeclared', 'undeclared', '1.0.0', 'npm'],
    ])
    expect(report.summary).toMatchObject({ packages: 6, files: 14, skipped: 0 })
  })

  it('reads only license-relevant files', () => {
    const paths = report.packages.flatMap((p) => p.files.map((f) => f.path))
    expect(paths).not.toContain('node_modules/good/lib/index.js')
    expect(paths).toContain('node_modules/good/node_modules/nested/LICENSE.txt')
  })

  it('reports the package whose LICENSE contradicts its package.json, and only it', () => {
    const bad = report.packages.find((p) => p.name === 'bad')
    expect(bad?.declared?.expression).toBe('MIT')
    expect(bad?.expression).toBe('MIT AND Apache-2.0')
    expect(bad?.mismatches).toEqual([expect.objectContaining({ ruleId: 'declared-mismatch', declared: 'MIT', found: 'Apache-2.0', path: 'node_modules/bad/LICENSE' })])
    expect(report.packages.filter((p) => p.mismatches.some((m) => m.severity === 'error')).map((p) => p.name)).toEqual(['bad'])
    expect(report.packages.find((p) => p.name === '@acme/widget')?.expression).toBe('ISC OR MIT')
    expect(report.packages.find((p) => p.name === 'undeclared')?.mismatches.map((m) => m.ruleId)).toEqual(['license-undeclared'])
  })

  it('turns the error mismatch into the one violation of the default policy', () => {
    expect(report.violations).toEqual([expect.objectContaining({ package: 'node_modules/bad', severity: 'error', path: 'node_modules/bad/LICENSE' })])
    expect(report.summary.violations).toBe(1)
  })

  it('quotes evidence that equals the source slice', () => expectEvidenceMatchesSource(report))

  it('applies allow and deny lists from options', async () => {
    const r = await audit(join(trees, 'npm'), { policy: { allow: ['MIT', 'BSD-3-Clause'], severity: 'off' } })
    expect(r.violations.map((v) => `${v.ruleId} ${v.package}`)).toEqual(['policy-not-allowed node_modules/bad'])
    const d = await audit(join(trees, 'npm'), { policy: { deny: ['ISC', 'BSD-3-Clause'], severity: 'off' } })
    expect(d.violations.map((v) => `${v.ruleId} ${v.package}`)).toEqual(['policy-deny node_modules/good/node_modules/nested'])
  })
})

describe('audit: model tree', async () => {
  const report = await audit(join(trees, 'models'))
  const byDir = (dir: string) => report.packages.find((p) => p.dir === dir)

  it('finds each model folder as a model package named after it', () => {
    expect(report.packages.map((p) => [p.dir, p.name, p.type])).toEqual([
      ['acme__base-7b', 'acme/base-7b', 'model'],
      ['jane__base-7b-tuned', 'jane/base-7b-tuned', 'model'],
      ['jane__base-7b-tuned-q4', 'jane/base-7b-tuned-q4', 'model'],
      ['solo-model', 'solo-model', 'model'],
    ])
  })

  it('links derivatives to their base inside the tree and passes the binding license down', () => {
    expect(byDir('jane__base-7b-tuned')?.lineage).toEqual([expect.objectContaining({ id: 'acme/base-7b', dir: 'acme__base-7b' })])
    expect(byDir('jane__base-7b-tuned')?.expression).toBe('MIT AND LicenseRef-llama-3.1-community')
    expect(byDir('jane__base-7b-tuned-q4')?.expression).toBe('LicenseRef-llama-3.1-community')
    expect(byDir('solo-model')?.lineage).toBeUndefined()
  })

  it('flags the fine-tune that declares MIT over a Llama base', () => {
    const m = byDir('jane__base-7b-tuned')?.mismatches ?? []
    expect(m).toEqual([expect.objectContaining({ ruleId: 'lineage-permissive-declaration', severity: 'error', declared: 'MIT', found: 'LicenseRef-llama-3.1-community' })])
    expect(report.violations.filter((v) => v.ruleId === 'policy-severity').map((v) => v.package)).toEqual(['jane__base-7b-tuned'])
  })

  it("passes the base's restrictions down with the chain they came through, and fails on them per .licitrc.json", () => {
    const userCount = (dir: string) => byDir(dir)?.restrictions.find((r) => r.kind === 'user-count')
    expect(userCount('acme__base-7b')?.parameters).not.toHaveProperty('inheritedFrom')
    expect(userCount('jane__base-7b-tuned')).toMatchObject({ path: 'acme__base-7b/README.md', parameters: { threshold: 700000000, inheritedFrom: ['acme/base-7b'] } })
    expect(userCount('jane__base-7b-tuned-q4')?.parameters.inheritedFrom).toEqual(['jane/base-7b-tuned', 'acme/base-7b'])
    expect(byDir('solo-model')?.restrictions).toEqual([])
    // failOn: ['user-count'] in the tree's .licitrc.json
    expect(report.violations.filter((v) => v.ruleId === 'policy-fail-on').map((v) => `${v.package} ${v.kind}`)).toEqual([
      'acme__base-7b user-count',
      'jane__base-7b-tuned user-count',
      'jane__base-7b-tuned-q4 user-count',
    ])
  })

  it('counts a REUSE LICENSES/ folder as license texts of its package', () => {
    expect(byDir('acme__base-7b')?.expression).toBe('LicenseRef-llama-3.1-community AND MIT')
  })

  it('reads the policy from .licitrc.json in the root', () => {
    expect(report.policy).toEqual({ failOn: ['user-count'], deny: ['AGPL-3.0-only'] })
  })

  it('quotes evidence that equals the source slice', () => expectEvidenceMatchesSource(report))
})

describe('audit: robustness', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'licit-audit-'))
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))
  const write = (rel: string, content: string | Uint8Array) => {
    mkdirSync(join(tmp, rel, '..'), { recursive: true })
    writeFileSync(join(tmp, rel), content)
  }

  it('survives symlink loops, broken links, links out of the root, binary, huge and malformed files', async () => {
    const root = join(tmp, 'root')
    const outside = join(tmp, 'outside')
    write('outside/vendored/LICENSE', 'SPDX-License-Identifier: Zlib\n')
    write('root/LICENSE', 'SPDX-License-Identifier: MIT\n')
    write('root/a/b/LICENSE', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]))
    write('root/big/LICENSE', 'SPDX-License-Identifier: MIT\n' + 'x'.repeat(3000))
    write('root/node_modules/broken/package.json', '{"name": "broken", ')
    write('root/node_modules/broken/LICENSE', 'SPDX-License-Identifier: ISC\n')
    write('root/.git/LICENSE', 'SPDX-License-Identifier: GPL-3.0-only\n')
    symlinkSync(join(root, 'a'), join(root, 'a', 'b', 'loop')) // a/b/loop → a
    symlinkSync(join(tmp, 'nowhere'), join(root, 'dangling'))
    symlinkSync(outside, join(root, 'out'))
    symlinkSync(join(root, 'LICENSE'), join(root, 'a', 'COPYING')) // a file link inside the root is read

    const r = await audit(root, { maxFileSize: 1000 })
    expect(() => AuditReportSchema.parse(r)).not.toThrow()
    expect(r.diagnostics.map((d) => `${d.ruleId} ${d.path}`)).toEqual(['broken-symlink dangling', 'symlink-outside-root out'])
    const files = r.packages.flatMap((p) => p.files)
    expect(files.find((f) => f.path === 'a/b/LICENSE')).toMatchObject({ kind: 'binary', diagnostics: [expect.objectContaining({ ruleId: 'binary-file', fatal: true })] })
    expect(files.find((f) => f.path === 'big/LICENSE')?.diagnostics).toEqual([expect.objectContaining({ ruleId: 'file-too-large', fatal: true })])
    expect(files.find((f) => f.path === 'a/COPYING')?.expression).toBe('MIT')
    expect(files.some((f) => f.path?.startsWith('.git/'))).toBe(false)
    const broken = r.packages.find((p) => p.dir === 'node_modules/broken')
    expect(broken).toMatchObject({ name: 'broken', expression: 'ISC', diagnostics: [expect.objectContaining({ ruleId: 'invalid-package-json' })] })
    expect(r.summary.skipped).toBe(2)

    const followed = await audit(root, { maxFileSize: 1000, followSymlinks: true })
    expect(followed.packages.find((p) => p.dir === 'out/vendored')?.expression).toBe('Zlib')
  })

  it('rejects only an unreadable root, with E_ROOT_NOT_FOUND', async () => {
    await expect(audit(join(tmp, 'does-not-exist'))).rejects.toMatchObject({ name: 'LicitError', code: 'E_ROOT_NOT_FOUND' })
    write('plain.txt', 'hello')
    await expect(audit(join(tmp, 'plain.txt'))).rejects.toMatchObject({ code: 'E_ROOT_NOT_FOUND' })
  })

  it('throws a TypeError for caller mistakes', async () => {
    await expect(audit(42 as unknown as string)).rejects.toBeInstanceOf(TypeError)
    await expect(audit(tmp, { concurrency: 0 })).rejects.toThrow(/concurrency/)
    await expect(audit(tmp, { colour: 'red' } as never)).rejects.toBeInstanceOf(TypeError)
  })

  it('keeps every package of a wide tree under concurrency and worker threads, and reports progress', async () => {
    const wide = join(tmp, 'wide')
    for (let i = 0; i < 300; i++) {
      write(`wide/node_modules/p${i}/package.json`, JSON.stringify({ name: `p${i}`, version: '1.0.0', license: i % 3 ? 'MIT' : 'ISC' }))
      write(`wide/node_modules/p${i}/LICENSE`, `SPDX-License-Identifier: ${i % 3 ? 'MIT' : 'ISC'}\n`)
      write(`wide/node_modules/p${i}/src/index.js`, 'module.exports = 1\n')
    }
    const seen: number[] = []
    const r = await audit(wide, { concurrency: 8, workers: 2, onProgress: (p) => seen.push(p.files) })
    expect(r.packages).toHaveLength(300)
    expect(r.summary).toMatchObject({ files: 900, analyzed: 600, mismatches: 0, expressions: { MIT: 200, ISC: 100 } })
    expect(seen.length).toBeGreaterThan(0)
    // One folder at a time on the main thread gives exactly the same packages as 8 at a time on 2 workers.
    const serial = await audit(wide, { concurrency: 1, workers: 0 })
    expect(serial.packages).toEqual(r.packages)
  })

  it("finds model folders and vendored code inside a project's own npm package, but not inside installed ones", async () => {
    write('proj/package.json', '{"name": "proj", "license": "MIT"}')
    write('proj/models/org__m/README.md', '---\nlicense: apache-2.0\n---\n# M\n')
    write('proj/vendor/lib/LICENSE', 'SPDX-License-Identifier: BSD-2-Clause\n')
    write('proj/node_modules/dep/package.json', '{"name": "dep", "license": "MIT"}')
    write('proj/node_modules/dep/LICENSE', 'SPDX-License-Identifier: MIT\n')
    write('proj/node_modules/dep/vendor/LICENSE', 'SPDX-License-Identifier: Zlib\n')
    write('proj/node_modules/dep/docs/README.md', '---\nlicense: mit\n---\n# not a model\n')
    write('proj/node_modules/dep/README.md', '# dep\n\nSPDX-License-Identifier: GPL-3.0-only\n')
    write('proj/node_modules/bare/package.json', '{"name": "bare"}')
    write('proj/node_modules/bare/README.md', '# bare\n\nSPDX-License-Identifier: ISC\n')
    const r = await audit(join(tmp, 'proj'))
    expect(r.packages.map((p) => `${p.dir} ${p.type} ${p.expression}`)).toEqual([
      '. npm MIT',
      'models/org__m model Apache-2.0',
      'node_modules/bare npm ISC', // no declaration, no LICENSE: the README is read
      'node_modules/dep npm MIT', // declared and a LICENSE: its README is not read
      'vendor/lib folder BSD-2-Clause',
    ])
    const dep = r.packages.find((p) => p.name === 'dep')
    expect(dep?.files.map((f) => f.path)).toEqual(['node_modules/dep/LICENSE', 'node_modules/dep/package.json', 'node_modules/dep/vendor/LICENSE'])
    expect(dep?.licenses).toEqual(['MIT', 'Zlib'])
    expect(dep?.mismatches).toEqual([])
  })

  it('classifies every text file with allFiles', async () => {
    write('all/LICENSE', 'SPDX-License-Identifier: MIT\n')
    write('all/src/x.c', '/* SPDX-License-Identifier: GPL-2.0-only */\nint x;\n')
    write('all/img/logo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]))
    const r = await audit(join(tmp, 'all'), { allFiles: true })
    expect(r.packages[0].files.map((f) => `${f.path} ${f.expression}`)).toEqual(['LICENSE MIT', 'src/x.c GPL-2.0-only'])
  })
})
