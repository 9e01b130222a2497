/** Loading the compiled index shipped beside the bundles (dist/medlint-index.json). */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Lexicon } from './lexicon';
import type { CompiledIndex } from './index-types';

export function defaultIndexPath(): string {
  // Bundled: dist/server.js and dist/cli.js sit beside the index. From sources (tests): ../../../dist.
  const candidates = [join(__dirname, 'medlint-index.json'), join(__dirname, '..', '..', '..', 'dist', 'medlint-index.json')];
  return candidates.find((p) => existsSync(p)) ?? candidates[0];
}

export function loadLexicon(path = defaultIndexPath()): Lexicon {
  const index = JSON.parse(readFileSync(path, 'utf8')) as CompiledIndex;
  return new Lexicon(index);
}
