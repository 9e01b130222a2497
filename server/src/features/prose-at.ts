/**
 * Whether the word being typed is prose, decided from the block around it, without analysing the document:
 * its paragraph's code spans, links and URLs are found afresh in today's text (core/inline.ts), and its line's
 * container from the last analysis (a line typed inside a fenced code block is code, a new paragraph after
 * prose is prose). « Voir `cicl|` » → not prose; « La cicl| » typed under « La prégabaline… » → prose.
 */
import { inlineNonProse } from '../core/inline';

/** The last analysis: its text and prose text, and where an offset of today's text was in it. */
export interface LastReading {
  text: string;
  /**
   * Its prose text from `start` to `end` (a line): read from the stretch around it where the analysis keeps one
   * (core/incremental.ts), so that a completion does not make the whole prose text flat (2 MB for 1 MB of French).
   */
  prose(start: number, end: number): string;
  /** Today's offset in the analysed text (text typed since: where it was typed). */
  analysedOffset(offset: number): number;
}

/** How far the paragraph around the word is read (a 100,000-character line is read from this far back). */
const REACH = 4000;

type LineState = 'blank' | 'prose' | 'hidden';

function lineAt(text: string, offset: number): [number, number] {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return [start, end < 0 ? text.length : end];
}

function stateOfLine(last: LastReading, start: number, end: number): LineState {
  if (!/\S/.test(last.text.slice(start, end))) return 'blank';
  return /\S/.test(last.prose(start, end)) ? 'prose' : 'hidden';
}

/** The nearest non-blank line above (-1) or below (+1), within 200 lines. */
function neighbour(last: LastReading, [start, end]: [number, number], step: -1 | 1): LineState | undefined {
  for (let i = 0; i < 200; i++) {
    if (step < 0 ? start === 0 : end >= last.text.length) return undefined;
    [start, end] = lineAt(last.text, step < 0 ? start - 1 : end + 1);
    const state = stateOfLine(last, start, end);
    if (state !== 'blank') return state;
  }
  return undefined;
}

/** Was the line at this offset of the analysed text in a block that holds prose? A blank line between code lines was not. */
function inProseContainer(last: LastReading, offset: number): boolean {
  const line = lineAt(last.text, offset);
  const state = stateOfLine(last, ...line);
  if (state !== 'blank') return state === 'prose';
  return !(neighbour(last, line, -1) === 'hidden' && neighbour(last, line, 1) === 'hidden');
}

/** The start of the paragraph holding `offset`: after the last blank line before it, at most REACH back. */
function paragraphStart(text: string, offset: number): number {
  let start = text.lastIndexOf('\n', offset - 1) + 1;
  while (start > 0 && offset - start < REACH) {
    const previous = text.lastIndexOf('\n', start - 2) + 1;
    if (!/\S/.test(text.slice(previous, start - 1))) break;
    start = previous;
  }
  return Math.max(start, offset - REACH);
}

/** Is today's span [start, end) prose? Without a last analysis, only its paragraph decides. */
export function isProseAt(text: string, start: number, end: number, last?: LastReading): boolean {
  if (last && !inProseContainer(last, last.analysedOffset(text.lastIndexOf('\n', start - 1) + 1))) return false;
  const lineEnd = text.indexOf('\n', end);
  const hidden: number[] = [];
  inlineNonProse(text, paragraphStart(text, start), Math.min(lineEnd < 0 ? text.length : lineEnd, end + REACH), hidden);
  for (let k = 0; k < hidden.length; k += 2) if (hidden[k] < end && hidden[k + 1] > start) return false;
  return true;
}
