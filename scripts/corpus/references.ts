// Corpus part `references.json`: the rules that recognize a license by its name, abbreviation or URL.
//
// Derived from the SPDX XML (`name` attributes, `<crossRefs>`), the AI license manifest (names, URLs, groups),
// licenses/*.yaml (`aliases`, `groupAliases`, `hfHubIds`, `urls`, read when present) and a short curated list of
// abbreviations and spellings (references-curated.ts). Names are split into a family stem and a version ("GNU General Public
// License" + "2.0"), so the matcher can read the version wherever a notice puts it.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { lookupLicenseId, resolveLicenseId } from '../../src/match/expression-ids.js'
import type { ReferenceFamily, ReferenceRule, ReferencesCorpus } from '../../src/match/reference-rules.js'
import { urlKey } from '../../src/match/reference-rules.js'
import { isVersionWord, nameWords, versionKey } from '../../src/match/reference-words.js'
import type { BuildContext } from './build.js'
import { CURATED, CURATED_URLS, FAMILY_ALIASES, UNVERSIONED } from './references-curated.js'
import { readExceptions, readSpdx, readYamlLicenses, type AiEntry } from './references-sources.js'

// Words that make a phrase name a license by themselves; a phrase without one (and without a version) is weak.
const LICENSE_WORDS = new Set(['license', 'licenses', 'agreement', 'terms', 'eula', 'notice', 'commons', 'exception'])
// Version tails that leave the license the default of its version.
const BASE_TAILS = new Set(['', 'only', 'unported', 'international', 'generic', 'universal'])
const LATER_TAILS = new Set(['or later', 'or later version', 'or any later version'])
// Leading words a name is also written without ("Meta Llama 3 …" / "Llama 3 …", "The Unlicense").
const OPTIONAL_LEADS = new Set(['the', 'meta'])
// Priorities when two sources give one phrase or URL different targets: the lower wins.
const PRIO_NAME = 1
const PRIO_CURATED = 2
const PRIO_YAML = 3

/** A target proposed for a key (phrase or URL) by one source. */
interface Proposal {
  target: string
  prio: number
  weak: boolean
  /** A name-like weak phrase: needs its cue right before it. */
  tight?: boolean
  c?: number
}

const hasLicenseWord = (words: readonly string[]) => words.some((w) => LICENSE_WORDS.has(w))
const isPolicy = (id: string) => /(?:acceptable|prohibited)-use-policy$/.test(id)

/** Split name words at the first version: stem, version, tail ("version"/"v" before the number dropped). */
function splitVersion(words: string[]): { stem: string[]; version: string; tail: string[] } | undefined {
  for (let k = 1; k < words.length; k++) {
    if (!isVersionWord(words[k]) || words[k + 1] === 'clause') continue
    let s = k
    while (s > 0 && (words[s - 1] === 'version' || words[s - 1] === 'v' || words[s - 1] === 'ver')) s--
    if (s === 0) return undefined
    return { stem: words.slice(0, s), version: words[k], tail: words.slice(k + 1) }
  }
  return undefined
}

function withoutLead(words: string[]): string[] {
  let i = 0
  while (i < words.length - 1 && OPTIONAL_LEADS.has(words[i])) i++
  return words.slice(i)
}

/** A sortable number for the last version in an id ("GCC-exception-3.1" → 3.1). */
const versionOrder = (id: string) => Number(/(\d+(?:\.\d+)?)(?!.*\d)/.exec(id)?.[1] ?? 0)

const withoutAgreement = (words: string[]) => (words.length > 2 && words[words.length - 1] === 'agreement' ? words.slice(0, -1) : words)

/** The CC family key from an unported CC id: CC-BY-NC-SA-4.0 → "cc by nc sa". */
function ccFamily(id: string): string | undefined {
  const m = /^CC-((?:BY|NC|ND|SA)(?:-(?:NC|ND|SA))*)-\d\.\d$/.exec(id)
  return m ? `cc ${m[1].toLowerCase().replace(/-/g, ' ')}` : undefined
}
const CC_LONG: Readonly<Record<string, string>> = {
  by: 'attribution',
  nc: 'non commercial',
  nd: 'no derivatives',
  sa: 'share alike',
}

/** The id among `ids` whose base (without -only/-or-later) starts every other id, as its -only form if listed. */
function commonBase(ids: string[]): string | undefined {
  const bases = ids.map((i) => i.replace(/-(?:only|or-later)$/, ''))
  const shortest = [...bases].sort((a, b) => a.length - b.length)[0]
  if (!bases.every((b) => b === shortest || b.startsWith(`${shortest}-`))) return undefined
  return ids.find((i) => i === `${shortest}-only`) ?? ids.find((i) => i === shortest)
}

/**
 * An alias the family rules already read: "Apache 2.0" = the `apache` family at 2.0. Kept as a literal phrase
 * it would shadow the family rule (and its "or later" reading) with a weaker one.
 */
function redundantAlias(b: Builder, words: string[], target: string): boolean {
  const rest = words[words.length - 2] === 'version' || words[words.length - 2] === 'v' ? 2 : 1
  const version = words[words.length - 1]
  if (words.length <= rest || !isVersionWord(version)) return false
  const stem = words.slice(0, words.length - rest).join(' ')
  const family = b.rules.get(stem)?.find((p) => p.target.startsWith('fam:'))?.target.slice(4)
  const entry = family ? b.families.get(family)?.get(versionKey(version)) : undefined
  return entry !== undefined && (entry.base === target || entry.later === target)
}

class Builder {
  rules = new Map<string, Proposal[]>()
  urls = new Map<string, Proposal[]>()
  families = new Map<string, Map<string, { base?: string; later?: string; baseWeak?: boolean; laterWeak?: boolean }>>()
  familyOfId = new Map<string, string>()
  groupOf = new Map<string, string>()
  /** Keys left out because they name several licenses (listed with REFERENCES_VERBOSE=1). */
  dropped: string[] = []

  propose(map: Map<string, Proposal[]>, key: string, proposal: Proposal): void {
    if (!key) return
    const list = map.get(key) ?? []
    list.push(proposal)
    map.set(key, list)
  }

  url(url: string, id: string, prio: number): void {
    this.propose(this.urls, urlKey(url), { target: `id:${id}`, prio, weak: false })
  }

  phrase(words: string[], target: string, prio: number, weak: boolean, c?: number, tight = false): void {
    if (!words.length || words.every((w) => w === '#')) return
    this.propose(this.rules, words.join(' '), { target, prio, weak, c, ...(tight ? { tight } : {}) })
  }

  /** Record `id` as `family` at `version`; a name read without its parenthesis (`weak`) never replaces another. */
  version(family: string, version: string, variant: 'base' | 'later', id: string, weak = false): void {
    const versions = this.families.get(family) ?? new Map()
    this.families.set(family, versions)
    const key = versionKey(version)
    const entry = versions.get(key) ?? {}
    const weakKey = `${variant}Weak` as const
    if (!entry[variant] || (entry[weakKey] && !weak)) {
      entry[variant] = id
      entry[weakKey] = weak
    }
    versions.set(key, entry)
    if (!this.familyOfId.has(id)) this.familyOfId.set(id, family)
  }

  /** Add a license name: literal phrases, and its family/version when the name carries a version. */
  name(name: string, id: string, prio: number, strippedId = id): void {
    const full = nameWords(name)
    // "Artistic License 1.0 (Perl)" without its parenthesis is another license's name: it ranks below full names
    const hasParens = /\([^)]*\)/.test(name)
    const stripped = hasParens ? nameWords(name.replace(/\([^)]*\)/g, ' ')) : full
    const variants: [string[], string, number][] = [[full, id, prio]]
    if (hasParens) variants.push([stripped, strippedId, prio + 0.5])
    for (const [words, target, rank] of variants) {
      for (const variant of new Set([words.join(' '), withoutLead(words).join(' '), withoutAgreement(withoutLead(words)).join(' ')])) {
        const w = variant.split(' ')
        this.phrase(w, `id:${target}`, rank, w.length < 2 && !hasLicenseWord(w))
      }
    }
    const split = splitVersion(withoutLead(stripped))
    if (!split) return
    const tail = split.tail.join(' ')
    const cc = ccFamily(id)
    if (cc) {
      this.version(cc, split.version, 'base', id, hasParens)
      this.phrase(split.stem, `fam:${cc}`, prio, false)
      return
    }
    if (!hasLicenseWord(split.stem) && hasLicenseWord(split.tail)) {
      // the version sits inside the name ("Llama 3.1 Community License"): a slot, never read from afar
      const key = [...split.stem, '#', ...withoutAgreement(split.tail)].join(' ')
      this.version(key, split.version, 'base', id, hasParens)
      this.phrase(key.split(' '), `fam:${key}`, prio, false)
      this.phrase([...split.stem, '#', ...split.tail], `fam:${key}`, prio, false)
      return
    }
    const variant = BASE_TAILS.has(tail) ? 'base' : LATER_TAILS.has(tail) ? 'later' : undefined
    if (!variant || !hasLicenseWord(split.stem)) return
    const stemKey = split.stem.join(' ')
    const key = FAMILY_ALIASES[stemKey] ?? stemKey
    this.version(key, split.version, variant, id, hasParens)
    this.phrase(split.stem, `fam:${key}`, prio, false)
    this.phrase(withoutAgreement(split.stem), `fam:${key}`, prio, false)
  }

  /** Resolve proposals per key: lowest priority wins; ties that disagree are merged into a group or dropped. */
  resolve(map: Map<string, Proposal[]>, what: string): Map<string, Proposal> {
    const out = new Map<string, Proposal>()
    for (const key of [...map.keys()].sort()) {
      const list = map.get(key)!
      const best = Math.min(...list.map((p) => p.prio))
      const top = list.filter((p) => p.prio === best)
      const targets = [...new Set(top.map((p) => p.target))]
      let target: string | undefined = targets.length === 1 ? targets[0] : undefined
      if (!target) {
        const ids = targets.map((t) => t.replace(/^id:/, ''))
        const groups = new Set(ids.map((i) => this.groupOf.get(i)))
        const bare = new Set(ids.map((i) => i.replace(/-(?:only|or-later)$/, '')))
        if (targets.every((t) => t.startsWith('id:')) && groups.size === 1 && !groups.has(undefined)) {
          target = `id:${[...groups][0]}`
        } else if (targets.every((t) => t.startsWith('id:')) && bare.size === 1) {
          target = targets.find((t) => t.endsWith('-only')) ?? targets[0]
        } else if (new Set(targets.map((t) => t.split(':')[0])).size === 1 && !targets[0].startsWith('fam:') && commonBase(ids.map((i) => i.replace(/^exc:/, '')))) {
          // one page for a license and its variants ("MPL-2.0" and "MPL-2.0-no-copyleft-exception"): the plain one
          target = `${targets[0].split(':')[0]}:${commonBase(ids.map((i) => i.replace(/^exc:/, '')))}`
        } else if (targets.some((t) => t.startsWith('fam:')) && new Set(targets.filter((t) => t.startsWith('fam:'))).size === 1) {
          target = targets.find((t) => t.startsWith('fam:'))
        } else {
          // several licenses share the name or page ("FSF Unlimited License", a Fedora wiki page): no rule
          this.dropped.push(`${what} "${key}" → ${targets.join(', ')}`)
          continue
        }
      }
      const chosen = top.find((p) => p.target === target) ?? top[0]
      out.set(key, { ...chosen, target: target!, weak: top.every((p) => p.weak), tight: top.every((p) => p.tight) })
    }
    return out
  }
}

/** Build `references.json`. */
export async function buildReferences(ctx: BuildContext): Promise<Record<string, string>> {
  const b = new Builder()
  const spdx = readSpdx(join(ctx.shared, 'spdx', 'licenses'))
  const manifestPath = join(ctx.shared, 'license-texts', 'manifest.json')
  const manifest: AiEntry[] = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : []
  const yaml = readYamlLicenses(join(ctx.root, 'licenses'))

  // groups: member canonical id → group canonical id
  const groupCanonical = (g: string) => `LicenseRef-${g}`
  for (const e of [...manifest, ...yaml]) {
    if (!e.group) continue
    b.groupOf.set(e.spdxId ?? `LicenseRef-${e.id}`, groupCanonical(e.group))
    b.groupOf.set(groupCanonical(e.group), groupCanonical(e.group))
  }

  // SPDX names (current ids only: deprecated ones are reachable through their successors) and URLs
  for (const e of spdx.filter((s) => !s.deprecated)) {
    b.name(e.name, e.id, PRIO_NAME)
    for (const url of e.crossRefs) b.url(url, e.id, PRIO_NAME)
    b.url(`opensource.org/licenses/${e.id}`, e.id, PRIO_NAME)
    // OSI's current pages spell the id with dashes for dots: opensource.org/license/apache-2-0
    if (e.id.includes('.')) b.url(`opensource.org/licenses/${e.id.replace(/\./g, '-')}`, e.id, PRIO_NAME + 1)
    b.url(`spdx.org/licenses/${e.id}`, e.id, PRIO_NAME)
  }
  for (const e of spdx.filter((s) => s.deprecated && !s.id.endsWith('+'))) {
    const resolved = resolveLicenseId(e.id)
    if (resolved.exception) continue
    b.url(`opensource.org/licenses/${e.id}`, resolved.license, PRIO_NAME)
    if (e.id.includes('.')) b.url(`opensource.org/licenses/${e.id.replace(/\./g, '-')}`, resolved.license, PRIO_NAME + 1)
    b.url(`spdx.org/licenses/${e.id}`, resolved.license, PRIO_NAME)
  }
  // CC short forms: "CC BY-NC-SA", "Creative Commons BY-NC-SA", "Creative Commons Attribution-NonCommercial-ShareAlike"
  for (const family of [...b.families.keys()].filter((k) => k.startsWith('cc '))) {
    const parts = family.split(' ').slice(1)
    const long = parts.map((p) => CC_LONG[p]).join(' ').split(' ')
    b.phrase(['cc', ...parts], `fam:${family}`, PRIO_NAME, false)
    b.phrase(['creative', 'commons', ...parts], `fam:${family}`, PRIO_NAME, false)
    b.phrase(['creative', 'commons', ...long], `fam:${family}`, PRIO_NAME, false)
    // "BY-NC-SA 4.0" alone; not "BY" alone, which is an ordinary word
    if (parts.length > 1) b.phrase(parts, `fam:${family}`, PRIO_CURATED, true)
  }

  // AI licenses from the manifest: names and URLs (policies are not licenses)
  for (const m of manifest.filter((e) => !isPolicy(e.id))) {
    const canonical = m.spdxId ?? `LicenseRef-${m.id}`
    if (!m.spdxId) b.name(m.name, canonical, PRIO_NAME, m.group ? groupCanonical(m.group) : canonical)
    if (m.url) b.url(m.url, canonical, PRIO_NAME)
  }

  // exceptions (after WITH): their names, also without the version when only one version exists
  const exceptions = readExceptions(join(ctx.shared, 'spdx', 'exceptions'))
  // stem → the versioned ids it has: an unversioned stem of several versions means the latest one
  const stems = new Map<string, string[]>()
  const exceptionWords = (name: string) => nameWords(name.replace(/\([^)]*\)/g, ' '))
  for (const e of exceptions) {
    const split = splitVersion(exceptionWords(e.name))
    if (split && !split.tail.length) stems.set(split.stem.join(' '), [...(stems.get(split.stem.join(' ')) ?? []), e.id])
  }
  for (const e of exceptions) {
    const words = exceptionWords(e.name)
    const split = splitVersion(words)
    // "GCC Runtime Library Exception, version 3.1": the version also written after the word "version"
    const forms = [words, ...(split && !split.tail.length ? [split.stem, [...split.stem, 'version', split.version]] : [])]
    for (const [n, form] of forms.entries()) {
      if (n === 1 && (stems.get(form.join(' '))?.length ?? 0) > 1) continue
      b.phrase(form, `exc:${e.id}`, PRIO_NAME + n / 2, false)
      // "Apache License v2.0 with LLVM Exceptions"
      if (form[form.length - 1] === 'exception') b.phrase([...form.slice(0, -1), 'exceptions'], `exc:${e.id}`, PRIO_NAME + n / 2, false)
    }
  }
  for (const [stem, ids] of stems) {
    if (ids.length < 2) continue
    const latest = [...ids].sort((x, y) => versionOrder(x) - versionOrder(y) || x.localeCompare(y)).pop()!
    b.phrase(stem.split(' '), `exc:${latest}`, PRIO_NAME + 1, false)
  }

  // curated abbreviations and spellings
  for (const [phrase, target, weak, c] of CURATED) {
    const [kind, id] = target.split(':') as ['fam' | 'id' | 'exc', string]
    if (kind === 'exc') {
      b.phrase(nameWords(phrase), target, PRIO_CURATED, false)
    } else if (kind === 'fam') {
      const family = b.familyOfId.get(id)
      if (!family) throw new Error(`references: no family for ${id}`)
      b.phrase(nameWords(phrase), `fam:${family}`, PRIO_CURATED, weak === true, c)
    } else {
      b.phrase(nameWords(phrase), `id:${id}`, PRIO_CURATED, weak === true, c)
    }
  }
  for (const [url, id] of CURATED_URLS) b.url(url, id, PRIO_CURATED)

  // licenses/*.yaml: names, aliases, Hub ids and URLs
  for (const y of yaml.filter((e) => !isPolicy(e.id))) {
    const canonical = y.spdxId ?? `LicenseRef-${y.id}`
    b.name(y.name, canonical, PRIO_YAML, y.group ? groupCanonical(y.group) : canonical)
    const aliases: [string, string][] = [...y.aliases, ...y.hfHubIds].map((a) => [a, canonical])
    // names the whole group goes by ("Tencent Hunyuan Community License")
    if (y.group) for (const a of y.groupAliases ?? []) aliases.push([a, groupCanonical(y.group)])
    for (const [alias, target] of aliases) {
      const words = nameWords(alias)
      if (redundantAlias(b, words, target)) continue
      // a model or project name ("Llama 2", "llama3.1", "deepseek") names a license only right after a cue
      const nameLike = !hasLicenseWord(words)
      b.phrase(words, `id:${target}`, PRIO_YAML, nameLike, undefined, nameLike)
    }
    for (const url of y.urls) b.url(url, canonical, PRIO_YAML)
  }

  // families: versions and the unversioned default
  const families: Record<string, ReferenceFamily> = {}
  for (const key of [...b.families.keys()].sort()) {
    const versions = b.families.get(key)!
    const v: ReferenceFamily['v'] = {}
    const sorted = [...versions.keys()].sort((x, y) => x.localeCompare(y, 'en', { numeric: true }))
    for (const ver of sorted) {
      const entry = versions.get(ver)!
      const base = entry.base ?? entry.later
      if (!base) continue
      v[ver] = entry.later && entry.later !== base ? [base, entry.later] : [base]
    }
    const family: ReferenceFamily = { v }
    if (!key.includes('#')) {
      const anchor = Object.keys(UNVERSIONED).find((id) => b.familyOfId.get(id) === key)
      const first = v[sorted[0]]
      family.d = anchor ? UNVERSIONED[anchor] : first?.[first.length - 1]
    }
    families[key] = family
  }

  const rules: ReferenceRule[] = []
  for (const [p, proposal] of b.resolve(b.rules, 'phrase')) {
    // a plain SPDX id spelled as a phrase is read from the token itself, with the same weak/strong rule
    if (!p.includes(' ') && lookupLicenseId(p) && proposal.target === `id:${lookupLicenseId(p)}`) continue
    const rule: ReferenceRule = { p, t: proposal.target }
    if (proposal.weak) rule.w = proposal.tight ? 2 : 1
    if (proposal.c !== undefined) rule.c = proposal.c
    rules.push(rule)
  }
  const urls: Record<string, string> = {}
  for (const [key, proposal] of b.resolve(b.urls, 'url')) urls[key] = proposal.target.replace(/^id:/, '')

  if (process.env.REFERENCES_VERBOSE) for (const d of b.dropped) console.warn(`references: ambiguous ${d} (dropped)`)
  const corpus: ReferencesCorpus = { format: 1, rules, families, urls }
  return { 'references.json': JSON.stringify(corpus) + '\n' }
}
