// Smoke test of the built bin (dist/cli.js from `npm run build`); skipped when it has not been built.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const bin = join(root, 'dist', 'cli.js')
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })

describe.skipIf(!existsSync(bin))('dist/cli.js', () => {
  it('starts with a shebang and prints the version', () => {
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true)
    const r = run('--version')
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(`${version}\n`)
  })

  it('audits a tree: JSON on stdout, nothing on a piped stderr, exit 1 for the violation', () => {
    const r = run('audit', 'test/fixtures/trees/npm', '--format', 'json')
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1)
    expect(JSON.parse(r.stdout).summary.packages).toBe(6)
  })

  it('exits 2 on a usage error', () => {
    expect(run('--format').status).toBe(2)
  })
})
