/** Shared test helpers: the built index, fixtures, and gold positions (1-based line, code-point column). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLexicon } from '../server/src/core/load';
import type { Lexicon } from '../server/src/core/lexicon';

export const ROOT = join(__dirname, '..');
export const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');

let cached: Lexicon | undefined;
export function lexicon(): Lexicon {
  cached ??= loadLexicon(join(ROOT, 'dist', 'medlint-index.bin'));
  return cached;
}

export function fixture(name: string): string {
  return readFileSync(join(CORPUS, name), 'utf8');
}

export interface GoldFile {
  drugs: { text: string; line: number; col: number; drug: string; kind: string }[];
  trials: { text: string; line: number; col: number; trial: string }[];
  doses: { text: string; line: number; col: number; drug: string; value_min: number; value_max: number; unit: string; per: string }[];
  non_drugs: { text: string; lines: number[] }[];
  tricky_words: { text: string; lines: number[] }[];
}

export function gold(): Record<string, GoldFile> {
  return JSON.parse(readFileSync(join(CORPUS, 'gold.json'), 'utf8')).files;
}

/** Source offset (UTF-16) → gold's 1-based line and code-point column. */
export function goldPosition(source: string, offset: number): { line: number; col: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line, col: [...source.slice(lineStart, offset)].length };
}
