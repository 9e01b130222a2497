/**
 * Markdown → prose. markdown-it (CommonMark, GFM tables, YAML front matter) gives the block structure;
 * only the lines of paragraphs, headings and table rows can hold prose, everything else (fenced and
 * indented code, HTML blocks, front matter, reference definitions) is blanked out with spaces. Inside
 * those blocks, `inline.ts` finds code spans, link targets, autolinks, inline HTML and bare URLs.
 * The prose text has the source's length: every offset in it is an offset in the source.
 */
import { blankRanges, lineStarts } from './code-units';
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
  const take = (t: { type: string; nesting: number; map: [number, number] | null }, lineOffset: number) => {
    if (t.map && t.map[1] + lineOffset >= lineCount) openAtEnd = true;
    if (t.nesting !== 1 || !t.map) return; // the blocks read here all open a nesting
    const kind = BLOCKS[t.type];
    if (!kind) return;
    const first = t.map[0] + lineOffset, last = t.map[1] + lineOffset;
    if (last <= first) return;
    const start = starts[first], end = lineEnd(last - 1);
    blocks.push({ kind, start, end });
    if (!PROSE_BLOCKS.has(t.type) || last - 1 <= covered) return;
    const from = starts[Math.max(first, covered + 1)];
    if (from > cursor && !onlyBreaks(source, cursor, from)) hidden.push(cursor, from);
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
    for (let k = 0; k < tokens.length; k++) take(tokens[k], line);
  }
  if (cursor < source.length) hidden.push(cursor, source.length);
  // markdown-it's tokens come in that order already: the sort is a check, skipped when it would do nothing.
  if (!inOrder(blocks)) blocks.sort(byStartOuterFirst);
  return { prose: { text: blankRanges(source, hidden, starts), blocks }, openAtEnd };
}

/** Whether s[a, b) is one or two line breaks (between two paragraphs): nothing to blank. */
function onlyBreaks(s: string, a: number, b: number): boolean {
  if (b - a > 2) return false;
  for (let i = a; i < b; i++) if (s.charCodeAt(i) !== 10 && s.charCodeAt(i) !== 13) return false;
  return true;
}

const byStartOuterFirst = (a: Block, b: Block) => a.start - b.start || b.end - a.end;

function inOrder(blocks: Block[]): boolean {
  for (let i = 1; i < blocks.length; i++) if (byStartOuterFirst(blocks[i - 1], blocks[i]) > 0) return false;
  return true;
}
