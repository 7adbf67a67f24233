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
// The same pattern tried at one position only.
const URL_AT = new RegExp(URL_START.source, 'iy')
// What every URL holds at most MAX_LEAD characters after its start: "//", "www." or the dot before a host's
// top-level domain and its slash. Searching for these is much cheaper than trying the whole pattern everywhere.
const URL_ANCHOR = /\/\/|www\.|\.(?:org|com?|dev)\//gi
const MAX_LEAD = 15 // "creativecommons.org/": the anchor ".org/" starts 15 characters in

/**
 * The leftmost match of URL_START at or after `from` (what `URL_START.exec` finds with `lastIndex = from`):
 * each anchor is tried at the few positions a URL holding it can start at, so the scan stays linear.
 */
function nextUrl(source: string, from: number): RegExpExecArray | null {
  URL_ANCHOR.lastIndex = from
  let a: RegExpExecArray | null
  while ((a = URL_ANCHOR.exec(source)) !== null) {
    const at = a.index
    for (let p = Math.max(from, at - MAX_LEAD); p <= at; p++) {
      URL_AT.lastIndex = p
      const m = URL_AT.exec(source)
      if (m) return m
    }
    // an earlier start tried here cannot match later anchors either: start the next window after this one
    from = at + 1
  }
  return null
}

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
  for (let m = nextUrl(source, 0); m !== null; m = nextUrl(source, m.index + m[0].length)) {
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
