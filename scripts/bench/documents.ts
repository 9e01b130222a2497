/**
 * The bench's documents: the bundled corpus articles, and large documents made by repeating them, with three
 * empty paragraphs in the middle where the bench types, one character at a time, « prégabaline 150 mg/j »,
 * « ciclosporine tacroli » and « rituximab 375 mg/m2. ».
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Position } from './lsp-client';

/** The project's root, whether this file runs bundled (dist/bench.js) or from its source (scripts/bench/). */
export const ROOT = existsSync(join(__dirname, '..', 'package.json')) ? join(__dirname, '..') : join(__dirname, '..', '..');
export const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');

/** The articles (not the corpus's README nor its gold list), as paths. */
export function articles(): string[] {
  return readdirSync(CORPUS).filter((f) => f.endsWith('.md') && !/^(README|GOLD)/.test(f)).map((f) => join(CORPUS, f));
}

/** What the bench types, one character per edit, on the three empty lines (20 characters each). */
export const TYPED = { diagnostics: 'prégabaline 150 mg/j', completion: 'ciclosporine tacroli', hover: 'rituximab 375 mg/m2.' } as const;

export interface BigDocument {
  text: string;
  /** The empty lines where each round types (each one between blank lines: a paragraph of its own). */
  lines: Record<keyof typeof TYPED, number>;
}

/** The articles repeated up to `bytes` (UTF-16 code units, ≈ bytes for this text), cut in the middle for the typing slots. */
export function bigDocument(bytes: number): BigDocument {
  const all = articles().map((f) => readFileSync(f, 'utf8')).join('\n\n') + '\n\n';
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) { parts.push(all); size += all.length; }
  const whole = parts.join('');
  // A paragraph boundary near the middle, followed by prose (a letter, not a heading, list or table).
  let cut = whole.indexOf('\n\n', whole.length >> 1);
  while (cut >= 0 && !/\p{Lu}/u.test(whole[cut + 2] ?? '')) cut = whole.indexOf('\n\n', cut + 2);
  const head = whole.slice(0, cut + 2);
  const first = head.split('\n').length - 1;
  const text = head + '\n\n\n\n\n\n' + whole.slice(cut + 2);
  return { text, lines: { diagnostics: first, completion: first + 2, hover: first + 4 } };
}

export const at = (line: number, character: number): Position => ({ line, character });
