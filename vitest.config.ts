import { defineConfig } from 'vitest/config'

type TaskLike = { type: string; result?: { state?: string }; tasks?: TaskLike[]; mode?: string }

// Ends the run with one plain line, "tests: N passed, N failed, N skipped", which CI reads whatever the runner.
const plainSummary = {
  onFinished(files: TaskLike[] = []) {
    let passed = 0
    let failed = 0
    let skipped = 0
    const visit = (t: TaskLike) => {
      if (t.type === 'test') {
        if (t.result?.state === 'pass') passed++
        else if (t.result?.state === 'fail') failed++
        else skipped++
      }
      for (const c of t.tasks ?? []) visit(c)
    }
    for (const f of files) visit(f)
    console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
  },
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', plainSummary],
  },
})
