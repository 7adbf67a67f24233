// A per-clause index of key words, found in one automaton pass per clause, so detectors gate their costly regexes
// with bit tests instead of dozens of substring searches per clause.
//
// Detectors declare the words their gates need with `keys(...)` at module load; the automaton is built on first use
// from everything declared. Keys are matched as lower-case substrings (so "terminat" finds "terminate" and
// "termination"), may contain single spaces, and may overlap one another.

/** The key words found in one clause: bit `id` is set when the key with that id occurs (see {@link keyWords}). */
export type KeySet = Uint32Array

/** A gate: key words declared together, with the bits they occupy in a {@link KeySet}. */
export interface KeyGate extends ReadonlyArray<string> {
  /** Pairs `[word index, bits]` of a {@link KeySet}: the gate is open when any pair shares a bit. */
  readonly mask: readonly number[]
}

const ids = new Map<string, number>()
const words: string[] = []

/**
 * Declare gate words and get them back as a gate for {@link hasKey}.
 * @example const GATE = keys('may terminate', 'can terminate')
 */
export function keys(...list: string[]): KeyGate {
  const bits = new Map<number, number>()
  for (const w of list) {
    if (w !== w.toLowerCase() || /\s\s|[^\S ]/.test(w) || !w.trim()) throw new TypeError(`Expected a lower-case key word, got \`${w}\``)
    let id = ids.get(w)
    if (id === undefined) {
      id = words.length
      ids.set(w, id)
      words.push(w)
    }
    bits.set(id >>> 5, (bits.get(id >>> 5) ?? 0) | (1 << (id & 31)))
  }
  const mask: number[] = []
  for (const [word, b] of bits) mask.push(word, b)
  return Object.assign([...list], { mask }) as unknown as KeyGate
}

/**
 * An Aho-Corasick automaton over every declared key, as a full transition table: one step per character of the
 * clause whatever the number of keys. Characters that occur in no key share column 0 (back to the root);
 * `out[outStart[state] .. outStart[state + 1])` are the ids of the keys that end in `state`; a transition into such
 * a state is stored as `~state`.
 */
interface Automaton {
  column: Uint16Array
  columns: number
  delta: Int32Array
  outStart: Int32Array
  out: Int32Array
  size: number
  width: number
}
let automaton: Automaton | undefined

function build(): Automaton {
  if (automaton && automaton.size === words.length) return automaton
  // Alphabet: one column per character some key uses.
  // Indexed by UTF-16 code unit (128 KB), so a step needs no branch on the character range.
  const column = new Uint16Array(0x10000)
  let columns = 1
  const col = (c: number): number => column[c]
  for (const w of words) {
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i)
      if (!column[c]) column[c] = columns++
    }
  }
  // Every white space character steps as a space (indexKeys folds runs of them into one).
  if (!column[32]) column[32] = columns++
  for (let c = 0; c < 0x10000; c++) if (isSpaceUnit(c)) column[c] = column[32]
  // The trie (goto function), -1 = no edge.
  const goto: number[][] = [new Array(columns).fill(-1)]
  const ends: number[][] = [[]]
  words.forEach((w, id) => {
    let node = 0
    for (let i = 0; i < w.length; i++) {
      const k = col(w.charCodeAt(i))
      if (goto[node][k] < 0) {
        goto[node][k] = goto.length
        goto.push(new Array(columns).fill(-1))
        ends.push([])
      }
      node = goto[node][k]
    }
    ends[node].push(id)
  })
  // Breadth-first: failure links folded into the table, outputs inherited along them.
  const delta = new Int32Array(goto.length * columns)
  const fail = new Int32Array(goto.length)
  const queue: number[] = []
  for (let k = 0; k < columns; k++) {
    const next = goto[0][k]
    delta[k] = next > 0 ? next : 0
    if (next > 0) queue.push(next)
  }
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q]
    for (let k = 0; k < columns; k++) {
      const next = goto[node][k]
      if (next > 0) {
        fail[next] = delta[fail[node] * columns + k]
        ends[next] = [...ends[next], ...ends[fail[next]]]
        delta[node * columns + k] = next
        queue.push(next)
      } else {
        delta[node * columns + k] = delta[fail[node] * columns + k]
      }
    }
  }
  const outStart = new Int32Array(goto.length + 1)
  const out: number[] = []
  ends.forEach((list, node) => {
    outStart[node] = out.length
    out.push(...new Set(list))
  })
  outStart[goto.length] = out.length
  // Transitions into a state that ends keys are stored as ~state.
  for (let i = 0; i < delta.length; i++) if (outStart[delta[i]] !== outStart[delta[i] + 1]) delta[i] = ~delta[i]
  automaton = {
    column,
    columns,
    delta,
    outStart,
    out: Int32Array.from(out),
    size: words.length,
    width: Math.max(1, Math.ceil(words.length / 32)),
  }
  return automaton
}

/**
 * The declared key words present in `lower` (a lower-cased clause), reading each white space run as one space:
 * one automaton step per character, so linear in the clause length.
 */
export function indexKeys(lower: string): KeySet {
  const { column, columns, delta, outStart, out, width } = build()
  const space = column[32]
  const found = new Uint32Array(width)
  let state = 0
  let inSpace = false
  for (let i = 0; i < lower.length; i++) {
    const k = column[lower.charCodeAt(i)]
    if (k === space) {
      if (inSpace) continue
      inSpace = true
    } else inSpace = false
    const next = delta[state * columns + k]
    // Negative: the state ends some keys (one table read per character for the common case).
    if (next >= 0) {
      state = next
      continue
    }
    state = ~next
    for (let o = outStart[state], e = outStart[state + 1]; o < e; o++) found[out[o] >>> 5] |= 1 << (out[o] & 31)
  }
  return found
}

/** The code units of the regex class `\s`. */
function isSpaceUnit(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}

/** Does the clause contain any of these (declared) key words? */
export function hasKey(found: KeySet, gate: KeyGate): boolean {
  const m = gate.mask
  for (let i = 0; i < m.length; i += 2) if (found[m[i]] & m[i + 1]) return true
  return false
}

/** The key words in a set, sorted (for tests and debugging). */
export function keyWords(found: KeySet): string[] {
  const out: string[] = []
  for (let id = 0; id < words.length; id++) if ((found[id >>> 5] ?? 0) & (1 << (id & 31))) out.push(words[id])
  return out.sort()
}
