// Decides which reader a file needs, from its name first and its content second.
import type { FileKind } from '../schema/index.js'

// License-bearing file names. Example matches: "LICENSE", "LICENSE-MODEL.txt", "COPYING.LIB", "USE_POLICY.md".
const LICENSE_NAME = /^(?:licen[cs]e|copying|copyright|notice|unlicen[cs]e|use[_-]?policy|acceptable[_-]?use[_-]?policy|eula|patents)(?:[._-][^/]{0,60})?$/
const MANIFEST_NAME = /^(?:pyproject\.toml|cargo\.toml|description|setup\.cfg|[^/]{1,200}\.gemspec|[^/]{1,200}\.nuspec|composer\.json|pom\.xml)$/
const CARD_NAME = /^(?:model[_-]?card|modelcard)(?:\.[a-z]{1,10})?$/
const MARKDOWN = /\.(?:md|markdown|mdx|mkd)$/
const SOURCE_EXT = new Set(
  'c h cc cpp cxx hpp hh hxx c++ m mm js mjs cjs jsx ts tsx mts cts py pyi java kt kts scala groovy go rs rb php pl pm t sh bash zsh fish ps1 bat cmd cs fs vb swift dart lua r jl hs ml mli clj cljs ex exs erl hrl el lisp scm tcl v sv vhd vhdl asm s f f90 f95 for pas ads adb d nim zig sql cmake m4 am ac in mk gradle sbt proto thrift idl y l awk sed vim css scss less html htm xml xsl xslt vue svelte'.split(' '),
)
const SOURCE_NAME = /^(?:makefile|gnumakefile|dockerfile|rakefile|gemfile|cmakelists\.txt|meson\.build|build|sconstruct|vagrantfile|jenkinsfile)$/

// YAML keys only a Hugging Face card carries. Example match: "\nbase_model: meta-llama/Llama-3.1-8B".
const CARD_KEYS = /^(?:license|license_name|license_link|base_model|base_model_relation|pipeline_tag|library_name|datasets|model-index|model_name|model_creator|quantized_by|inference|tags|language|extra_gated_[a-z_]{1,40}|widget|thumbnail)[ \t]{0,20}:/m
// Headings of lab model cards without front matter. Example match: "## Model Information".
const CARD_HEADINGS = /^[ \t]{0,3}#{1,4}[ \t]{1,10}(?:model (?:details|information|description|summary|architecture|card)|intended use|training (?:data|details|procedure)|evaluation results|uses|bias,? risks|limitations)\b/im

/**
 * The kind of a file: which reader analyzes it.
 *
 * - README / MODEL_CARD / any Markdown with Hub front matter or model-card headings → `model-card`
 * - `package.json` → `package-json`; pyproject.toml, Cargo.toml, DESCRIPTION, *.gemspec → `manifest`
 * - LICENSE*, COPYING*, NOTICE*, USE_POLICY* → `license`; source files by extension → `source`
 * - anything else → `text`
 *
 * @param path - the file path (only its last segment matters); may be undefined.
 * @param source - the content; only its first few KB are looked at.
 * @example
 * detectFileKind('models/README.md', '---\nlicense: mit\n---\n') // 'model-card'
 */
export function detectFileKind(path: string | undefined, source: string): FileKind {
  const name = (path ?? '').split(/[\\/]/).pop()?.toLowerCase() ?? ''
  if (name === 'package.json') return 'package-json'
  if (MANIFEST_NAME.test(name)) return 'manifest'
  if (LICENSE_NAME.test(name)) return 'license'
  const head = source.slice(0, 64 * 1024)
  if (CARD_NAME.test(name)) return 'model-card'
  if (MARKDOWN.test(name) || /^readme(?:\.[a-z]{1,10})?$/.test(name) || name === '') {
    if (hasCardFrontMatter(head)) return 'model-card'
    if ((MARKDOWN.test(name) || name.startsWith('readme')) && countCardHeadings(head) >= 2) return 'model-card'
    return 'text'
  }
  const dot = name.lastIndexOf('.')
  const ext = dot > 0 ? name.slice(dot + 1) : ''
  if (SOURCE_NAME.test(name) || (ext && SOURCE_EXT.has(ext))) return 'source'
  return 'text'
}

/** Front matter (after optional blank lines) holding at least one Hub model-card key. */
function hasCardFrontMatter(head: string): boolean {
  const m = /^\uFEFF?(?:[ \t]{0,40}\r?\n){0,20}---[ \t]{0,40}\r?\n/.exec(head)
  if (!m) return false
  const close = head.slice(m[0].length).search(/^(?:---|\.\.\.)[ \t]{0,40}$/m)
  const yaml = head.slice(m[0].length, close < 0 ? head.length : m[0].length + close)
  return CARD_KEYS.test(yaml)
}

function countCardHeadings(head: string): number {
  const re = new RegExp(CARD_HEADINGS.source, 'gim')
  let n = 0
  while (re.exec(head) && n < 2) n++
  return n
}
