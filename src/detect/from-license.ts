// Restriction facts carried in from license metadata (stub, filled in below).
import type { Evidence, RestrictionFinding } from '../schema/index.js'

export function restrictionsFromLicense(
  _licenseId: string,
  _evidence: Evidence[],
  _options: { textPresent?: boolean } = {},
): RestrictionFinding[] {
  return []
}
