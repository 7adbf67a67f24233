// CLI (stub): `licit FILE... [--format text|json]`.
import { readFileSync } from 'node:fs'
import { classify } from '../index.js'

export async function main(argv: string[], io: { stdout: (s: string) => void; stderr: (s: string) => void } = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }): Promise<number> {
  const files = argv.filter((a) => !a.startsWith('--'))
  if (!files.length) {
    io.stderr('usage: licit FILE... [--format text|json]\n')
    return 2
  }
  const reports = files.map((f) => classify(readFileSync(f, 'utf8'), { path: f }))
  io.stdout(JSON.stringify(reports, null, 2) + '\n')
  return 0
}

export function handleError(error: unknown): void {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 2
}
