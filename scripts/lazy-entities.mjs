// An esbuild plugin for the server's bundle: markdown-it 15 decodes its table of HTML entities (a packed trie
// of 13,494 entries) as soon as it is loaded; with this plugin, only when an entity (« &eacute; ») is first
// decoded, which MedLint's block parsing seldom needs and the server's start never does (≈5 % of a start).
// Another markdown-it whose text differs is bundled as it is (test/unit/lazy-entities.test.ts says when).
import { readFile } from 'node:fs/promises';

const EAGER = 'var htmlDecodeTree = /* #__PURE__ */ decodeTrieDict(';
const USE = 'const decodeTree = htmlDecodeTree;';

/** markdown-it's CommonJS build with the entity table made on first use, or undefined if its text differs. */
export function lazyEntitiesSource(text) {
  if (text.split(EAGER).length !== 2 || text.split(USE).length !== 2 || text.split('htmlDecodeTree').length !== 4) return undefined;
  return text.replace(EAGER, 'var htmlDecodeTree;\nvar lazyHtmlDecodeTree = () => htmlDecodeTree ??= decodeTrieDict(').replace(USE, 'const decodeTree = lazyHtmlDecodeTree();');
}

export const lazyEntities = {
  name: 'lazy-entities',
  setup(build) {
    build.onLoad({ filter: /markdown-it[\\/]dist[\\/]markdown-it\.cjs\.js$/ }, async (args) => {
      const contents = lazyEntitiesSource(await readFile(args.path, 'utf8'));
      return contents ? { contents, loader: 'js' } : undefined;
    });
  },
};
