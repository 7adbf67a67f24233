// Model lineage inside an audited tree: resolve `base_model` links to package folders, pass binding licenses and
// their restrictions down to derivatives, and flag derivatives that declare more than they may.
import type { BaseModel, Mismatch, PackageReport, PackageRestriction } from '../schema/index.js'
import { andExpressions, expressionIds } from './expression.js'
import { bindsDerivatives, opennessRank, sameLicense } from './licenses.js'
import { mismatchMessages as m } from './messages.js'
import { restrictionKey } from './package.js'

/** A model package as lineage sees it. */
export interface LineageNode {
  report: PackageReport
  /** Lower-case ids by which a card's `base_model` may name this package. */
  keys: Set<string>
  baseModels: BaseModel[]
}

/** `https://huggingface.co/Org/Name/` → `org/name`. */
export function normalizeModelId(id: string): string {
  return id
    .trim()
    .replace(/^https?:\/\/(?:www\.)?huggingface\.co\//i, '')
    .replace(/\/+$/, '')
    .toLowerCase()
}

const covers = (seen: string[], id: string) => seen.some((s) => sameLicense(s, id))

/**
 * Resolve every node's base models to nodes of the same tree (by full `org/name`, else by a unique bare name),
 * then, bases first, let each derivative inherit what binds it: the base's licenses that bind derivatives join
 * the derivative's governing expression, their restrictions are copied with `parameters.inheritedFrom` (the
 * chain of packages they came through, nearest first), and a declaration more permissive than an inherited
 * license becomes an error mismatch. Cycles are cut where they close. Mutates the reports.
 */
export function applyLineage(nodes: LineageNode[]): void {
  const byKey = new Map<string, LineageNode[]>()
  for (const n of nodes) {
    for (const k of n.keys) {
      const list = byKey.get(k)
      if (list) list.push(n)
      else byKey.set(k, [n])
    }
  }
  const resolve = (self: LineageNode, id: string): LineageNode | undefined => {
    const key = normalizeModelId(id)
    const pick = (list: LineageNode[] | undefined) => {
      const others = (list ?? []).filter((n) => n !== self)
      return others.length === 1 ? others[0] : undefined
    }
    const full = pick(byKey.get(key))
    if (full || !key.includes('/')) return full
    return pick(byKey.get(key.slice(key.lastIndexOf('/') + 1)))
  }

  const done = new Set<LineageNode>()
  const active = new Set<LineageNode>()
  const settle = (node: LineageNode): void => {
    if (done.has(node) || active.has(node)) return
    active.add(node)
    const report = node.report
    const links: NonNullable<PackageReport['lineage']> = []
    const inheritedIds: Array<{ id: string; from: string; inTree: boolean }> = []
    const inheritedRestrictions: PackageRestriction[] = []
    for (const base of node.baseModels) {
      const target = resolve(node, base.id)
      if (target && active.has(target)) {
        report.diagnostics.push({ ruleId: 'lineage-cycle', source: 'licit', severity: 'info', reason: `base_model ${base.id} leads back to this package; the cycle was cut here` })
        links.push({ id: base.id, ...(base.relation ? { relation: base.relation } : {}), dir: target.report.dir })
        continue
      }
      if (target) settle(target)
      const expression = target ? target.report.expression : base.licenseId
      links.push({ id: base.id, ...(base.relation ? { relation: base.relation } : {}), ...(target ? { dir: target.report.dir } : {}), ...(expression ? { expression } : {}) })
      if (!expression) continue
      const from = target ? target.report.name : base.id
      const binding = expressionIds(expression).filter((id) => bindsDerivatives(id))
      for (const id of binding) inheritedIds.push({ id, from, inTree: target !== undefined })
      if (!target || !binding.length) continue
      for (const r of target.report.restrictions) {
        if (r.licenseId && !bindsDerivatives(r.licenseId)) continue
        const chain = Array.isArray(r.parameters.inheritedFrom) ? (r.parameters.inheritedFrom as string[]) : []
        inheritedRestrictions.push({ ...r, parameters: { ...r.parameters, inheritedFrom: [from, ...chain] } })
      }
    }
    // Bases that resolved inside the tree change the governing expression; offline-resolved ones were already
    // weighed by the card reader, so they only feed the permissiveness check below.
    report.expression = andExpressions([report.expression, ...inheritedIds.filter((x) => x.inTree).map((x) => x.id)], covers)
    const seen = new Set(report.restrictions.map(restrictionKey))
    for (const r of inheritedRestrictions) {
      const key = restrictionKey(r)
      if (seen.has(key)) continue
      seen.add(key)
      report.restrictions.push(r)
    }
    const conflict = permissiveDeclaration(report, inheritedIds)
    if (conflict) report.mismatches.push(conflict)
    if (links.length) report.lineage = links
    for (const id of expressionIds(report.expression)) if (!report.licenses.includes(id)) report.licenses.push(id)
    active.delete(node)
    done.add(node)
  }
  for (const n of nodes) settle(n)
}

/**
 * A derivative that declares a license more open than one it inherits (an MIT card on a Llama fine-tune):
 * compared by openness rank, only when both sides are known and the declaration does not name the inherited one.
 */
function permissiveDeclaration(report: PackageReport, inherited: Array<{ id: string; from: string }>): Mismatch | undefined {
  const declared = report.declared
  if (!declared) return undefined
  const declaredIds = expressionIds(declared.expression)
  if (!declaredIds.length) return undefined
  const declaredRanks = declaredIds.map(opennessRank)
  if (declaredRanks.some((r) => r === undefined)) return undefined
  const declaredRank = Math.max(...(declaredRanks as number[]))
  let worst: { id: string; from: string; rank: number } | undefined
  for (const x of inherited) {
    if (declaredIds.some((d) => sameLicense(d, x.id))) continue
    const rank = opennessRank(x.id)
    if (rank !== undefined && rank > declaredRank && (!worst || rank > worst.rank)) worst = { ...x, rank }
  }
  if (!worst) return undefined
  return {
    ruleId: 'lineage-permissive-declaration',
    source: 'licit',
    severity: 'error',
    reason: m.lineage(declared.expression, worst.from, worst.id),
    declared: declared.expression,
    found: worst.id,
    path: declared.path,
    position: declared.evidence[0]?.position,
  }
}
