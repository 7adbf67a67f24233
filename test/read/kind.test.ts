// detectFileKind: which reader a file needs, by name first and content second.
import { describe, expect, it } from 'vitest'
import { detectFileKind } from '../../src/read/kind.js'

const card = '---\nlicense: mit\nbase_model: a/b\n---\n# x\n'

describe('detectFileKind', () => {
  it.each([
    ['models/README.md', card, 'model-card'],
    ['README.md', '\n---\nlicense: other\n---\n', 'model-card'],
    ['MODEL_CARD.md', '## Model Information\n', 'model-card'],
    ['notes.md', card, 'model-card'],
    ['README.md', '# Tool\n\n## Model Details\n\n## Intended Use\n', 'model-card'],
    ['README.md', '# My tool\n\nMIT licensed.\n', 'text'],
    ['README', 'See LICENSE.\n', 'text'],
    ['docs/post.md', '---\ntitle: Hello\nlayout: post\n---\n', 'text'],
    ['package.json', '{}', 'package-json'],
    ['pyproject.toml', '', 'manifest'],
    ['Cargo.toml', '', 'manifest'],
    ['DESCRIPTION', 'Package: x\n', 'manifest'],
    ['foo.gemspec', '', 'manifest'],
    ['LICENSE', 'MIT', 'license'],
    ['LICENSE.md', card, 'license'],
    ['COPYING.LIB', '', 'license'],
    ['NOTICE.txt', '', 'license'],
    ['USE_POLICY.md', '', 'license'],
    ['src/main.c', '/* x */', 'source'],
    ['lib/x.ts', '', 'source'],
    ['Makefile', '', 'source'],
    ['notes.txt', 'hello', 'text'],
    [undefined, card, 'model-card'],
    [undefined, 'MIT License', 'text'],
  ] as const)('%s → %s', (path, source, kind) => {
    expect(detectFileKind(path, source)).toBe(kind)
  })
})
