// Worker-thread entry: reads, decodes and classifies the files the audit sends, one message per file.
import { parentPort } from 'node:worker_threads'
import { analyzeFile } from './files.js'
import type { FileJob } from './pool.js'

parentPort?.on('message', async ({ id, job }: { id: number; job: FileJob }) => {
  try {
    // No detach here: posting the report copies every string out of this thread anyway.
    const r = await analyzeFile(job.abs, job.rel, job.maxSize, false)
    parentPort?.postMessage({ id, result: { report: r.report, skipped: r.skipped, ...(job.keepText && r.text !== undefined ? { text: r.text } : {}) } })
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) })
  }
})
