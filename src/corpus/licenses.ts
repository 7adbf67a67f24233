// Runtime access to the license metadata compiled from licenses/ (stub).
import type { LicenseMeta } from '../schema/index.js'

export function allLicenseMeta(): LicenseMeta[] {
  return []
}
export function getLicenseMeta(_canonicalId: string): LicenseMeta | undefined {
  return undefined
}
