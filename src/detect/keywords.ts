// A per-clause index of key words, found in one regex pass per clause, so detectors gate their costly regexes
// with set lookups instead of dozens of substring searches per clause.
//
// Detectors declare the words their gates need with `keys(...)` at module load; the index regex is built on
// first use from everything declared. Keys are matched as lower-case substrings (so "terminat" finds
// "terminate" and "termination"), may contain single spaces, and may overlap one another.

const registry = new Set<string>()
let compiled: { re: RegExp; prefixes: Map<string, string[]>; size: number } | undefined

/**
 * Declare gate words and get them back as a list for {@link hasKey}.
 * @example const GATE = keys('may terminate', 'can terminate')
 */
export function keys(...words: string[]): readonly string[] {
  for (const w of words) {
    if (w !== w.toLowerCase() || /\s\s|[\t\n\r]/.test(w) || !w.trim()) throw new TypeError(`Expected a lower-case key word, got \`${w}\``)
    registry.add(w)
  }
  return words
}

function compile(): NonNullable<typeof compiled> {
  if (compiled && compiled.size === registry.size) return compiled
  const all = [...registry].sort((a, b) => b.length - a.length || a.localeCompare(b))
  const re = new RegExp(all.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g')
  // A match records every declared key it starts with: "terminate" also stands for "terminat".
  const prefixes = new Map<string, string[]>()
  for (const w of all) prefixes.set(w, all.filter((p) => w.startsWith(p)))
  compiled = { re, prefixes, size: registry.size }
  return compiled
}

/**
 * The declared key words present in `lower` (a lower-cased clause with single spaces). Linear: one regex scan;
 * after each match the scan resumes one character later so overlapping keys are all found.
 */
export function indexKeys(lower: string): Set<string> {
  const found = new Set<string>()
  if (!registry.size) return found
  const { re, prefixes } = compile()
  re.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(lower))) {
    for (const p of prefixes.get(m[0]) ?? [m[0]]) found.add(p)
    re.lastIndex = m.index + 1
  }
  return found
}

/** Does the clause contain any of these (declared) key words? */
export function hasKey(found: ReadonlySet<string>, words: readonly string[]): boolean {
  for (const w of words) if (found.has(w)) return true
  return false
}
