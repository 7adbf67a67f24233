// Types for spdx-expression-parse, which ships none: it returns a tree of license leaves and conjunctions.
declare module 'spdx-expression-parse' {
  type SpdxNode =
    | { license: string; plus?: boolean; exception?: string }
    | { left: SpdxNode; conjunction: 'and' | 'or'; right: SpdxNode }
  function parse(source: string): SpdxNode
  export default parse
}
