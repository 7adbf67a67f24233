// Directory traversal: depth-first, a bounded number of folders in flight, symlinks checked against the root.
import { promises as fs, type Dirent } from 'node:fs'
import { join, relative, sep } from 'node:path'
import type { AuditDiagnostic } from '../schema/index.js'
import { walkMessages as m } from './messages.js'

/** A file inside a folder being visited. */
export interface WalkFile {
  name: string
  /** Absolute path (through the link, when reached through a followed symlink). */
  abs: string
  /** Path relative to the root, POSIX separators. */
  rel: string
}

/** One folder, handed to the visitor with the context its parent returned. */
export interface WalkDirectory<C> {
  abs: string
  /** Relative to the root, POSIX separators; `.` for the root. */
  rel: string
  name: string
  files: WalkFile[]
  /** Names of the sub-folders that will be entered (after ignores and symlink checks). */
  subdirectories: string[]
  context: C
}

export interface WalkOptions {
  followSymlinks: boolean
  /** Folders visited at once. */
  concurrency: number
  /** Folder names never entered. */
  ignore: ReadonlySet<string>
  /** Called for every problem met while walking (unreadable folder, skipped symlink); never throws. */
  onDiagnostic: (diagnostic: AuditDiagnostic) => void
}

export interface WalkStats {
  files: number
  directories: number
}

interface Pending<C> {
  abs: string
  rel: string
  name: string
  context: C
}

const toPosix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'))

/**
 * Walk `root` depth-first. `visit` is called once per folder with its files and the context returned by the
 * parent's visit; what it returns is the context of the folder's children (return `null` to not enter them).
 * At most `concurrency` visits run at once, and only folder paths wait in the queue, so memory stays bounded
 * by the tree's breadth, not by its file count.
 *
 * Symbolic links: a link to a folder inside the root is not followed (the folder is reached by its real path,
 * which also breaks loops); a link pointing outside the root is followed only with `followSymlinks`, each real
 * folder at most once. A link to a file is read like a file when its target is inside the root or links are followed.
 *
 * @param root - an absolute, readable folder (the caller checks).
 * @returns how many files and folders were seen.
 */
export async function walkTree<C>(
  root: string,
  rootContext: C,
  visit: (dir: WalkDirectory<C>) => Promise<C | null>,
  options: WalkOptions,
): Promise<WalkStats> {
  const realRoot = await fs.realpath(root)
  const inRoot = (real: string) => real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep)
  // Real paths of folders entered through followed links, so a loop outside the root ends.
  const followed = new Set<string>()
  const stats: WalkStats = { files: 0, directories: 0 }
  const stack: Array<Pending<C>> = [{ abs: root, rel: '.', name: '', context: rootContext }]
  let active = 0
  let failure: unknown

  const relOf = (parentRel: string, name: string) => (parentRel === '.' ? name : `${parentRel}/${name}`)

  const processDirectory = async (dir: Pending<C>): Promise<void> => {
    let entries: Dirent[]
    try {
      entries = await fs.readdir(dir.abs, { withFileTypes: true })
    } catch (error) {
      options.onDiagnostic({ ruleId: 'unreadable-directory', source: 'licit', severity: 'warning', fatal: true, reason: m.unreadableDirectory(errorCode(error)), path: dir.rel })
      return
    }
    stats.directories++
    const files: WalkFile[] = []
    const subdirectories: Array<{ name: string; abs: string }> = []
    for (const entry of entries) {
      const name = entry.name
      const abs = join(dir.abs, name)
      const rel = relOf(dir.rel, name)
      let isFile = entry.isFile()
      let isDirectory = entry.isDirectory()
      if (entry.isSymbolicLink()) {
        const target = await resolveLink(abs)
        if (!target.ok) {
          options.onDiagnostic({ ruleId: 'broken-symlink', source: 'licit', severity: 'info', reason: m.brokenSymlink(target.code), path: rel })
          continue
        }
        const inside = inRoot(target.real)
        if (target.directory) {
          if (inside) continue // reached through its real path; following it would duplicate or loop
          if (!options.followSymlinks) {
            options.onDiagnostic({ ruleId: 'symlink-outside-root', source: 'licit', severity: 'info', reason: m.symlinkOutside(), path: rel })
            continue
          }
          if (followed.has(target.real)) {
            options.onDiagnostic({ ruleId: 'symlink-loop', source: 'licit', severity: 'info', reason: m.symlinkSeen(), path: rel })
            continue
          }
          followed.add(target.real)
          isDirectory = true
        } else if (target.file) {
          if (!inside && !options.followSymlinks) {
            options.onDiagnostic({ ruleId: 'symlink-outside-root', source: 'licit', severity: 'info', reason: m.symlinkOutside(), path: rel })
            continue
          }
          isFile = true
        } else continue // a socket, FIFO or device behind a link: nothing to read
      } else if (!isFile && !isDirectory && !entry.isFIFO() && !entry.isSocket() && !entry.isBlockDevice() && !entry.isCharacterDevice()) {
        // Some file systems report no type in readdir (DT_UNKNOWN); ask stat.
        try {
          const s = await fs.stat(abs)
          isFile = s.isFile()
          isDirectory = s.isDirectory()
        } catch {
          continue
        }
      }
      if (isDirectory) {
        if (!options.ignore.has(name)) subdirectories.push({ name, abs })
      } else if (isFile) {
        stats.files++
        files.push({ name, abs, rel })
      }
    }
    // Sorted so reports are deterministic whatever order the file system lists entries in.
    files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    subdirectories.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    const childContext = await visit({ abs: dir.abs, rel: dir.rel, name: dir.name, files, subdirectories: subdirectories.map((d) => d.name), context: dir.context })
    if (childContext === null) return
    // Pushed in reverse so the stack pops them in name order.
    for (let i = subdirectories.length - 1; i >= 0; i--) {
      const d = subdirectories[i]
      stack.push({ abs: d.abs, rel: relOf(dir.rel, d.name), name: d.name, context: childContext })
    }
  }

  await new Promise<void>((resolve, reject) => {
    const pump = () => {
      if (failure !== undefined) return
      while (active < options.concurrency && stack.length) {
        const next = stack.pop() as Pending<C>
        active++
        processDirectory(next).then(
          () => {
            active--
            if (!stack.length && active === 0) resolve()
            else pump()
          },
          (error) => {
            // A bug in the visitor: stop and surface it rather than hide it.
            failure = error
            reject(error)
          },
        )
      }
    }
    pump()
    if (active === 0 && !stack.length) resolve()
  })
  return stats
}

type LinkTarget = { ok: true; real: string; directory: boolean; file: boolean } | { ok: false; code: string }

async function resolveLink(abs: string): Promise<LinkTarget> {
  try {
    const real = await fs.realpath(abs)
    const s = await fs.stat(real)
    return { ok: true, real, directory: s.isDirectory(), file: s.isFile() }
  } catch (error) {
    return { ok: false, code: errorCode(error) }
  }
}

/** The errno code of a Node error (`ENOENT`, `EACCES`, `ELOOP`), or a generic word. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : 'EUNKNOWN'
}

/** A path relative to `root` with POSIX separators (`.` for the root itself). */
export function relativePosix(root: string, abs: string): string {
  const r = toPosix(relative(root, abs))
  return r === '' ? '.' : r
}
