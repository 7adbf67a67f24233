// Combining mentions: versioned names absorb vague ones and URLs of their family, exceptions attach to their
// license (WITH), and lists joined by "or" become choices (OR).
import { connection } from './reference-context.js'
import type { ReferenceIndex } from './reference-rules.js'
import type { Mention } from './reference-scan.js'
import type { WordStream } from './reference-stream.js'

// Cues after a list that make it a choice ("…, at your option", "(your choice)", "whichever you prefer").
const TRAILING_CUES = new Set(['option', 'choice', 'whichever', 'prefer', 'choose'])
const TRAILING_SPAN = 6
const CHOICE_CUES = new Set(['dual', 'triple', 'multi', 'either', 'choice', 'choose', 'alternatively'])
// How far (in words) a name absorbs a URL of its family. A versioned mention absorbs the unversioned mentions
// of its family anywhere in the text ("… GPL version 2 …" then "see the GPL for details").
const ABSORB_URL = 40
// How far (in words) a terse "GPL 2.0" reads as the "version 2 or later" statement next to it.
const SHORT_FORM = 80

/** The family a mention belongs to: its own, the family of its id, else the id itself. */
export const familyOf = (idx: ReferenceIndex, m: Mention) => m.family ?? idx.familyOf.get(m.licenseId) ?? m.licenseId

/**
 * Drop unversioned family mentions near a versioned one, and URLs near a name of their family. An unversioned
 * mention listed with other licenses ("MPL/GPL/LGPL", with "MPL-1.1" elsewhere) is one member of a choice: it
 * stays, and stands for the versioned mention of its family (dropping it would lose a member of the choice).
 *
 * @param listed - mentions joined to a neighbour by a list connector (see `connection`).
 */
export function absorb(idx: ReferenceIndex, mentions: Mention[], listed: ReadonlySet<Mention> = new Set()): Mention[] {
  // a terse "GPL 2.0" next to a full statement "version 2 or later" of the same version is its short form
  // ("Version: MPL 1.1/GPL 2.0/LGPL 2.1" above the tri-license notice): it reads as the later one
  const later = new Map<string, number[]>()
  for (const m of mentions) {
    if (m.kind === 'url' || !m.licenseId.endsWith('-or-later')) continue
    const list = later.get(m.licenseId)
    if (list) list.push(m.i)
    else later.set(m.licenseId, [m.i])
  }
  for (const m of mentions) {
    if (m.kind !== 'name' || m.expression || m.choice || !m.licenseId.endsWith('-only')) continue
    const id = m.licenseId.replace(/-only$/, '-or-later')
    if (near(later.get(id), m.i, SHORT_FORM)) m.licenseId = id
  }
  const explicit = new Map<string, string>() // family → id of its first versioned mention
  const named = new Map<string, number[]>() // family → word positions of name and id mentions, in order
  const paged = new Map<string, string>() // family → id of its first versioned URL
  for (const m of mentions) {
    if (m.kind === 'url') {
      if (m.explicit && !paged.has(familyOf(idx, m))) paged.set(familyOf(idx, m), m.licenseId)
      continue
    }
    const family = familyOf(idx, m)
    if (m.explicit && !explicit.has(family)) explicit.set(family, m.licenseId)
    const list = named.get(family) ?? []
    list.push(m.i)
    named.set(family, list)
  }
  return mentions.filter((m) => {
    const family = familyOf(idx, m)
    // an unversioned page yields to a versioned name of its family anywhere, as an unversioned name does
    if (m.kind === 'url') return !near(named.get(family), m.i, ABSORB_URL) && (m.explicit || !explicit.has(family))
    if (m.explicit) return true
    // an unversioned name with a versioned page of its family ("the CDDL … see …/CDDL+GPL_1_1.html"): the page
    // gives the version
    if (!explicit.has(family)) {
      const page = paged.get(family)
      if (page && !m.expression) {
        m.licenseId = page
        m.explicit = true
      }
      return true
    }
    if (!listed.has(m) || m.expression) return false
    m.licenseId = explicit.get(family)!
    m.explicit = true
    return true
  })
}

/** Mentions joined to a neighbour by list connectors ("MPL/GPL/LGPL", "MIT or the Apache License"). */
export function listedMentions(s: WordStream, mentions: Mention[], covered: Uint8Array): Set<Mention> {
  const out = new Set<Mention>()
  const names = mentions.filter((m) => m.kind !== 'url' && m.kind !== 'exception')
  for (let k = 1; k < names.length; k++) {
    if (!connection(s, names[k - 1], names[k], covered).connected) continue
    out.add(names[k - 1])
    out.add(names[k])
  }
  return out
}

/** Whether the sorted `positions` hold one within `distance` of `at`. */
function near(positions: number[] | undefined, at: number, distance: number): boolean {
  if (!positions) return false
  let lo = 0
  let hi = positions.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (positions[mid] < at - distance) lo = mid + 1
    else hi = mid
  }
  return lo < positions.length && positions[lo] <= at + distance
}

// How far an exception looks back for the license it modifies: right after it first, then anywhere nearby.
const EXCEPTION_ADJACENT = 8
const EXCEPTION_NEAR = 80

/** How many of `mentions` (in source order) end before word `i`. */
function lastBefore(mentions: Mention[], i: number): number {
  let lo = 0
  let hi = mentions.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (mentions[mid].j < i) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Attach each exception ("with the Classpath exception", "LLVM-exception") to the license it follows: the
 * mention right before it, else the nearest license within a few sentences. That mention and the later ones of
 * the same license read `<license> WITH <exception>`; exceptions with no license before them are dropped.
 */
export function attachExceptions(idx: ReferenceIndex, accepted: Mention[], kept: Mention[]): Mention[] {
  const exceptions = kept.filter((m) => m.kind === 'exception')
  const licenses = kept.filter((m) => m.kind !== 'exception')
  if (!exceptions.length) return licenses
  // an unversioned mention that was absorbed stands for the versioned one of its family
  const explicitOf = new Map<string, string>()
  for (const m of licenses) if (m.explicit && !explicitOf.has(familyOf(idx, m))) explicitOf.set(familyOf(idx, m), m.licenseId)
  // license id → [exception expression, offset from which mentions read WITH it]
  const withOf = new Map<string, [string, number]>()
  const attached = new Set<string>()
  const named = accepted.filter((m) => m.kind !== 'exception' && m.kind !== 'url')
  const keptNamed = licenses.filter((m) => m.kind !== 'url')
  for (const x of exceptions) {
    // an exception named again ("… subject to the Classpath exception") is the one already attached
    if (attached.has(x.licenseId)) continue
    const last = named[lastBefore(named, x.i) - 1]
    let target: Mention | undefined = last && x.i - last.j <= EXCEPTION_ADJACENT ? last : undefined
    const nearest = keptNamed[lastBefore(keptNamed, x.i) - 1]
    if (!target && nearest && x.i - nearest.j <= EXCEPTION_NEAR) target = nearest
    if (!target) continue
    const own = kept.includes(target)
    const id = own ? target.licenseId : explicitOf.get(familyOf(idx, target)) ?? target.licenseId
    // an absorbed mention ("GPL Classpath Exception" after "GPL version 2") stands for the versioned statement,
    // which then carries the exception from where it is made
    const from = own ? Math.min(target.start, x.start) : Math.min(x.start, ...licenses.filter((m) => m.licenseId === id).map((m) => m.start))
    if (!withOf.has(id)) withOf.set(id, [`${id} WITH ${x.licenseId}`, from])
    attached.add(x.licenseId)
  }
  // the mention the exception follows and the later mentions of that license carry it; earlier ones may not
  for (const m of licenses) {
    const w = withOf.get(m.licenseId)
    if (w && !m.expression && m.start >= w[1]) m.expression = w[0]
  }
  return licenses
}

// How far before a mention a choice cue is read, and how far on in its sentence the other choice may come.
const CUE_BEFORE_CHOICE = 12
const LATER_CHOICE = 30

/** Whether `b` is the other branch of a choice opened before `a`: same sentence, not far, right after an "or". */
function laterChoice(s: WordStream, a: Mention, b: Mention): boolean {
  if (b.i - a.j > LATER_CHOICE) return false
  for (let k = a.j + 1; k <= b.i; k++) if (s.breakBefore[k]) return false
  for (let k = Math.max(a.j + 1, b.i - 3); k < b.i; k++) if (s.words[k].value === 'or') return true
  return false
}

/** "A or, if you prefer, B", "A or — at your option — B": an "or" right after `a`, a choice word before `b`. */
function choiceAside(s: WordStream, a: Mention, b: Mention): boolean {
  if (b.i - a.j > 10 || b.i <= a.j + 1 || s.words[a.j + 1].value !== 'or') return false
  let cue = false
  for (let k = a.j + 1; k <= b.i; k++) {
    if (s.breakBefore[k]) return false
    if (k < b.i && (TRAILING_CUES.has(s.words[k].value) || CHOICE_CUES.has(s.words[k].value))) cue = true
  }
  return cue
}

/**
 * Group mentions of one choice into OR expressions: a list joined by "or" or "/" ("MIT or Apache-2.0",
 * "MPL, LGPL, or GPL", "CPL/GPL/LGPL"), or any list after a choice cue ("dual licensed under X and Y").
 */
export function choiceGroups(s: WordStream, mentions: Mention[], covered: Uint8Array): Map<Mention, string> {
  const groups = new Map<Mention, string>()
  let chain: Mention[] = []
  let choice = false
  const close = () => {
    // a cue right after the list, in its sentence: "MIT and Apache 2.0 licenses, at your option"
    const last = chain[chain.length - 1]
    if (last && chain.length > 1 && !choice) {
      for (let k = last.j + 1; k < Math.min(s.words.length, last.j + 1 + TRAILING_SPAN); k++) {
        if (s.breakBefore[k]) break
        if (TRAILING_CUES.has(s.words[k].value)) choice = true
      }
    }
    const parts = [...new Set(chain.map((m) => m.expression ?? m.licenseId))]
    if (choice && parts.length > 1) for (const m of chain) groups.set(m, parts.join(' OR '))
    else for (const m of chain) if (m.choice) groups.set(m, m.choice)
    chain = []
    choice = false
  }
  for (const m of mentions) {
    const prev = chain[chain.length - 1]
    const link = prev && m.kind !== 'url' && prev.kind !== 'url' ? connection(s, prev, m, covered) : undefined
    // after a choice cue the second license may come further on in the sentence: "You may choose to be licensed
    // under the GNU GPL Version 2, available from the file COPYING …, or the BSD license below"
    const aside = !link?.connected && prev && m.kind !== 'url' && prev.kind !== 'url' && choiceAside(s, prev, m)
    if (aside) choice = true
    if (link?.connected || aside || (choice && prev && m.kind !== 'url' && prev.kind !== 'url' && laterChoice(s, prev, m))) {
      chain.push(m)
      if (link?.or) choice = true
      continue
    }
    close()
    chain.push(m)
    for (let k = Math.max(0, m.i - CUE_BEFORE_CHOICE); k < m.i; k++) if (CHOICE_CUES.has(s.words[k].value)) choice = true
  }
  close()
  return groups
}
