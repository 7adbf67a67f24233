// License URLs in raw text: find them, trim them, and look them up by their normalized key.
import { urlKey } from './reference-rules.js'

/** One URL in the source and the license it names, if any. */
export interface UrlSpan {
  start: number
  end: number
  key: string
  licenseId?: string
}

// A URL starts with a scheme, "www." or one of the hosts license notices often write bare
// ("opensource.org/licenses/MIT"). The literal prefix anchors each attempt and the body is bounded, so the scan
// stays linear. Example match: "https://www.apache.org/licenses/LICENSE-2.0".
const URL_START =
  /(?:https?:\/\/|www\.|(?:opensource|creativecommons|gnu|apache|spdx|eclipse|mozilla)\.org\/|(?:huggingface\.co|github\.com|llama\.com|llama\.meta\.com|ai\.meta\.com|ai\.google\.dev)\/)[^\s<>"'`()[\]{}|\\^]{0,300}/gi
// Sentence punctuation and closing marks that end prose, not the URL: "see https://x.org/license." → no ".".
const TRAILING = /[.,;:!?*'")\]>]+$/

/**
 * Find every URL in `source`; `licenseId` is set where the URL (normalized by `urlKey`) is a known license page.
 * A last path segment that only selects a language or a deed page ("/de", "/deed.fr") is tried without it.
 *
 * @param source - any text.
 * @param urls - normalized URL → canonical license id.
 * @returns the URLs in order.
 * @example
 * findUrls('see http://www.apache.org/licenses/LICENSE-2.0.', urls)[0].licenseId // 'Apache-2.0'
 */
export function findUrls(source: string, urls: ReadonlyMap<string, string>): UrlSpan[] {
  const out: UrlSpan[] = []
  URL_START.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = URL_START.exec(source)) !== null) {
    // not inside another word or address: "xgnu.org/", "user@www.x", "a/www.x" (checked here: a lookbehind is slower)
    if (m.index > 0 && /[\w.@/-]/.test(source[m.index - 1])) continue
    const text = m[0].replace(TRAILING, '')
    if (text.length < 8) continue
    const key = urlKey(text)
    // "…/LICENSE-2.0#apply" is still the license; a page listed only with a fragment needs that fragment
    const page = key.replace(/#.*$/, '')
    let licenseId = urls.get(key) ?? urls.get(page)
    if (!licenseId) {
      const shorter = page.replace(/\/(?:[a-z]{2}(?:[-_][a-z]{2,4})?|index)$/, '')
      if (shorter !== page && shorter.split('/').length > 2) licenseId = urls.get(shorter)
    }
    out.push({ start: m.index, end: m.index + text.length, key, ...(licenseId ? { licenseId } : {}) })
  }
  return out
}
