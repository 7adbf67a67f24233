// Where files are classified: on worker threads once a tree proves large (classification is CPU-bound, walking
// is not), in process for small trees or when no worker entry is available.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { analyzeFile, type AnalyzedFile } from './files.js'

/** One file to analyze. */
export interface FileJob {
  abs: string
  rel: string
  maxSize: number
  /** Send the decoded text back (package.json and model cards, which the audit reads further). */
  keepText: boolean
}

export interface Analyzer {
  analyze(job: FileJob): Promise<AnalyzedFile>
  /** Stop the workers; pending jobs finish first. */
  close(): Promise<void>
  /** How many worker threads were started (0 when everything ran in process). */
  readonly threads: number
}

// Starting a worker costs a module load and a corpus load (tens of milliseconds), so the first files run in
// process and workers start only once the tree has shown it is big enough to repay them.
const WARMUP_JOBS = 48

interface Slot {
  worker: Worker
  pending: Map<number, { job: FileJob; resolve: (r: AnalyzedFile) => void }>
  dead: boolean
}

/**
 * Create an analyzer using up to `workers` threads (0 = always in process). A worker that fails hands its
 * pending files back to the main thread, so a crash costs speed, never results.
 */
export function createAnalyzer(workers: number): Analyzer {
  const inProcess = (job: FileJob) => analyzeFile(job.abs, job.rel, job.maxSize)
  const entry = workers > 0 ? workerEntry() : undefined
  if (!entry) return { analyze: inProcess, close: async () => undefined, threads: 0 }

  const slots: Slot[] = []
  let jobs = 0
  let nextId = 0
  const start = () => {
    for (let i = 0; i < workers; i++) {
      const worker = entry.eval ? new Worker(entry.code, { eval: true }) : new Worker(entry.url)
      const slot: Slot = { worker, pending: new Map(), dead: false }
      worker.on('message', (msg: { id: number; result?: AnalyzedFile; error?: string }) => {
        const p = slot.pending.get(msg.id)
        if (!p) return
        slot.pending.delete(msg.id)
        if (msg.result) p.resolve(msg.result)
        else inProcess(p.job).then(p.resolve)
      })
      const fail = () => {
        if (slot.dead) return
        slot.dead = true
        for (const p of slot.pending.values()) inProcess(p.job).then(p.resolve)
        slot.pending.clear()
      }
      worker.on('error', fail)
      worker.on('exit', fail)
      slots.push(slot)
    }
  }

  return {
    get threads() {
      return slots.length
    },
    analyze(job) {
      jobs++
      if (jobs <= WARMUP_JOBS) return inProcess(job)
      if (!slots.length) start()
      let best: Slot | undefined
      for (const s of slots) if (!s.dead && (!best || s.pending.size < best.pending.size)) best = s
      if (!best) return inProcess(job)
      const slot = best
      return new Promise<AnalyzedFile>((resolve) => {
        const id = nextId++
        slot.pending.set(id, { job, resolve })
        slot.worker.postMessage({ id, job })
      })
    },
    async close() {
      await Promise.all(
        slots.map(async (s) => {
          s.dead = true
          await s.worker.terminate()
        }),
      )
    },
  }
}

type Entry = { eval: false; url: URL } | { eval: true; code: string }

/**
 * The worker script next to this module: `audit-worker.js` beside the bundle in `dist/`, or, when running from
 * the TypeScript sources (tests, tsx), `worker.ts` loaded through tsx's loader. `undefined` when neither works.
 */
function workerEntry(): Entry | undefined {
  let here: URL
  try {
    here = new URL(import.meta.url)
  } catch {
    return undefined
  }
  const built = new URL('./audit-worker.js', here)
  if (here.protocol === 'file:' && existsSync(fileURLToPath(built))) return { eval: false, url: built }
  const source = new URL('./worker.ts', here)
  if (here.protocol !== 'file:' || !existsSync(fileURLToPath(source))) return undefined
  try {
    const tsx = dirname(createRequire(here).resolve('tsx/package.json'))
    const api = pathToFileURL(join(tsx, 'dist', 'esm', 'api', 'index.mjs')).href
    if (!existsSync(fileURLToPath(api))) return undefined
    // An eval worker registers tsx, then imports the TypeScript entry.
    return { eval: true, code: `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(source.href)}) })` }
  } catch {
    return undefined
  }
}
