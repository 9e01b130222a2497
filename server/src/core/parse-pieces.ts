/**
 * Where a large Markdown text can be cut so that markdown-it parses each piece alone and gives the same
 * blocks as for the whole: after a blank line, before a line that starts with a letter at column 0 (a new
 * paragraph at the top level: it ends every list, quote, table and indented code before it), or between two
 * one-line items of a top-level bullet list; outside any
 * fenced code or HTML block that a blank line does not end (« <!-- », « <script », « ``` »…), each followed
 * from a line at column 0 after a blank line to the line that closes it.
 *
 *   « La prégabaline…\n\nLe paracétamol… » → cut before « Le paracétamol » (in a text over 32 KB)
 *   « ```\n\nLe code\n``` »                  → no cut: « Le code » is inside the fence
 *   « - 10 mg\n- 10 mg »                      → a cut between two one-line items of a top-level list
 *
 * Parsed whole, a 3 MB document keeps hundreds of thousands of tokens alive until the end of the parse
 * (markdown-it's time per MB doubles from 1 to 3 MB, mostly garbage collection); in pieces, each piece's
 * tokens die young. Anything this scan is not sure of (a fence or an unclosed HTML block that is not at
 * column 0, a carriage return, front matter) means no cut at all: the text is parsed whole, as before.
 */
import { isLetter } from './markdown-blocks';

/** Pieces are at least this long: an ordinary article is parsed whole. */
export const CHUNK_MIN = 32 * 1024;

/** HTML blocks that a blank line does not end (CommonMark types 1–5), with what ends them. */
const HTML_OPEN: [RegExp, RegExp][] = [
  [/^<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
];
/** A line that may open a fence or such an HTML block once container markers and indentation are skipped. */
const MAYBE_OPENER = /^[ \t>*+\-\d.)]*(?:`{3,}|~{3,}|<[!?a-zA-Z])/;
const FENCE = /^(`{3,}|~{3,})/;

/** The offsets where pieces start (0 first), or [0] when the text should be parsed whole. */
export function chunkStarts(source: string): number[] {
  const starts = [0];
  if (source.length < 2 * CHUNK_MIN || source.includes('\r') || source.startsWith('---')) return starts;
  let closer: RegExp | null = null; // inside a fence or HTML block until a line matches it
  let html = false; // an HTML block may be open: a blank line ends it
  let last = 0;
  let previous = ''; // the line before, outside fences and HTML blocks
  for (let at = 0; at < source.length;) {
    const next = source.indexOf('\n', at);
    const end = next < 0 ? source.length : next;
    if (!closer && (end === at || isLetter(source.charCodeAt(at)))) {
      // Most lines: blank, or starting with a letter (no opener, no HTML, no list item: none of the tests below).
      if (end === at) html = false;
      else if (at - last >= CHUNK_MIN && at >= 2 && source.charCodeAt(at - 2) === 10) {
        starts.push(at);
        last = at;
      }
      previous = '';
      at = end + 1;
      continue;
    }
    const line = source.slice(at, end);
    if (line === '') html = false;
    else if (HTML_LINE.test(line)) html = true;
    if (closer) {
      if (closer.test(line)) closer = null;
    } else if (at - last >= CHUNK_MIN && !html && isListCut(previous, line)) {
      starts.push(at);
      last = at;
    } else if (MAYBE_OPENER.test(line)) {
      // Trusted only after a blank line: there, a line at column 0 is at the top level (not in a paragraph,
      // a table or an HTML block that a blank line ends).
      const opened = openerAt(line);
      if (opened === undefined || (opened && at > 0 && source.charCodeAt(at - 2) !== 10)) return [0]; // not sure: parse whole
      closer = opened;
    }
    previous = closer ? '' : line;
    at = end + 1;
  }
  return starts;
}

/** A line that may start or continue an HTML block (« <div> », « - <p> »): no list cut until a blank line. */
const HTML_LINE = /^[ \t>*+\-\d.)]*</;
/** A one-line bullet item whose text starts with a letter or a digit (« - 10 mg »): never a rule « - - - ». */
const SIMPLE_ITEM = /^[-*+] +[A-Za-z0-9\u00C0-\u024F]/;

/**
 * Between two one-line items of a top-level bullet list (same marker, column 0): the second starts a new item
 * wherever the first one was, and the first ends there, whole or in pieces (« - 10 mg\n- 10 mg »).
 */
function isListCut(previous: string, line: string): boolean {
  return SIMPLE_ITEM.test(line) && SIMPLE_ITEM.test(previous) && previous[0] === line[0];
}

/**
 * For a line that may open a fence or HTML block: what closes it (null: nothing left open, such as a comment
 * closed on its line or a line that opens nothing), or undefined when it is not at column 0 (it may be inside
 * a list or a quote, whose end this scan does not follow).
 */
function openerAt(line: string): RegExp | null | undefined {
  const fence = FENCE.exec(line);
  if (fence) {
    if (fence[1][0] === '`' && line.indexOf('`', fence[1].length) >= 0) return undefined; // not a fence: a code span
    return new RegExp(`^ {0,3}${fence[1][0] === '`' ? '`' : '~'}{${fence[1].length},}[ \\t]*$`);
  }
  for (const [open, close] of HTML_OPEN) {
    if (open.test(line)) return close.test(line) ? null : close;
  }
  // Indented, or after a container marker: inside something whose end is not followed here.
  const trimmed = line.replace(/^[ \t>*+\-\d.)]*/, '');
  if (/^(?:`{3,}|~{3,})/.test(trimmed)) return undefined;
  for (const [open, close] of HTML_OPEN) if (open.test(trimmed) && !close.test(trimmed)) return undefined;
  return null;
}
