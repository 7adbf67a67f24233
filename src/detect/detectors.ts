// The list of restriction detectors, one per kind, in report order.
import type { Detector } from './define-detector.js'
import { fieldOfUse } from './field-of-use.js'
import { nonCommercial } from './non-commercial.js'
import { outputTraining } from './output-training.js'
import { revenueThreshold } from './revenue-threshold.js'
import { userThreshold } from './user-threshold.js'

/** Every detector `detectRestrictions` runs. */
export const detectors: Detector[] = [fieldOfUse, userThreshold, revenueThreshold, outputTraining, nonCommercial]
