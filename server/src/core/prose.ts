/**
 * Markdown → prose. markdown-it (CommonMark, GFM tables, YAML front matter) gives the block structure;
 * only the lines of paragraphs, headings and table rows can hold prose, everything else (fenced and
 * indented code, HTML blocks, front matter, reference definitions) is blanked out with spaces. Inside
 * those blocks, `inline.ts` finds code spans, link targets, autolinks, inline HTML and bare URLs.
 * The prose text has the source's length: every offset in it is an offset in the source.
 */
import { blockParser } from './markdown-blocks';
import { InlineScanner } from './inline';
import { chunkStarts } from './parse-pieces';

export type BlockKind = 'heading' | 'paragraph' | 'tableRow' | 'listItem';

export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
}

export interface Prose {
  /** Source text with non-prose replaced by spaces (newlines kept). */
  text: string;
  blocks: Block[];
}

const BLOCKS: Record<string, BlockKind> = {
  heading_open: 'heading', paragraph_open: 'paragraph', tr_open: 'tableRow', list_item_open: 'listItem',
};
/** Blocks whose lines are prose (a list item's own lines are covered by its paragraphs). */
const PROSE_BLOCKS = new Set(['heading_open', 'paragraph_open', 'tr_open']);

/** Offsets of line starts, with markdown-it's line breaks (\r\n, \r or \n). */
function lineStarts(source: string): number[] {
  const starts = [0];
  if (source.indexOf('\r') < 0) {
    // Only \n: the native search is several times faster than a loop over every character.
    for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (source.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** `cut`: where markdown-it may parse the text in pieces (tests pass `() => [0]` to parse it whole). */
export function extractProse(source: string, cut: (source: string) => number[] = chunkStarts): Prose {
  return readProse(source, cut).prose;
}

/**
 * The prose of a text, and whether a block of it runs on to the text's last line (a fence or an HTML block
 * left open, a front matter without its end): then the same lines followed by more text may read otherwise
 * (core/chunks.ts cuts a long document for the incremental analyzer and widens a piece that ends open);
 * `cut`: where markdown-it may parse the text in pieces (parse-pieces.ts).
 */
export function readProse(source: string, cut: (source: string) => number[] = chunkStarts): { prose: Prose; openAtEnd: boolean } {
  const starts = lineStarts(source);
  const lineEnd = (line: number) => {
    let end = line + 1 < starts.length ? starts[line + 1] : source.length;
    while (end > starts[line] && (source.charCodeAt(end - 1) === 10 || source.charCodeAt(end - 1) === 13)) end--;
    return end;
  };
  const blocks: Block[] = [];
  const inline = new InlineScanner(source);
  // Non-prose ranges, as flat [start, end) pairs in source order.
  const hidden: number[] = [];
  let cursor = 0; // everything before it is decided
  let covered = -1; // last line already taken as prose (nested blocks share lines)
  let openAtEnd = false;
  // markdown-it's line count: a final line break ends the last line, it does not open another.
  const lineCount = starts.length - (starts[starts.length - 1] === source.length && source.length > 0 ? 1 : 0);
  const take = (t: { type: string; map: [number, number] | null }, lineOffset: number) => {
    if (t.map && t.map[1] + lineOffset >= lineCount) openAtEnd = true;
    const kind = BLOCKS[t.type];
    if (!kind || !t.map) return;
    const first = t.map[0] + lineOffset, last = t.map[1] + lineOffset;
    if (last <= first) return;
    const start = starts[first], end = lineEnd(last - 1);
    blocks.push({ kind, start, end });
    if (!PROSE_BLOCKS.has(t.type) || last - 1 <= covered) return;
    const from = starts[Math.max(first, covered + 1)];
    if (from > cursor) hidden.push(cursor, from);
    inline.nonProse(from, end, hidden);
    cursor = end;
    covered = last - 1;
  };
  // A large text in pieces that parse alone to the same blocks (parse-pieces.ts): their tokens die young.
  const pieces = cut(source);
  let tokens: ReturnType<typeof blockParser.parse> = [];
  for (let p = 0, line = 0; p < pieces.length; p++) {
    const end = p + 1 < pieces.length ? pieces[p + 1] : source.length;
    while (starts[line] < pieces[p]) line++;
    try {
      tokens = blockParser.parse(pieces.length === 1 ? source : source.slice(pieces[p], end), {});
    } catch {
      // markdown-it does not throw on any input we know of; if it ever does, nothing is prose
      return { prose: { text: blankRanges(source, [0, source.length], starts), blocks: [] }, openAtEnd: false };
    }
    for (const t of tokens) take(t, line);
  }
  if (cursor < source.length) hidden.push(cursor, source.length);
  // markdown-it's tokens come in that order already: the sort is a check, skipped when it would do nothing.
  if (!inOrder(blocks)) blocks.sort(byStartOuterFirst);
  return { prose: { text: blankRanges(source, hidden, starts), blocks }, openAtEnd };
}

const byStartOuterFirst = (a: Block, b: Block) => a.start - b.start || b.end - a.end;

function inOrder(blocks: Block[]): boolean {
  for (let i = 1; i < blocks.length; i++) if (byStartOuterFirst(blocks[i - 1], blocks[i]) > 0) return false;
  return true;
}

/**
 * The source with the given ranges replaced by spaces, line breaks kept: the source's code units copied once
 * into a buffer, each range filled with spaces, the line breaks inside it (found from `starts`, the line
 * starts) put back, then one decoding. A source of Latin-1 characters only stays one byte per character.
 */
const BEYOND_LATIN1 = /[^\0-\xff]/;
function blankRanges(source: string, hidden: number[], starts: number[]): string {
  if (hidden.length === 0) return source;
  const narrow = !BEYOND_LATIN1.test(source);
  const bytes = Buffer.allocUnsafeSlow(narrow ? source.length : 2 * source.length);
  bytes.write(source, narrow ? 'latin1' : 'utf16le');
  const units = narrow ? bytes : new Uint16Array(bytes.buffer, bytes.byteOffset, source.length);
  for (let k = 0; k < hidden.length; k += 2) {
    const a = hidden[k], b = hidden[k + 1];
    if (b <= a) continue;
    units.fill(32, a, b);
    // The breaks end right before the starts of the lines that begin in (a, b].
    for (let line = firstStartAfter(starts, a); line < starts.length && starts[line] <= b; line++) {
      const at = starts[line] - 1; // \n or \r, after a \r for \r\n
      units[at] = source.charCodeAt(at);
      if (at > a && units[at] === 10 && source.charCodeAt(at - 1) === 13) units[at - 1] = 13;
    }
  }
  return bytes.toString(narrow ? 'latin1' : 'utf16le');
}

/** Index of the first line start after `offset` (starts.length if none). */
function firstStartAfter(starts: number[], offset: number): number {
  let lo = 0, hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= offset) lo = mid + 1; else hi = mid;
  }
  return lo;
}
