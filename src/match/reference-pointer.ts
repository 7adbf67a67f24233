// Pointers to a license kept elsewhere: a URL to a project's LICENSE file, "see the LICENSE file". They say a
// license applies without naming it, so a text that holds nothing else is NOASSERTION, not NONE.
import { urlKey } from './reference-rules.js'
import { findUrls } from './reference-url.js'

/** One pointer: where it is in the source. */
export interface LicensePointer {
  start: number
  end: number
}

// The last path segment of a license file: "LICENSE", "license.txt" (the extension is gone from the key),
// "COPYING", "LICENSE-MIT", "licence".
const LICENSE_SEGMENT = /^(?:licen[cs]es?|copying)(?:[-_.][a-z0-9._-]{0,20})?$/
// A license file named in prose, case-sensitive so that "a license file" in general talk does not count:
// "See README and LICENSE files", "found in the LICENSE file", "see COPYING", "refer to LICENSE.txt".
const FILE_WORD = /\b(?:LICEN[CS]E|COPYING)(?:\.[A-Za-z]{2,4})?\s{1,3}files?\b/g
const SEE_FILE = /\b(?:[Ss]ee|[Rr]efer to|[Ii]n)\s{1,3}(?:the\s{1,3})?(?:LICEN[CS]E|COPYING)(?:\.[A-Za-z]{2,4})?\b/g

/**
 * Find pointers to a license file that no rule names: URLs whose last path segment is a license file
 * (`https://github.com/o/r/blob/main/LICENSE`, `http://x.codeplex.com/license`) and license files named in prose.
 *
 * @param source - any text.
 * @param urls - normalized license URL → id (URLs known as a license are references, not pointers).
 * @returns the pointers in source order.
 */
export function findLicensePointers(source: string, urls: ReadonlyMap<string, string>): LicensePointer[] {
  const out: LicensePointer[] = []
  for (const u of findUrls(source, urls)) {
    if (u.licenseId) continue
    const path = urlKey(source.slice(u.start, u.end)).replace(/#.*$/, '').split('/')
    if (path.length > 1 && LICENSE_SEGMENT.test(path[path.length - 1])) out.push({ start: u.start, end: u.end })
  }
  for (const re of [FILE_WORD, SEE_FILE]) {
    re.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = re.exec(source)) !== null) out.push({ start: m.index, end: m.index + m[0].length })
  }
  return out.sort((a, b) => a.start - b.start)
}
