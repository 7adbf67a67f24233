// The list of restriction detectors, one per kind, in report order.
import type { Detector } from './define-detector.js'
import { fieldOfUse } from './field-of-use.js'
import { flowDown } from './flow-down.js'
import { licensorControl } from './licensor-control.js'
import { namingAttribution } from './naming-attribution.js'
import { nonCommercial } from './non-commercial.js'
import { outputTraining } from './output-training.js'
import { revenueThreshold } from './revenue-threshold.js'
import { territorial } from './territorial.js'
import { userThreshold } from './user-threshold.js'

/** Every detector `detectRestrictions` runs. */
export const detectors: Detector[] = [fieldOfUse, userThreshold, revenueThreshold, outputTraining, nonCommercial, territorial, namingAttribution, flowDown, licensorControl]
