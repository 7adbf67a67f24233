// The list of restriction detectors, one per kind, in report order.
import type { Detector } from './define-detector.js'
import { fieldOfUse } from './field-of-use.js'

/** Every detector `detectRestrictions` runs. */
export const detectors: Detector[] = [fieldOfUse]
